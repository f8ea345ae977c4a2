import type { Translate } from './i18n';
import type { Node } from './types';

type Fill = 'red' | 'green' | 'yellow' | 'blue' | 'grey';

/** Node status under 20 characters, one place to set it (Node-RED convention). */
export class Status {
  constructor(
    private readonly node: Node,
    private readonly t: Translate,
  ) {}

  private set(fill: Fill, shape: 'dot' | 'ring', text: string): void {
    this.node.status({ fill, shape, text: text.length > 19 ? `${text.slice(0, 18)}…` : text });
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

  clear(): void {
    this.node.status({});
  }
}
