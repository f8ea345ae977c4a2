#!/usr/bin/env node
'use strict';
// `npm start`: the simulator and Node-RED with this package and the demo flow, in one command.
// With the devDependency @flowfuse/node-red-dashboard installed it also serves the fleet
// dashboard of scripts/demo-dashboard.json at /dashboard/fleet.
// Ports: DEMO_PORT (Node-RED, default 1880) and SIM_PORT (simulator, default 27200).
// DEMO_API=v6 makes the demo's accounts V6 (/thirdData/) accounts of the same simulator.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startSimulator } = require('../dist/src/simulator');

const root = path.join(__dirname, '..');
const userDir = process.env.DEMO_USER_DIR || path.join(root, '.demo');
const redPort = Number(process.env.DEMO_PORT || 1880);
const simPort = Number(process.env.SIM_PORT || 27200);
const DEMO_USER = { username: 'demo', password: 'demo-password', scope: 'all' };
// The dashboard polls on its own schedule: its own user keeps its calls out of the demo tab's quota.
const DASHBOARD_USER = { username: 'dashboard', password: 'dashboard-password', scope: 'all' };
const DASHBOARD = '@flowfuse/node-red-dashboard';
const API = process.env.DEMO_API === 'v6' ? 'v6' : 'v7';

/** The dashboard package's directory when it is installed (a devDependency), else null. */
function dashboardPackage() {
  try {
    return path.dirname(require.resolve(`${DASHBOARD}/package.json`, { paths: [root] }));
  } catch {
    return null;
  }
}

function link(target, name) {
  const at = path.join(userDir, 'node_modules', name);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.rmSync(at, { recursive: true, force: true });
  fs.symlinkSync(target, at, 'dir');
}

function readFlow(file, user) {
  return JSON.parse(fs.readFileSync(file, 'utf8')).map((n) => (n.type === 'fusionsolar-account' ? { ...n, demoUser: user } : n));
}

/** A throwaway user directory that loads this checkout (and the dashboard) as installed packages. */
function prepareUserDir(simUrl, dashboardDir) {
  fs.mkdirSync(path.join(userDir, 'node_modules'), { recursive: true });
  link(root, 'node-red-contrib-fusionsolar');
  let flows = readFlow(path.join(root, 'examples', 'demo.json'), DEMO_USER);
  if (dashboardDir) {
    link(dashboardDir, DASHBOARD);
    flows = flows.concat(readFlow(path.join(__dirname, 'demo-dashboard.json'), DASHBOARD_USER));
  } else {
    fs.rmSync(path.join(userDir, 'node_modules', DASHBOARD), { recursive: true, force: true });
  }
  // The demo's credentials are the simulator's; a real account's are encrypted by Node-RED.
  const creds = {};
  for (const n of flows) {
    if (n.type === 'fusionsolar-account') {
      n.baseUrl = simUrl;
      if (API === 'v6') n.api = 'v6';
      creds[n.id] = { username: n.demoUser.username, password: n.demoUser.password };
      delete n.demoUser;
    }
    // Tests subscribe to the debug sidebar before the first injection fires.
    if (n.type === 'inject' && n.once && process.env.DEMO_ONCE_DELAY) n.onceDelay = process.env.DEMO_ONCE_DELAY;
  }
  fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows, null, 2));
  fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify(creds, null, 2));
  fs.writeFileSync(
    path.join(userDir, 'settings.js'),
    `module.exports = { uiHost: '127.0.0.1', credentialSecret: false, flowFile: 'flows.json', logging: { console: { level: 'info' } }, editorTheme: { tours: false } };\n`,
  );
}

async function main() {
  const dashboardDir = dashboardPackage();
  const sim = await startSimulator({ port: simPort, plants: Number(process.env.SIM_PLANTS || 5), users: [DEMO_USER, DASHBOARD_USER] });
  prepareUserDir(sim.url, dashboardDir);
  const red = spawn(process.execPath, [require.resolve('node-red/red.js'), '-u', userDir, '-p', String(redPort), '-s', path.join(userDir, 'settings.js')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const dashboardLine = dashboardDir
    ? `Fleet dashboard:       http://127.0.0.1:${redPort}/dashboard/fleet\n`
    : `Fleet dashboard:       not served (${DASHBOARD} is not installed: run npm install)\n`;
  process.stdout.write(`\nFusionSolar simulator: ${sim.url} (user "demo", password "demo-password", ${API === 'v6' ? 'V6 /thirdData/' : 'V7'} accounts)\nNode-RED editor:       http://127.0.0.1:${redPort}/  (open the debug sidebar)\n${dashboardLine}\n`);
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
