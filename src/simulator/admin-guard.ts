import type http from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may use the /__sim/ control endpoints (faults, clock, stats). Without a token: only a
 * test on this machine, which means a loopback peer and no browser page of another site
 * (a form post from any web page would otherwise reach 127.0.0.1). With a token: whoever
 * sends it in `x-sim-token`.
 */
export function adminRefusal(req: http.IncomingMessage, token: string | undefined): string | undefined {
  if (token) return req.headers['x-sim-token'] === token ? undefined : 'x-sim-token missing or wrong';
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return 'only from loopback';
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let host = '';
    try {
      host = new URL(origin).host;
    } catch {
      host = '';
    }
    if (host !== req.headers.host) return 'not from another site';
  }
  return undefined;
}
