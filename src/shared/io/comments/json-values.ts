/** Small readers for fields of parsed JSON, shared by the comment layouts. */

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object field, or undefined. */
export function obj(v: unknown, key: string): Json | undefined {
  const x = isObject(v) ? v[key] : undefined;
  return isObject(x) ? x : undefined;
}

/** An array field, or an empty array. */
export function arr(v: unknown, key: string): unknown[] {
  const x = isObject(v) ? v[key] : undefined;
  return Array.isArray(x) ? x : [];
}

/** A non-empty string field (trimmed), or undefined. */
export function str(v: unknown, key: string): string | undefined {
  const x = isObject(v) ? v[key] : undefined;
  if (typeof x !== 'string') return undefined;
  const t = x.trim();
  return t === '' ? undefined : t;
}

/**
 * An id field: a string, or a JSON number that is an exact integer. Ids are compared as text, and a number
 * beyond 2^53 was already rounded by JSON.parse, so it is refused (undefined) rather than stored wrong; the
 * streamed array and document layouts keep numbers as their source text, so they never meet this.
 */
export function idOf(v: unknown, key: string): string | undefined {
  const x = isObject(v) ? v[key] : undefined;
  if (typeof x === 'string') return x.trim() === '' ? undefined : x.trim();
  if (typeof x === 'number' && Number.isSafeInteger(x)) return String(x);
  return undefined;
}

/** A numeric field, from a number or a numeric string (stream-json keeps numbers as strings). */
export function num(v: unknown, key: string): number | undefined {
  const x = isObject(v) ? v[key] : undefined;
  const n = typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Unix seconds (or milliseconds) from a numeric field, as an integer. */
export function unixTime(v: unknown, key: string): number | undefined {
  const n = num(v, key);
  if (n === undefined) return undefined;
  return Math.floor(Math.abs(n) > 1e11 ? n / 1000 : n);
}
