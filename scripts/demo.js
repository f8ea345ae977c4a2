#!/usr/bin/env node
'use strict';
// `npm start`: the simulator and Node-RED with this package and the demo flow, in one command.
// With the devDependency @flowfuse/node-red-dashboard installed it also serves the fleet
// dashboard of scripts/demo-dashboard.json at /dashboard/fleet.
// Ports: DEMO_PORT (Node-RED, default 1880) and SIM_PORT (simulator, default 27200).
// DEMO_API=v6 makes the demo's accounts V6 (/thirdData/) accounts of the same simulator.
// The flows are seeded into the user directory only when it has none (or with --reset), so
// what a user builds in the demo survives the next start.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startSimulator } = require('../dist/src/simulator');

const root = path.join(__dirname, '..');
const userDir = process.env.DEMO_USER_DIR || path.join(root, '.demo');
const redPort = Number(process.env.DEMO_PORT || 1880);
const simPort = Number(process.env.SIM_PORT || 27200);
/** @type {import('../dist/src/simulator').SimUser} */
const DEMO_USER = { username: 'demo', password: 'demo-password', scope: 'all' };
// The dashboard polls on its own schedule: its own user keeps its calls out of the demo tab's quota.
/** @type {import('../dist/src/simulator').SimUser} */
const DASHBOARD_USER = { username: 'dashboard', password: 'dashboard-password', scope: 'all' };
const DASHBOARD = '@flowfuse/node-red-dashboard';
const API = process.env.DEMO_API === 'v6' ? 'v6' : 'v7';
const RESET = process.argv.slice(2).includes('--reset');
// Node-RED 5 tests run the demo on their own runtime: DEMO_NODE (Node.js) and DEMO_RED_JS (red.js).
const NODE = process.env.DEMO_NODE || process.execPath;
const RED_JS = process.env.DEMO_RED_JS || require.resolve('node-red/red.js');
// Every example refers to this account id: an example imported into the demo reuses it, credentials and all.
const SHARED_ACCOUNT = 'fusionsolar-demo-account';
const SHARED_V6_ACCOUNT = 'fusionsolar-demo-account-v6';
const DASHBOARD_ACCOUNT = 'dash-account';
const DASHBOARD_TAB = 'dash-tab';

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
  return JSON.parse(fs.readFileSync(file, 'utf8')).map((n) =>
    n.type === 'fusionsolar-account' ? { ...n, demoUser: user } : n,
  );
}

/** The accounts the demo owns: they follow SIM_PORT and DEMO_API on every start. */
function pointAccounts(flows, simUrl) {
  for (const n of flows) {
    // The dashboard's functions read which interface its account speaks from the tab's environment.
    if (n.type === 'tab' && n.id === DASHBOARD_TAB)
      n.env = [
        ...(n.env || []).filter((e) => e.name !== 'FUSIONSOLAR_API'),
        { name: 'FUSIONSOLAR_API', value: API, type: 'str' },
      ];
    if (n.type !== 'fusionsolar-account' || ![SHARED_ACCOUNT, SHARED_V6_ACCOUNT, DASHBOARD_ACCOUNT].includes(n.id))
      continue;
    n.baseUrl = simUrl;
    if (n.id === SHARED_V6_ACCOUNT) continue; // the V6 examples' account is V6 whatever DEMO_API says
    // Test runs (the browser suite imports every example at once) switch the pacing off.
    if (process.env.DEMO_QUOTA) n.quotaProfile = process.env.DEMO_QUOTA;
    if (API === 'v6') n.api = 'v6';
    else if (n.api === 'v6') n.api = 'v7';
  }
  return flows;
}

/** Ports in the seeded texts (tab infos, comments) are the ones this demo runs on. */
function localPorts(text) {
  return text
    .replace(/127\.0\.0\.1:27200/g, `127.0.0.1:${simPort}`)
    .replace(/(localhost|127\.0\.0\.1):1880/g, `127.0.0.1:${redPort}`);
}

