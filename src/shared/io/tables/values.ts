import { parseTime } from '../time';

/** Parses a required time cell; the error says which column and what was expected. */
export function requiredTime(value: string | undefined, column: string): number | string {
  if (value === undefined) return `empty ${column}: expected a time (Unix seconds or ISO 8601)`;
  const t = parseTime(value);
  return t === undefined ? `bad ${column} ${JSON.stringify(value)}: expected Unix seconds or an ISO 8601 time` : t;
}

/** Parses an optional time cell: undefined when empty, an error string when present but unreadable. */
export function optionalTime(value: string | undefined, column: string): number | undefined | string {
  if (value === undefined) return undefined;
  return requiredTime(value, column);
}

/** Ids in tables are often written by R or pandas as floats ("12670.0"); the id is the integer part. */
export function integerId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(-?\d+)(?:\.0+)?$/.exec(value);
  return m ? m[1] : undefined;
}

/** Host of a URL, lower-cased, without "www.": the `domain` object for co-domain analysis. */
export function domainOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim());
  if (!m) return undefined;
  return m[1].toLowerCase().replace(/^www\./, '');
}

/** FNV-1a over UTF-16 code units: a stable short fingerprint for ids that a file does not give. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// CrowdTangle's dashboard writes times in the account's chosen zone with its abbreviation
// ("2021-03-04 18:00:17 EST"); these are the zones it offered that analysts use most.
const ZONE_ABBREVIATIONS: Record<string, string> = {
  UTC: '+00:00',
  GMT: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  CET: '+01:00',
  CEST: '+02:00',
  MSK: '+03:00',
};

/** Like parseTime, also reading a trailing zone abbreviation (UTC, EST, CEST, …). */
export function parseTimeWithZoneName(value: string): number | undefined {
  const m = /^(.*\d)\s+([A-Z]{3,4})$/.exec(value.trim());
  if (m && ZONE_ABBREVIATIONS[m[2]]) return parseTime(`${m[1]}${ZONE_ABBREVIATIONS[m[2]]}`);
  return parseTime(value);
}

/**
 * A count as exports write it: `12`, `1,234`, `1.2K`, `3M` (scrapers copy the platform's rounded display), or
 * a number. Undefined for an empty cell or anything else: a count that cannot be read is not guessed.
 */
export function parseCount(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  const m = /^(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+(?:\.\d+)?)\s*([KkMm])?$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1].replace(/[,\u202f\u00a0 ]/g, ''));
  const scale = m[2] === undefined ? 1 : /k/i.test(m[2]) ? 1e3 : 1e6;
  return Math.round(n * scale);
}
