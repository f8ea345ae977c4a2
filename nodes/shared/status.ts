import type { FusionSolarError } from '../../src/client/errors';
import type { Translate } from './i18n';
import type { Node } from './types';

type Fill = 'red' | 'green' | 'yellow' | 'blue' | 'grey';

/** Node-RED shows about 20 characters of a status; longer texts end in an ellipsis. */
export const STATUS_MAX = 20;

/** Node status of at most STATUS_MAX characters, one place to set it (Node-RED convention). */
export class Status {
  constructor(
    private readonly node: Node,
    private readonly t: Translate,
  ) {}

  private set(fill: Fill, shape: 'dot' | 'ring', text: string): void {
    this.node.status({ fill, shape, text: fit(text) });
  }

  busy(text: string): void {
    this.set('blue', 'dot', text);
  }

  ok(text: string): void {
    this.set('green', 'dot', text);
  }

  warn(text: string): void {
    this.set('yellow', 'ring', text);
  }

  error(text: string): void {
    this.set('red', 'ring', text);
  }

  waiting(seconds: number): void {
    this.set('yellow', 'ring', this.t('status.quotaWaiting', { seconds: Math.ceil(seconds) }));
  }

  /** Red ring for a failed message: quota (daily or not), rejected login, or the code. */
  failed(e: FusionSolarError): void {
    const details = e.details as { daily?: boolean } | undefined;
    if (e.code === '20618' || (e.code === 'QUOTA' && details?.daily === true)) this.error(this.t('status.quotaDaily'));
    else if (e.code === 'QUOTA' || e.code === '407') this.error(this.t('status.quota'));
    else if (e.code === 'LOGIN_REJECTED') this.error(this.t('status.loginRejected'));
    // The code leads (a red ring already says "error"), so it is never the part cut off.
    else this.error(this.t('status.error', { code: e.code }));
  }

  clear(): void {
    this.node.status({});
  }
}

export function fit(text: string): string {
  return text.length > STATUS_MAX ? `${text.slice(0, STATUS_MAX - 1)}…` : text;
}
