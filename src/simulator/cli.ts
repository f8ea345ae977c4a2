#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSimulator } from './server';

const USAGE = `fusionsolar-simulator: the FusionSolar Northbound Interfaces V7 and V6 (/thirdData/) on loopback

Options:
  --port N            port (default 27200; 0 picks a free one)
  --host H            address to listen on (default 127.0.0.1)
  --plants N          number of simulated plants (default 3)
  --seed N            seed of the fleet and weather (default 42)
  --user NAME         northbound user name (default demo)
  --password PW       its password (default demo-password)
  --no-quotas         do not enforce the documented per-user quotas (no 407)
  --single-session    a new login ends the user's other sessions
  --quirks            answer with the live servers' documented oddities
  --tls-key FILE      PEM key: serve HTTPS (with --tls-cert)
  --tls-cert FILE     PEM certificate
  --admin-token T     let /__sim/ control endpoints answer whoever sends x-sim-token: T
                      (without it they answer loopback clients only)
  -h, --help          this text`;

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '27200' },
      host: { type: 'string', default: '127.0.0.1' },
      plants: { type: 'string', default: '3' },
      seed: { type: 'string', default: '42' },
      user: { type: 'string', default: 'demo' },
      password: { type: 'string', default: 'demo-password' },
      'no-quotas': { type: 'boolean', default: false },
      'single-session': { type: 'boolean', default: false },
      quirks: { type: 'boolean', default: false },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'admin-token': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const tls =
    values['tls-key'] && values['tls-cert']
      ? { key: readFileSync(values['tls-key'], 'utf8'), cert: readFileSync(values['tls-cert'], 'utf8') }
      : undefined;
  startSimulator({
    port: Number(values.port),
    host: values.host,
    plants: Number(values.plants),
    seed: Number(values.seed),
    users: [{ username: values.user, password: values.password, scope: 'all' }],
    quotas: !values['no-quotas'],
    singleSession: values['single-session'],
    adminToken: values['admin-token'],
    quirks: values.quirks,
    tls,
  }).then(
    (sim) => {
      process.stdout.write(
        `FusionSolar simulator listening on ${sim.url} (${sim.fleet.plants.length} plants, user "${values.user}")\n`,
      );
      const stop = (): void => {
        void sim.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: Error) => {
      process.stderr.write(`simulator failed to start: ${err.message}\n`);
      process.exit(1);
    },
  );
}

main();
