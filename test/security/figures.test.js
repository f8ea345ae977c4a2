'use strict';
// Root hook: the suite's figures once, after every security test has run.
const report = require('./report');

after(function () {
  if (report.figures.tried) report.print();
});
