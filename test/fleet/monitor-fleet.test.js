'use strict';
// The monitor over 24 simulated hours for the big V6 fleets: 120 and 1000 plants with every
// device of types 1, 38, 17, 39 and 47 and the alarms (the simulator's mix: one inverter,
// battery and meter per home, several inverters per commercial plant), each with a user's
// own realtimeKpi call every 10 minutes (the checks: test/helpers/monitor-day.js).
const { describeDay } = require('../helpers/monitor-day');

// Timeouts for a machine under load (load average 12 on 2 cores), not the usual run time.
describeDay(120, 'v6', 1_200_000);
describeDay(1000, 'v6', 3_600_000);
