import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { commentRowToBatch, type CommentRow } from '../../../shared/io/comments/comment-row';
import type { ReadContext, RowResult } from './format';
import { readJsonRecords } from './json-records';

export { firstJsonValue } from './json-records';
import { prefix } from './twitter-v2';

/**
 * Streams a JSON comment export (JSONL, an array, or one document) through a layout's mapper: each JSON value
 * gives its comments (a VK page a hundred, a YouTube line one), each stored as one row of that value's line.
 */
export async function* readCommentJson(
  input: Readable,
  ctx: ReadContext,
  toRows: (value: unknown) => CommentRow[] | string,
): AsyncGenerator<RowResult> {
  for await (const rec of readJsonRecords(input, ctx.file, ctx.sample)) {
    if ('error' in rec) {
      yield { line: rec.line, error: prefix(rec) + rec.error };
      continue;
    }
    const rows = toRows(rec.value);
    if (typeof rows === 'string') {
      yield { line: rec.line, error: prefix(rec) + rows };
      continue;
    }
    for (const row of rows) yield { line: rec.line, batch: commentRowToBatch(row) };
  }
}

/**
 * The post a one-post-per-file export is about, from its file name: youtube-comment-downloader names the file
 * after the video id by default, Instaloader after the post (`…_UTC_comments.json`).
 */
export function postFromFileName(file: string, suffix: RegExp): string {
  return basename(file).replace(/\.gz$/i, '').replace(suffix, '');
}
