/**
 * Comment/page rows → records. A row says who (commenter) wrote what (text), when, on whose page or post
 * (target, post). It becomes:
 * - a post of kind 'comment' (parent = the post commented on, parent author = the target) with the target as
 *   its 'page' object, and an interaction 'comment' commenter → target (none when commenting on one's own page);
 * - or, when the row names neither target nor post (CrowdTangle: a page's own post), an original post.
 * A link in the row adds 'url' and 'domain' objects.
 */
import { PLATFORMS, type AccountRecord, type Platform, type PostObject, type RecordBatch } from '../../model/records';
import { cell, findColumn, listColumns } from './columns';
import { COMMENT_FIELDS, matchCommentProfile, type CommentField, type CommentProfile } from './comment-profiles';
import type { HeaderVerdict } from './table-parser';
import { domainOf, fingerprint, parseTimeWithZoneName } from './values';

export interface CommentMappingResult {
  /** Canonical field → column index. */
  index: Partial<Record<CommentField, number>>;
  profile?: CommentProfile;
}

/**
 * Resolves the columns: a known profile first, then `mapping` (field=column) on top. Returns an error string
 * naming what is wrong (unknown field, missing column, no commenter) for the caller to refuse the file with.
 */
export function resolveCommentColumns(
  header: readonly string[],
  mapping: Record<string, string> | undefined,
): CommentMappingResult | string {
  const profile = matchCommentProfile(header);
  const index: Partial<Record<CommentField, number>> = {};
  if (profile) {
    for (const field of COMMENT_FIELDS) {
      const candidates = profile.fields[field];
      if (!candidates) continue;
      const i = findColumn(header, candidates);
      if (i >= 0) index[field] = i;
    }
  }
  for (const [field, column] of Object.entries(mapping ?? {})) {
    if (!(COMMENT_FIELDS as readonly string[]).includes(field)) {
      return `unknown field "${field}" in --map: the comment fields are ${COMMENT_FIELDS.join(', ')}`;
    }
    const i = findColumn(header, [column]);
    if (i < 0) return `--map ${field}=${column}: no column "${column}"; found ${listColumns(header)}`;
    index[field as CommentField] = i;
  }
  if (index.commenter_id === undefined) {
    return (
      `no known comment header (CrowdTangle, 4CAT) and no mapping for commenter_id: expected columns named after the ` +
      `fields ${COMMENT_FIELDS.join(', ')} (commenter_id required), or --map field=column; found ${listColumns(header)}`
    );
  }
  return { index, profile };
}

export function commentsParser(
  header: readonly string[],
  mapping: Record<string, string> | undefined,
  platformOption: Platform | undefined,
): HeaderVerdict {
  const resolved = resolveCommentColumns(header, mapping);
  if (typeof resolved === 'string') return { expected: resolved };
  const { index, profile } = resolved;
  const col = (f: CommentField) => index[f] ?? -1;
  const fallbackPlatform: Platform = platformOption ?? profile?.platform ?? 'generic';
  const name = (f: CommentField) => header[col(f)]?.trim() ?? f;
  return {
    parser: {
      columns: header.length,
      parse(cells) {
        const commenter = cell(cells, col('commenter_id'));
        if (!commenter) return { error: `empty ${name('commenter_id')} (commenter_id)` };
        const rawPlatform = cell(cells, col('platform'))?.toLowerCase();
        if (rawPlatform !== undefined && !PLATFORMS.includes(rawPlatform as Platform)) {
          return { error: `unknown platform ${JSON.stringify(rawPlatform)}: expected one of ${PLATFORMS.join(', ')}` };
        }
        const platform = (rawPlatform as Platform | undefined) ?? fallbackPlatform;
        const rawTime = cell(cells, col('time'));
        const time = rawTime === undefined ? undefined : parseTimeWithZoneName(rawTime);
        if (rawTime !== undefined && time === undefined) {
          return { error: `bad ${name('time')} ${JSON.stringify(rawTime)}: expected Unix seconds or an ISO 8601 time` };
        }
        const target = cell(cells, col('target_id'));
        const text = cell(cells, col('text'));
        const url = cell(cells, col('url'));
        const scope = (id: string | undefined) =>
          id !== undefined && profile?.idsScopedByTarget && target ? `${target}/${id}` : id;
        let postId = scope(cell(cells, col('post_id')));
        const commentId =
          scope(cell(cells, col('comment_id'))) ??
          `c${fingerprint([commenter, target ?? '', postId ?? '', rawTime ?? '', text ?? ''].join('\u0001'))}`;
        if (postId === commentId && profile?.postIdSameAsCommentMeansOriginal) postId = undefined;

        const accounts: AccountRecord[] = [];
        const commenterName = cell(cells, col('commenter_name'));
        const commenterHandle = cell(cells, col('commenter_handle'));
        if (commenterName || commenterHandle) {
          accounts.push({ platform, id: commenter, displayName: commenterName, screenName: commenterHandle });
        }
        const targetName = cell(cells, col('target_name'));
        if (target && targetName) accounts.push({ platform, id: target, displayName: targetName });

        const objects: PostObject[] = [];
        if (target) objects.push({ kind: 'page', value: target });
        if (url) {
          objects.push({ kind: 'url', value: url });
          const domain = domainOf(url);
          if (domain) objects.push({ kind: 'domain', value: domain });
        }
        const isComment = target !== undefined || postId !== undefined;
        const batch: RecordBatch = {
          accounts,
          posts: [
            {
              platform,
              id: commentId,
              authorId: commenter,
              time,
              text,
              kind: isComment ? 'comment' : 'original',
              parentId: postId,
              parentAuthorId: target,
              objects,
            },
          ],
        };
        if (target && target !== commenter) {
          batch.interactions = [
            { platform, sourceId: commenter, targetId: target, kind: 'comment', postId: commentId, time },
          ];
        }
        return { batch };
      },
    },
  };
}

/** Detection score of a header for the comments format: the matched profile's confidence, else 0. */
export function commentsConfidence(header: readonly string[]): number {
  return matchCommentProfile(header)?.confidence ?? 0;
}
