import { isV2Page, v2FlatTweetToBatch, v2PageToResults } from '../../../shared/io/twitter-v2-tweet';
import type { Format, RowResult } from './format';
import { firstJsonValue, jsonLayout, readJsonRecords, type JsonRecord } from './json-records';
import { columns } from './signature';
import { otherApi, twitterKind } from './twitter-kind';

/** X API v2 JSON as written by twarc2: response pages (JSONL or one JSON file) or flattened tweets. */
export const twitterV2: Format = {
  id: 'twitter-v2',
  label: 'X/Twitter API v2 JSON / JSONL (twarc2 pages or flattened tweets)',
  detect(sample) {
    if (!jsonLayout(sample)) return 0;
    const t = sample.text;
    // The first record decides when the sample holds it whole; a later one of another API is its own row's error.
    const value = firstJsonValue(t);
    const first = twitterKind(value);
    if (first === 'v1') return 0;
    if (first === 'v2-page') return 0.95;
    if (first === 'v2') return 'created_at' in (value as object) ? 0.9 : 0;
    if (/"id_str"\s*:/.test(t)) return 0; // v1.1
    if (/"__twarc"\s*:/.test(t)) return 0.95;
    if (/^\s*\[?\s*\{\s*"data"\s*:/.test(t) || /"includes"\s*:\s*\{/.test(t)) return 0.95;
    if (/"author_id"\s*:/.test(t) && /"created_at"\s*:/.test(t)) return 0.9;
    return 0;
  },
  signatures: [
    {
      name: 'an X/Twitter API v2 tweet',
      of: 'fields',
      required: columns(['id', 'author_id', 'created_at']),
      optional: ['text', 'entities', 'referenced_tweets', 'public_metrics', 'lang', 'conversation_id', 'source'],
    },
  ],
  async *read(input, ctx): AsyncGenerator<RowResult> {
    for await (const rec of readJsonRecords(input, ctx.file, ctx.sample)) {
      const at = prefix(rec);
      if ('error' in rec) {
        yield { line: rec.line, error: at + rec.error };
      } else if (isV2Page(rec.value)) {
        for (const r of v2PageToResults(rec.value)) {
          yield 'error' in r ? { line: rec.line, error: at + r.error } : { line: rec.line, batch: r.batch };
        }
      } else if (otherApi(rec.value, 'v2')) {
        yield { line: rec.line, error: at + otherApi(rec.value, 'v2') };
      } else {
        try {
          yield { line: rec.line, batch: v2FlatTweetToBatch(rec.value) };
        } catch (err) {
          yield { line: rec.line, error: at + (err as Error).message };
        }
      }
    }
  },
};

export function prefix(rec: JsonRecord): string {
  return rec.where ? `${rec.where}: ` : '';
}
