'use strict';
// One end-to-end suite per runtime: the packed package in a fresh user directory, Node-RED
// started on it, every node type registered, every example deployed against the simulator.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { runtime, root } = require('./runtimes');
const { freshUserDir } = require('./install');
const { startNodeRed } = require('./node-red');
const { exampleFiles, expectations, deployable } = require('./examples');
const { startSimulator } = require(path.join(root, 'dist', 'src', 'simulator'));

const PKG = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const EXAMPLE_MS = Number(process.env.E2E_EXAMPLE_TIMEOUT || 30000);
/** Matches the simulator CLI's defaults, which the examples are written against. */
const SIM_PLANTS = 3;

function describeRuntime(name, { nodeRed, node }) {
  describe(`end to end in Node-RED ${nodeRed} on Node.js ${node} (${name})`, function () {
    this.timeout(EXAMPLE_MS + 10000);
    const examples = exampleFiles();
    const users = examples.map((_, i) => ({
      username: `e2e-user-${i + 1}`,
      password: `e2e-Passw0rd-${i + 1}`,
      scope: 'all',
    }));
    let sim;
    let red;
    let userDir;

    before(async function () {
      this.timeout(600000);
      const rt = await runtime(name);
      [sim, userDir] = await Promise.all([
        startSimulator({ plants: SIM_PLANTS, users, quotas: false }),
        freshUserDir(),
      ]);
      red = await startNodeRed(rt, userDir);
    });

    after(async function () {
      if (red) await red.stop();
      if (sim) await sim.close();
      if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
    });

    it(`runs Node-RED ${nodeRed} on Node.js ${node}`, async function () {
      const settings = await red.get('/settings');
      assert.match(settings.version, new RegExp(`^${nodeRed.replace('.', '\\.')}\\.`));
      const diag = await red.get('/diagnostics');
      assert.match(diag.nodejs.version, new RegExp(`^v${node}\\.`));
    });

    it('lists every node type of package.json in /nodes, enabled, with no load error', async function () {
      const sets = (await red.get('/nodes')).filter((s) => s.module === PKG.name);
      const types = sets.flatMap((s) => s.types).sort();
      assert.deepEqual(types, Object.keys(PKG['node-red'].nodes).sort());
      for (const s of sets) {
        assert.equal(s.err, undefined, `${s.id}: ${s.err}`);
        assert.equal(s.enabled, true, s.id);
        assert.equal(s.version, PKG.version);
      }
    });

    it("serves every node's labels and help in en-US, zh-CN and de", async function () {
      const types = Object.keys(PKG['node-red'].nodes);
      const heading = { 'en-US': '<h3>Inputs</h3>', 'zh-CN': '<h3>输入</h3>', de: '<h3>Eingaben</h3>' };
      for (const lng of Object.keys(heading)) {
        for (const type of types) {
          const labels = await red.get(`/locales/${PKG.name}/${type}?lng=${lng}`);
          const local = JSON.parse(
            fs.readFileSync(path.join(root, 'nodes', type, 'locales', lng, `${type}.json`), 'utf8'),
          );
          assert.deepEqual(labels[type], local[type], `${lng} ${type} labels`);
        }
        const res = await fetch(`${red.url}/nodes`, { headers: { accept: 'text/html', 'accept-language': lng } });
        const html = await res.text();
        assert.ok(html.includes(heading[lng]), `${lng} help is served`);
      }
    });

    /** Deploys `flow` (accounts already pointed at the simulator) and waits for its debug output. */
    async function expectOutput(file, flow, deployed) {
      const { required, forbidden, manualInjects } = expectations(flow);
      assert.ok(required.length, `${file} has a debug node fed from an inject`);
      const debug = await red.debug();
      try {
        await red.deploy(deployed);
        for (const n of manualInjects) await red.post(`/inject/${n.id}`);
        const ids = new Set(flow.map((n) => n.id));
        const problems = () =>
          debug.messages.filter((m) => (m.level === 20 && ids.has(m.id)) || forbidden.some((f) => f.id === m.id));
        const missing = () =>
          required.filter((d) => !debug.messages.some((m) => m.id === d.id && m.level === undefined));
        const summary = () =>
          `${file}: waiting for ${missing()
            .map((d) => d.name || d.id)
            .join(', ')}; got ${JSON.stringify(debug.messages).slice(0, 1500)}`;
        await debug.until(() => missing().length === 0 || problems().length > 0, EXAMPLE_MS, summary);
        assert.deepEqual(problems(), [], `${file}: errors`);
        for (const d of required) {
          const m = debug.messages.find((x) => x.id === d.id);
          assert.ok(m.msg !== undefined && m.msg !== 'undefined', `${file}: ${d.name || d.id} showed a value`);
        }
      } finally {
        debug.close();
      }
    }

    examples.forEach(({ file, flow }, i) => {
      it(`deploys examples/${file} against the simulator and sees its output`, async function () {
        await expectOutput(file, flow, deployable(flow, sim.url, users[i]));
      });
    });

    // Most owners have V6 accounts, some V7, and some both: one deploy, two interfaces, each
    // node offered its own account's operations and producing data.
    it('runs a V7 and a V6 account side by side in one flow', async function () {
      const v7 = examples.findIndex((e) => e.file === 'plant-data-realtime-poll.json');
      const v6 = examples.findIndex((e) => e.file === 'device-data-realtime-poll.json');
      assert.ok(v7 >= 0 && v6 >= 0);
      assert.ok(examples[v6].flow.some((n) => n.type === 'fusionsolar-account' && n.api === 'v6'));
      assert.ok(examples[v7].flow.some((n) => n.type === 'fusionsolar-account' && (n.api ?? 'v7') === 'v7'));
      const both = [...examples[v7].flow, ...examples[v6].flow];
      const deployed = [
        ...deployable(examples[v7].flow, sim.url, users[v7]),
        ...deployable(examples[v6].flow, sim.url, users[v6]),
      ];
      await expectOutput('V7 and V6 side by side', both, deployed);
    });
  });
}

module.exports = { describeRuntime };
