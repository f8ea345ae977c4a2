'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, NODES } = require('../helpers/flow');
const { operationsOf } = require('../../dist/src/api');
const { DEFAULT_USER } = require('../../dist/src/simulator');

const EXAMPLES = ['control-charge-cheapest-hour.json', 'control-inverters-off-on.json'];
const read = (file) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', file), 'utf8'));
const coreDir = path.dirname(require.resolve('@node-red/nodes/core/common/20-inject.js'));
const CORE = [
  'common/20-inject.js',
  'common/21-debug.js',
  'common/90-comment.js',
  'function/10-function.js',
  'function/15-change.js',
  'function/89-delay.js',
].map((f) => require(path.join(coreDir, '..', f)));
const { must } = require('../helpers/must');

/** Loads an example against the simulator with the credentials the example leaves out. */
async function loadExample(sim, file) {
  const flow = read(file).map((n) => (n.type === 'fusionsolar-account' ? { ...n, baseUrl: sim.url } : n));
  const account = flow.find((n) => n.type === 'fusionsolar-account');
  await helper.load([...Object.values(NODES), ...CORE], flow, {
    [account.id]: { username: DEFAULT_USER.username, password: DEFAULT_USER.password },
  });
}

function until(pred, ms = 10000) {
  return new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
    const started = Date.now();
    const tick = () =>
      pred() ? resolve() : Date.now() - started > ms ? reject(new Error('timed out')) : setTimeout(tick, 5);
    tick();
  });
}

describe('control example flows', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  for (const file of EXAMPLES) {
    it(`${file}: points at the local simulator, holds no credentials, uses catalogue operations`, function () {
      const flow = read(file);
      const [account] = flow.filter((n) => n.type === 'fusionsolar-account');
      assert.equal(account.baseUrl, 'http://127.0.0.1:27200');
      assert.ok(flow.every((n) => n.credentials === undefined));
      // Commands need control allowed; the example says so where a user reads it.
      assert.equal(account.allowControl, true);
      assert.match(flow.find((n) => n.type === 'tab').info, /"Allow device control" on/);
      const ops = operationsOf('fusionsolar-control').map((o) => o.name);
      const controls = flow.filter((n) => n.type === 'fusionsolar-control');
      assert.ok(controls.length > 0);
      assert.ok(controls.every((n) => ops.includes(n.operation) && n.account === account.id && n.wires.length === 2));
    });
  }

  it(
    'charge-cheapest-hour: picks the cheapest hour left today, and its control node charges to 90% ' + 'with tracking',
    async function () {
      const fn = read(EXAMPLES[0]).find((n) => n.type === 'function');
      const prices = Array.from({ length: 24 }, (_, h) => ({ 5: 0.05, 12: 0.1, 23: 0.2 })[h] ?? 0.3);
      // The function reads the clock: run it at fixed local times, so the verdict is the same
      // whatever hour the suite runs.
      const at = (hh, mm) => {
        const fixed = new Date(2026, 5, 1, hh, mm, 0, 0).getTime();
        return class extends Date {
          // The example calls new Date() and new Date(ms).
          /** @param {[] | [number | string | Date]} args */
          constructor(...args) {
            super(args.length ? args[0] : fixed);
          }
        };
      };
      const run = (hh, mm) =>
        new Function('msg', 'node', 'Date', fn.func)({ payload: prices }, { status() {} }, at(hh, mm));
      assert.equal(run(3, 0).delay, 2 * 3600_000, 'at 03:00 the cheapest hour left is 05:00');
      assert.equal(run(10, 30).delay, 90 * 60_000, 'at 10:30, 05:00 is past: 12:00');
      assert.equal(run(23, 10).delay, 0, 'in the cheapest hour left, at once');
      assert.equal(run(12, 0).delay, 0);
      const out = run(10, 30);
      assert.deepEqual(out.payload, { dispatchSwitch: 1, controlType: 1, targetSOC: 90 });
      const now = read(EXAMPLES[0]).find((n) => n.id === 'cc-now');
      assert.deepEqual(JSON.parse(now.payload), out.payload, '"charge now" sends what the cheapest hour would');

      ({ sim } = await virtualSim({ plants: 3, users: [DEFAULT_USER] }));
      await loadExample(sim, EXAMPLES[0]);
      const progress = [];
      helper
        .getNode('cc-progress')
        .on('input', (m) => progress.push(must(m.fusionsolar?.tracking, 'm.fusionsolar.tracking').state));
      helper.getNode('cc-charge').receive({ payload: out.payload });
      await until(() => progress.includes('complete'));
      const battery = must(sim.fleet.plant('NE=33554432'), 'sim.fleet.plant("NE=33554432")').devices.find(
        (d) => d.deviceTypeId === 20815,
      );
      assert.equal(must(battery, 'battery').soc, 90);
      assert.equal(progress.filter((s) => s === 'complete').length, 1);
    },
  );

  it('inverters-off-on: switches the inverters off, then on again', async function () {
    ({ sim } = await virtualSim({ plants: 3, users: [DEFAULT_USER] }));
    await loadExample(sim, EXAMPLES[1]);
    const inverters = ['NE=1000000', 'NE=1000006'].map((dn) => sim.fleet.device(dn));
    helper.getNode('ci-off').receive({ payload: Date.now() });
    await until(() => sim.stats.commands['vpp/devOnOff'] === 1);
    assert.ok(inverters.every((d) => d.off === true));
    // The delay holds the message for 30 minutes of real time: hand its output on directly.
    helper.getNode('ci-reset').receive({ payload: [{ dn: 'NE=1000000', result: 0 }] });
    await until(() => sim.stats.commands['vpp/devOnOff'] === 2);
    assert.ok(inverters.every((d) => d.off === false));
  });
});
