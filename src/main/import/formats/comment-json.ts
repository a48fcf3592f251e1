import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { commentRowToBatch, type CommentRow } from '../../../shared/io/comments/comment-row';
import type { ReadContext, RowResult } from './format';
import { readJsonRecords } from './json-records';
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

/** Whether the first JSON value of a sample (a JSONL line, an array's first element, the document) fits. */
export function firstJsonValue(text: string): unknown {
  const t = text.replace(/^\s+/, '');
  const candidates: string[] = [];
  const nl = t.indexOf('\n');
  if (t.startsWith('{') && nl > 0) candidates.push(t.slice(0, nl));
  candidates.push(t);
  for (const c of candidates) {
    try {
      const v: unknown = JSON.parse(c);
      return Array.isArray(v) ? v[0] : v;
    } catch {
      // a sample cut mid-document: tried whole below, or left to the regular expressions
    }
  }
  return undefined;
}
