import { FusionSolarError } from '../../src/client/errors';
import type { Monitor, MonitorStatus } from '../../src/monitor/monitor';
import type { OutMessage } from '../../src/monitor/output';
import type { FusionSolarClient } from '../../src/client/client';
import { accountOf } from '../shared/account-ref';
import { watchAccount } from '../shared/account-status';
import { migrationsOf } from '../shared/migrate';
import { nodeError, startNode } from '../shared/node-base';
import { nodeTranslator } from '../shared/i18n';
import { library } from '../shared/lazy';
import type { Node, NodeAPI, NodeMessage } from '../shared/types';
import type { MonitorConfig } from './settings';

const TYPE = 'fusionsolar-monitor';

function hhmm(t: number): string {
  const d = new Date(t);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Polls by itself at the best rate the quotas allow; output 1 readings, output 2 alarms. */
export = function register(RED: NodeAPI): void {
  function FusionSolarMonitor(this: Node, saved: MonitorConfig): void {
    const node = this;
    const { config, status, t: common } = startNode(RED, node, saved, migrationsOf(TYPE));
    const t = nodeTranslator(RED, TYPE);
    let monitor: Monitor | undefined;
    let client: FusionSolarClient | undefined;
    let unwatch: (() => void) | undefined;
    try {
      const { Monitor: MonitorOf, monitorSettings } = library();
      const settings = monitorSettings(config);
      client = accountOf(RED, config).client;
      // A rejected login or an unreachable Redis shows here as on every node of the account.
      unwatch = watchAccount(client, status, common);
      const toMsgs = (list: OutMessage[]): NodeMessage[] => list.map((m) => ({ ...m }));
      monitor = new MonitorOf(
        { client, id: node.id, ...settings },
        {
          readings: (list) => node.send([toMsgs(list), null]),
          alarms: (list) => node.send([null, toMsgs(list)]),
          status: (s) => show(s),
          error: (err) => {
            if (process.env.MON_DEBUG) console.log('monitor error', err);
            node.warn(nodeError(RED, config, err).message);
          },
        },
      );
      monitor.start();
    } catch (err) {
      const e = nodeError(RED, config, err);
      status.error(e.code === 'INVALID_INPUT' ? (e.field ?? e.code) : e.code);
      node.error(e.message);
    }

    function show(s: MonitorStatus): void {
      if (client?.state?.health === 'offline') return status.error(common('status.storeOffline'));
      if (client?.session.state === 'rejected') return status.error(common('status.loginRejected'));
      if (s.error) return status.failed(s.error);
      if (s.nextAt === undefined) return status.ok(t('status.idle'));
      const vars = { time: hhmm(s.nextAt), used: s.used ?? '-', limit: s.limit ?? '-', held: s.heldBack };
      const text = t(s.heldBack > 0 ? 'status.nextHeld' : 'status.next', vars);
      if (s.heldBack > 0) status.warn(text);
      else status.ok(text);
    }

    node.on('input', (msg, _send, done) => {
      try {
        monitor?.input(msg.topic, msg.payload);
        done();
      } catch (err) {
        done(err instanceof FusionSolarError ? err : nodeError(RED, config, err));
      }
    });

    node.on('close', (_removed: boolean, done: () => void) => {
      unwatch?.();
      status.clear();
      if (!monitor) return done();
      monitor.stop().then(done, done);
    });
  }
  RED.nodes.registerType(TYPE, FusionSolarMonitor);
};
