'use strict';
// The monitor over 24 simulated hours: 1, 120 and 1000 plants on V7, 1 plant on V6 with
// devices and alarms, each with a user's own realtimeKpi call every 10 minutes on the same
// budget (the checks: test/helpers/monitor-day.js). V6 120 and 1000: npm run test:fleet.
const { describeDay } = require('../helpers/monitor-day');

// Timeouts for a machine under load (load average 12 on 2 cores), not the usual run time.
describeDay(1, 'v7', 300_000);
describeDay(120, 'v7', 600_000);
describeDay(1000, 'v7', 1_800_000);
describeDay(1, 'v6', 600_000);
