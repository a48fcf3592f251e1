import { isV2UsersValue, v2UsersToRows } from '../../../shared/io/twitter-v2-follows';
import type { Format, RowResult } from './format';
import { firstJsonValue, jsonLayout, readJsonRecords } from './json-records';
import { prefix } from './twitter-v2';

/**
 * twarc2 `followers` / `following` output (and `twarc2 users`, accounts only): pages of X API v2 users, the
 * follows taken from the request each page answers (shared/io/twitter-v2-follows.ts). Ahead of the tweet
 * format, which would read the users as tweets and refuse every one.
 */
export const twarcFollowsFormat: Format = {
  id: 'twarc-follows',
  label: 'X/Twitter API v2 users: twarc2 followers / following JSONL (follows), or twarc2 users (accounts)',
  detect(sample) {
    if (!jsonLayout(sample)) return 0;
    const t = sample.text;
    const first = firstJsonValue(t);
    const follows = /\/2\/users\/\d+\/(?:followers|following)/.test(t);
    if (first !== undefined) return isV2UsersValue(first) ? (follows ? 0.97 : 0.96) : 0;
    // A page of 1,000 users is longer than the sample: its first user's fields are read from the start.
    const keys = firstDataKeys(t);
    return keys?.includes('username') && !keys.includes('text') && !keys.includes('author_id') ? 0.96 : 0;
  },
  async *read(input, ctx): AsyncGenerator<RowResult> {
    let warned = false;
    for await (const rec of readJsonRecords(input, ctx.file, ctx.sample)) {
      const at = prefix(rec);
      if ('error' in rec) {
        yield { line: rec.line, error: at + rec.error };
        continue;
      }
      const { rows, warning } = v2UsersToRows(rec.value);
      if (warning && !warned) {
        warned = true;
        yield { line: rec.line, warning };
      }
      for (const r of rows) {
        yield 'error' in r
          ? { line: rec.line, error: at + r.error }
          : { line: rec.line, batch: { accounts: r.accounts, follows: r.follows } };
      }
    }
  },
};

/**
 * The top-level keys of the first object in a page's `data` array, from the start of a sample that may end
 * inside the page: a scan for the keys of that one object (strings followed by a colon, one level deep).
 */
export function firstDataKeys(text: string): string[] | undefined {
  const start = /^\s*\[?\s*\{\s*"data"\s*:\s*\[\s*\{/.exec(text);
  if (!start) return undefined;
  const keys: string[] = [];
  let depth = 1;
  for (let i = start[0].length; i < text.length && depth > 0; i++) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) break;
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 20))) keys.push(text.slice(i + 1, end));
      i = end;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return keys;
}