function seedFlows(simUrl, dashboardDir) {
  let flows = readFlow(path.join(root, 'examples', 'demo-plants-and-devices.json'), DEMO_USER);
  // The V6 examples (device data, alarms) refer to a V6 account of the same simulator user.
  const v7 = flows.find((n) => n.id === SHARED_ACCOUNT);
  flows.push({ ...v7, id: SHARED_V6_ACCOUNT, name: 'FusionSolar demo V6 (npm start)', api: 'v6', allowControl: false });
  if (dashboardDir) flows = flows.concat(readFlow(path.join(__dirname, 'demo-dashboard.json'), DASHBOARD_USER));
  // The demo's credentials are the simulator's; a real account's are encrypted by Node-RED.
  const creds = {};
  for (const n of flows) {
    if (n.type === 'fusionsolar-account') {
      creds[n.id] = { username: n.demoUser.username, password: n.demoUser.password };
      delete n.demoUser;
    }
    if (typeof n.info === 'string') n.info = localPorts(n.info);
    if (n.type === 'comment') n.name = localPorts(n.name || '');
    // Tests subscribe to the debug sidebar before the first injection fires (the injects keep their order).
    if (n.type === 'inject' && n.once && process.env.DEMO_ONCE_DELAY)
      n.onceDelay = String(Number(process.env.DEMO_ONCE_DELAY) + Number(n.onceDelay || 0.1) - 1);
  }
  fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify(creds, null, 2));
  return pointAccounts(flows, simUrl);
}

/** A user directory that loads this checkout (and the dashboard) as installed packages. */
function prepareUserDir(simUrl, dashboardDir) {
  fs.mkdirSync(path.join(userDir, 'node_modules'), { recursive: true });
  link(root, 'node-red-contrib-fusionsolar');
  if (dashboardDir) link(dashboardDir, DASHBOARD);
  else fs.rmSync(path.join(userDir, 'node_modules', DASHBOARD), { recursive: true, force: true });
  const flowFile = path.join(userDir, 'flows.json');
  const seed = RESET || !fs.existsSync(flowFile);
  const flows = seed
    ? seedFlows(simUrl, dashboardDir)
    : pointAccounts(JSON.parse(fs.readFileSync(flowFile, 'utf8')), simUrl);
  fs.writeFileSync(flowFile, JSON.stringify(flows, null, 2));
  // As the tests run it: no update notification, no palette catalogue fetch, no telemetry prompt.
  // Files the flows write with a relative name land in the user directory, not the checkout.
  fs.writeFileSync(
    path.join(userDir, 'settings.js'),
    `module.exports = { uiHost: '127.0.0.1', credentialSecret: false, flowFile: 'flows.json', ` +
      `fileWorkingDirectory: ${JSON.stringify(userDir)}, logging: { console: { level: 'info' } }, ` +
      `editorTheme: { tours: false, projects: { enabled: false }, palette: { catalogues: [] } }, ` +
      `telemetry: { enabled: false }, diagnostics: { enabled: true } };\n`,
  );
  return seed;
}

async function main() {
  const dashboardDir = dashboardPackage();
  const sim = await startSimulator({
    port: simPort,
    plants: Number(process.env.SIM_PLANTS || 5),
    users: [DEMO_USER, DASHBOARD_USER],
    quotas: process.env.SIM_QUOTAS !== 'off',
  });
  const seeded = prepareUserDir(sim.url, dashboardDir);
  const red = spawn(NODE, [RED_JS, '-u', userDir, '-p', String(redPort), '-s', path.join(userDir, 'settings.js')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: userDir,
  });
  const dashboardLine = dashboardDir
    ? `Fleet dashboard:       http://127.0.0.1:${redPort}/dashboard/fleet\n`
    : `Fleet dashboard:       not served (${DASHBOARD} is not installed: run npm install)\n`;
  process.stdout.write(
    `\nFusionSolar simulator: ${sim.url} (user "demo", password ` +
      `"demo-password", ${API === 'v6' ? 'V6 /thirdData/' : 'V7'} accounts)\nNode-RED editor:       ` +
      `http://127.0.0.1:${redPort}/  (open the debug sidebar)\n${dashboardLine}Flows:                ` +
      ` ${seeded ? 'the demo flows, seeded into' : 'yours, kept in'} ${userDir} (npm start -- ` +
      `--reset seeds them again)\n\n`,
  );
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
    void sim.close().then(() => process.exit(stopping ? 0 : (code ?? 1)));
  });
}

main().catch((err) => {
  process.stderr.write(`demo failed to start: ${err.message}\n`);
  process.exit(1);
});
