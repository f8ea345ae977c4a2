#!/usr/bin/env node
'use strict';
// `npm start`: the simulator and Node-RED with this package and the demo flow, in one command.
// Ports: DEMO_PORT (Node-RED, default 1880) and SIM_PORT (simulator, default 27200).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startSimulator } = require('../dist/src/simulator');

const root = path.join(__dirname, '..');
const userDir = process.env.DEMO_USER_DIR || path.join(root, '.demo');
const redPort = Number(process.env.DEMO_PORT || 1880);
const simPort = Number(process.env.SIM_PORT || 27200);
const DEMO_USER = { username: 'demo', password: 'demo-password', scope: 'all' };

/** A throwaway user directory that loads this checkout as an installed package. */
function prepareUserDir(simUrl) {
  fs.mkdirSync(path.join(userDir, 'node_modules'), { recursive: true });
  const link = path.join(userDir, 'node_modules', 'node-red-contrib-fusionsolar');
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(root, link, 'dir');
  const flows = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'demo.json'), 'utf8'));
  for (const n of flows) {
    if (n.type === 'fusionsolar-account') n.baseUrl = simUrl;
    // Tests subscribe to the debug sidebar before the first injection fires.
    if (n.type === 'inject' && n.once && process.env.DEMO_ONCE_DELAY) n.onceDelay = process.env.DEMO_ONCE_DELAY;
  }
  fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows, null, 2));
  // The demo's credentials are the simulator's; a real account's are encrypted by Node-RED.
  const creds = {};
  for (const n of flows) if (n.type === 'fusionsolar-account') creds[n.id] = { username: DEMO_USER.username, password: DEMO_USER.password };
  fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify(creds, null, 2));
  fs.writeFileSync(
    path.join(userDir, 'settings.js'),
    `module.exports = { uiHost: '127.0.0.1', credentialSecret: false, flowFile: 'flows.json', logging: { console: { level: 'info' } }, editorTheme: { tours: false } };\n`,
  );
}

async function main() {
  const sim = await startSimulator({ port: simPort, plants: Number(process.env.SIM_PLANTS || 5), users: [DEMO_USER] });
  prepareUserDir(sim.url);
  const red = spawn(process.execPath, [require.resolve('node-red/red.js'), '-u', userDir, '-p', String(redPort), '-s', path.join(userDir, 'settings.js')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.stdout.write(`\nFusionSolar simulator: ${sim.url} (user "demo", password "demo-password")\nNode-RED editor:       http://127.0.0.1:${redPort}/  (open the debug sidebar)\n\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    red.kill('SIGINT');
    void sim.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  red.on('exit', (code) => {
    void sim.close().then(() => process.exit(stopping ? 0 : code ?? 1));
  });
}

main().catch((err) => {
  process.stderr.write(`demo failed to start: ${err.message}\n`);
  process.exit(1);
});
