/**
 * Calendar days in a time zone, for accounts whose server resets daily budgets at local
 * midnight. Accepts IANA names (`Asia/Shanghai`, `Europe/Berlin`, `UTC`) and fixed offsets
 * (`+08:00`, `UTC-3`, `-0330`).
 */
const DAY = 86_400_000;
/** Hours up to 14, as the zones of the world: an offset beyond is no zone. */
const FIXED = /^(?:UTC|GMT)?\s*([+-])(0?\d|1[0-4])(?::?([0-5]\d))?$/i;
const UTC = /^(?:UTC|GMT|Z)$/i;
/** The fixed offsets as one pattern (case-insensitive) for the editor; names it checks with its own Intl. */
export const OFFSET_PATTERN = `${UTC.source}|${FIXED.source}`;

const formatters = new Map<string, Intl.DateTimeFormat>();

function fixedOffset(zone: string): number | undefined {
  if (UTC.test(zone)) return 0;
  const m = FIXED.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` names a time zone this runtime knows, or a fixed offset. */
export function validZone(zone: string): boolean {
  if (fixedOffset(zone.trim()) !== undefined) return true;
  try {
    formatter(zone.trim());
    return true;
  } catch {
    return false;
  }
}

/** Local time minus UTC at instant `t`, in ms. */
export function offsetAt(zone: string, t: number): number {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return fixed;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return local - Math.floor(t / 1000) * 1000;
}

/** The instant the calendar day containing `t` began in `zone`. */
export function dayStart(zone: string, t: number): number {
  const midnightLocal = Math.floor((t + offsetAt(zone, t)) / DAY) * DAY;
  const first = midnightLocal - offsetAt(zone, t);
  // Across a DST change the offset at midnight differs from the offset at `t`.
  const second = midnightLocal - offsetAt(zone, first);
  return second <= t ? second : first;
}

/** The instant the next calendar day begins in `zone`. */
export function nextDayStart(zone: string, t: number): number {
  // Days last 23 to 25 hours: 26 h after this day's start is always inside the next day.
  return dayStart(zone, dayStart(zone, t) + 26 * 3_600_000);
}
