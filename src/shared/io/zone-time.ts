/**
 * Times written without a zone. Many comment scrapers (minet's `date`, 4CAT's `timestamp`, hand-made
 * exports) write the wall-clock time of the machine or account that collected them, with no zone. Claque
 * reads such a time in the zone the user names (`--tz Europe/Paris`), and otherwise as UTC, counting the
 * rows so the import can say that it assumed UTC. The zone rules (offsets, summer time, their history) come
 * from the runtime's IANA database through Intl, never from a table written here.
 */
import { parseTimeWithZoneName } from './tables/values';

/** The IANA name Intl knows the zone by (`europe/paris` → `Europe/Paris`), or undefined for no such zone. */
export function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Whether a time cell names its own instant: Unix seconds or milliseconds, an ISO time with Z or an offset,
 * Twitter's `+0000` form, or a trailing zone abbreviation (CrowdTangle's `EDT`). A date alone counts as
 * zoned: a day is not shifted by a few hours' difference of zone.
 */
export function timeHasZone(value: string): boolean {
  const s = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return true;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
  return /(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}|\s[A-Z]{3,4})(?:\s+\d{4})?$/i.test(s);
}

export interface ZonedTime {
  time: number;
  /** The cell had no zone: read in `zone` when one was given, as UTC otherwise. */
  zoneless: boolean;
}

/** Reads a time cell; a zone-less one is wall-clock time in `zone` (UTC when absent). Undefined if unreadable. */
export function parseTimeInZone(value: string, zone: string | undefined): ZonedTime | undefined {
  const utc = parseTimeWithZoneName(value);
  if (utc === undefined) return undefined;
  if (timeHasZone(value)) return { time: utc, zoneless: false };
  return { time: zone ? wallClockToUtc(utc, zone) : utc, zoneless: true };
}

/**
 * The instant at which clocks in `zone` showed the wall-clock time `wall` (given as if it were UTC). The
 * offsets a day before and a day after are the two a transition can be between; each is tried. In the hour
 * repeated in autumn both fit and the first occurrence is kept; in the hour skipped in spring neither fits and
 * the time is read with the offset in force before the change (02:30 in Paris on that night is 03:30 CEST),
 * which is what Temporal and java.time call the compatible choice.
 */
export function wallClockToUtc(wall: number, zone: string): number {
  const before = offsetSeconds(wall - 86_400, zone);
  const after = offsetSeconds(wall + 86_400, zone);
  const fits = (offset: number) => offsetSeconds(wall - offset, zone) === offset;
  const early = fits(before) ? wall - before : undefined;
  const late = fits(after) ? wall - after : undefined;
  if (early !== undefined && late !== undefined) return Math.min(early, late);
  return early ?? late ?? wall - before;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at instant `t` (seconds), from Intl's wall-clock rendering of that instant. */
export function offsetSeconds(t: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(t * 1000))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) / 1000;
  return shown - t;
}
