'use strict';
// `npm run test:e2e:nr5`: the packed package in Node-RED 5 on Node.js 24 (installed into
// node_modules/.cache/fusionsolar-e2e on first use).
require('./suite').describeRuntime('nr5', { nodeRed: '5', node: '24' });
