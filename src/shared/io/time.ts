/**
 * Parses the time formats found in social-media exports into Unix seconds (UTC):
 * ISO 8601 (with or without zone; no zone = UTC), "YYYY-MM-DD HH:MM[:SS]" (IO archives, UTC),
 * Twitter v1.1 "Wed Oct 10 20:19:24 +0000 2018", Unix seconds or milliseconds, "YYYY-MM-DD".
 * Returns undefined for anything else, and for years outside 1990–2100 (a far-future or epoch-zero
 * date in an export is an error, not a time).
 */
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const MIN_TIME = Date.UTC(1990, 0, 1) / 1000;
const MAX_TIME = Date.UTC(2100, 0, 1) / 1000;

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const V1_RE = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;

export function parseTime(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return fromEpoch(value);
  const s = value.trim();
  if (s === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  let m = ISO_RE.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', , zone] = m;
    let t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec) / 1000;
    if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +sec > 60) return undefined;
    // Date.UTC rolls 30 February over into March: a day the month does not have is no date.
    if (new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDate() !== +d) return undefined;
    if (zone && !/^(z|utc)$/i.test(zone)) t -= zoneOffsetSeconds(zone);
    return inRange(t);
  }
  m = V1_RE.exec(s);
  if (m) {
    const [, mon, d, h, mi, sec, zone, y] = m;
    const month = MONTHS[mon.toLowerCase()];
    if (month === undefined) return undefined;
    return inRange(Date.UTC(+y, month, +d, +h, +mi, +sec) / 1000 - zoneOffsetSeconds(zone));
  }
  return undefined;
}

function zoneOffsetSeconds(zone: string): number {
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60);
}

function fromEpoch(n: number): number | undefined {
  if (!Number.isFinite(n)) return undefined;
  // Milliseconds since 1970 are > 1e11 for any date after 1973; seconds stay below that until 5138.
  const seconds = Math.abs(n) > 1e11 ? n / 1000 : n;
  return inRange(Math.floor(seconds));
}

function inRange(t: number): number | undefined {
  return t >= MIN_TIME && t < MAX_TIME ? Math.floor(t) : undefined;
}

/** True when the source time string carries no seconds (IO archives: "2018-01-01 12:34"). */
export function hasMinutePrecisionOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}\s*(Z|UTC)?$/i.test(value.trim());
}
