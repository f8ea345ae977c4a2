'use strict';
// Part of `npm test`: the packed package in Node-RED 4.1 on the Node.js of the test run.
require('./suite').describeRuntime('nr4', { nodeRed: '4.1', node: process.versions.node.split('.')[0] });
