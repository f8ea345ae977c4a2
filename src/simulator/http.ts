import { exactJson } from './quirks';
import type http from 'node:http';
import type { JsonObject } from './types';

export type Headers = Record<string, string | string[]>;

/** What a handler answers before it is written to the socket. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Headers;
}

export const NOT_FOUND_HTML = '<html><body><h1>404 Not Found</h1></body></html>';

export function envelope(failCode: number, data: unknown, message: string | null = null, success = false): JsonObject {
  return { success, failCode, message, data };
}

/** The request log's short form of an answer: its failCode, else what came instead. */
export function answerOf(result: Reply): string {
  const b = result.body;
  if (typeof b === 'object' && b !== null && 'failCode' in b) return String((b as JsonObject).failCode);
  return b === '' ? 'empty' : `http ${result.status}`;
}

export function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
  headers: Headers = {},
): void {
  const text = typeof body === 'string' ? body : exactJson(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 8 * 1024 * 1024) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sleepReal(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
