import { v1TweetToBatch } from '../../../shared/io/twitter-v1-tweet';
import type { Format, RowResult } from './format';
import { firstJsonValue, jsonLayout, readJsonRecords } from './json-records';
import { prefix } from './twitter-v2';
import { columns } from './signature';
import { otherApi, twitterKind } from './twitter-kind';

/** X API v1.1 tweets: one per line (JSONL) or a JSON array. */
export const twitterV1: Format = {
  id: 'twitter-v1',
  label: 'X/Twitter API v1.1 JSON / JSONL',
  detect(sample) {
    if (!jsonLayout(sample)) return 0;
    const t = sample.text;
    const first = firstJsonValue(t);
    const v1Time = /"created_at"\s*:\s*"[A-Z][a-z]{2} [A-Z][a-z]{2} \d/;
    // The first record decides when the sample holds it whole; a later one of another API is its own row's error.
    if (first !== undefined) {
      if (twitterKind(first) !== 'v1') return 0;
      return v1Time.test(JSON.stringify((first as { created_at?: unknown }).created_at ?? '')) || v1Time.test(t)
        ? 0.95
        : 0.8;
    }
    if (/"author_id"\s*:/.test(t) || !/"id_str"\s*:/.test(t) || !/"user"\s*:\s*\{/.test(t)) return 0;
    return v1Time.test(t) ? 0.95 : 0.8;
  },
  signatures: [
    {
      name: 'an X/Twitter API v1.1 tweet',
      of: 'fields',
      required: columns(['id_str', 'user', 'created_at']),
      optional: [
        'id',
        'text',
        'full_text',
        'entities',
        'retweeted_status',
        'quoted_status',
        'in_reply_to_status_id_str',
      ],
    },
  ],
  async *read(input, ctx): AsyncGenerator<RowResult> {
    for await (const rec of readJsonRecords(input, ctx.file, ctx.sample)) {
      if ('error' in rec) {
        yield { line: rec.line, error: prefix(rec) + rec.error };
        continue;
      }
      const other = otherApi(rec.value, 'v1');
      if (other) {
        yield { line: rec.line, error: prefix(rec) + other };
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
