'use strict';
// One browser suite's world: a simulator, Node-RED (4 or 5) in a fresh user directory and
// its editor in Chromium, started together and stopped together.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { runtime, root } = require('../e2e-runtime/runtimes');
const { freshUserDir } = require('../e2e-runtime/install');
const { startNodeRed } = require('../e2e-runtime/node-red');
const { startSimulator } = require(path.join(root, 'dist', 'src', 'simulator'));
const ui = require('./editor-page');

/** The runtimes a browser suite runs in: BROWSER_RUNTIMES=nr4 narrows it to one. */
const RUNTIMES = (process.env.BROWSER_RUNTIMES || 'nr4,nr5')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const SHOTS = path.join(root, 'test', 'e2e', 'screenshots');

/**
 * Starts the world for runtime `name`. `flows(sim)` is the flow Node-RED starts with and
 * `credentials` its credentials file by node id (credentialSecret is off: plain JSON).
 * @param {string} name
 * @param {{ user: object, plants?: number, flows?: (sim: any) => object[], credentials?: object }} options
 */
async function startEditorRun(name, { user, plants = 3, flows, credentials }) {
  const rt = await runtime(name);
  const [sim, userDir] = await Promise.all([startSimulator({ plants, users: [user] }), freshUserDir()]);
  /** @type {{ sim: typeof sim, userDir: string, red?: any, editor?: any }} */
  const run = { sim, userDir, red: undefined, editor: undefined };
  try {
    if (credentials) fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify(credentials));
    run.red = await startNodeRed(rt, userDir, flows ? { flows: flows(sim) } : {});
    // Node-RED 5's rotating tips throw when a tip is due before the info sidebar is drawn (after a reload, say).
    await run.red.post('/settings/user', { editor: { view: { 'view-show-tips': false } } });
    run.editor = await ui.openEditor(run.red.url);
  } catch (e) {
    await stopEditorRun(run);
    throw e;
  }
  return run;
}

async function stopEditorRun(run) {
  if (!run) return;
  if (run.editor) await run.editor.close();
  if (run.red) await run.red.stop();
  if (run.sim) await run.sim.close();
  if (run.userDir) fs.rmSync(run.userDir, { recursive: true, force: true });
}

/**
 * The hooks of a browser suite, called inside its describe(): the world is started before
 * its tests (into the returned object) and stopped after them; after each test a picker or
 * dialog a failed step left open is closed, and the editor must have logged no error.
 * @param {string} name
 * @param {Parameters<typeof startEditorRun>[1]} options
 */
function useEditorRun(name, options) {
  /** @type {{ sim?: any, red?: any, editor?: any, userDir?: string }} */
  const run = {};
  before(async function () {
    this.timeout(600000);
    Object.assign(run, await startEditorRun(name, options));
  });
  after(async function () {
    await stopEditorRun(run);
  });
  afterEach(async function () {
    if (!run.editor) return;
    await ui.closeLeftovers(run.editor.page);
    assert.deepEqual(run.editor.errors.splice(0), [], 'no console error in the editor');
  });
  return run;
}

module.exports = { RUNTIMES, SHOTS, useEditorRun };
