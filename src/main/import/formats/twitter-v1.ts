import { v1TweetToBatch } from '../../../shared/io/twitter-v1-tweet';
import type { Format, RowResult } from './format';
import { jsonLayout, readJsonRecords } from './json-records';
import { prefix } from './twitter-v2';

/** X API v1.1 tweets: one per line (JSONL) or a JSON array. */
export const twitterV1: Format = {
  id: 'twitter-v1',
  label: 'X/Twitter API v1.1 JSON / JSONL',
  detect(sample) {
    if (!jsonLayout(sample)) return 0;
    const t = sample.text;
    if (/"author_id"\s*:/.test(t) || !/"id_str"\s*:/.test(t) || !/"user"\s*:\s*\{/.test(t)) return 0;
    return /"created_at"\s*:\s*"[A-Z][a-z]{2} [A-Z][a-z]{2} \d/.test(t) ? 0.95 : 0.8;
  },
  async *read(input, ctx): AsyncGenerator<RowResult> {
    for await (const rec of readJsonRecords(input, ctx.file, ctx.sample)) {
      if ('error' in rec) {
        yield { line: rec.line, error: prefix(rec) + rec.error };
        continue;
      }
      try {
        yield { line: rec.line, batch: v1TweetToBatch(rec.value) };
      } catch (err) {
        yield { line: rec.line, error: prefix(rec) + (err as Error).message };
      }
    }
  },
};
