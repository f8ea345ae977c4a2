/**
 * requestID of a dispatch (9.3.4) when the flow gives none. The server refuses a repeated
 * id (20048) for good, so ids must differ across restarts too: wall-clock milliseconds x 1000
 * plus a per-process counter. A restarted process starts at a later millisecond, so its ids
 * are larger than every id an earlier process made, unless that process issued more than
 * 1000 ids in one millisecond (the API admits one dispatch a minute) or the system clock was
 * set back. The result stays a safe integer until the year 2255.
 */
const PER_MS = 1000;
let last = 0;

export function nextRequestId(now: number = Date.now()): number {
  last = Math.max(Math.floor(now) * PER_MS, last + 1);
  return last;
}
