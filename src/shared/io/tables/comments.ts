/**
 * Comment/page rows → records. A row says who (commenter) wrote what (text), when, on whose page or post
 * (target, post), and, for a reply, under which comment (parent). Columns come from a known export's profile
 * (comment-profiles.ts), then from the user's mapping (field=column) on top; the records are built by the one
 * comment builder (../comments/comment-row.ts). Commenters and pages go through the account resolver, so a
 * numeric id, a profile link and a handle name one account.
 */
import { PLATFORMS, type Platform } from '../../model/records';
import { resolveAccount, type ResolvedAccount } from '../account-ref';
import { commentRowToBatch, type CommentAccount, type CommentRow } from '../comments/comment-row';
import { decodeGraphqlId, facebookPostKey } from '../comments/facebook-ids';
import { parseTimeInZone } from '../zone-time';
import { cell, listColumns, normaliseHeader } from './columns';
import { COMMENT_FIELDS, matchCommentProfile, type CommentField, type CommentProfile } from './comment-profiles';
import type { RowParse } from './row-result';
import type { HeaderVerdict } from './table-parser';
import { fingerprint, parseCount } from './values';

export interface CommentMappingResult {
  /** Canonical field → column index. */
  index: Partial<Record<CommentField, number>>;
  profile?: CommentProfile;
}

/** Index of the first (or, for appended columns, the last) column named by one of the aliases. */
function columnOf(lower: readonly string[], aliases: readonly string[], last: boolean): number {
  for (const alias of aliases) {
    const a = alias.toLowerCase();
    const i = last ? lower.lastIndexOf(a) : lower.indexOf(a);
    if (i >= 0) return i;
  }
  return -1;
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
  const lower = normaliseHeader(header);
  const index: Partial<Record<CommentField, number>> = {};
  if (profile) {
    for (const field of COMMENT_FIELDS) {
      const candidates = profile.fields[field];
      if (!candidates) continue;
      const i = columnOf(lower, candidates, profile.appended === true);
      if (i >= 0) index[field] = i;
    }
  }
  for (const [field, column] of Object.entries(mapping ?? {})) {
    if (!(COMMENT_FIELDS as readonly string[]).includes(field)) {
      return `unknown field "${field}" in --map: the comment fields are ${COMMENT_FIELDS.join(', ')}`;
    }
    const i = columnOf(lower, [column.trim()], false);
    if (i < 0) return `--map ${field}=${column}: no column "${column}"; found ${listColumns(header)}`;
    index[field as CommentField] = i;
  }
  if (index.commenter_id === undefined && index.commenter_handle === undefined && index.commenter_url === undefined) {
    return (
      `no known comment header (minet, Facepager, CrowdTangle, 4CAT) and no mapping for commenter_id: expected columns named after the ` +
      `fields ${COMMENT_FIELDS.join(', ')} (commenter_id required, or commenter_handle / commenter_url), or --map field=column; found ${listColumns(header)}`
    );
  }
  return { index, profile };
}

/** 'page' or 'user' from an export's own word for it (CrowdTangle's facebook_page, a GraphQL __typename, …). */
export function accountTypeOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (/page/.test(v)) return 'page';
  if (/group/.test(v)) return 'group';
  if (/channel/.test(v)) return 'channel';
  if (/user|profile|person/.test(v)) return 'user';
  return v;
}

/** A Facepager node as later rows need it: what it is, and who wrote it. */
interface FacepagerNode {
  role: 'seed' | 'post' | 'comment';
  objectId: string;
  authorId?: string;
  postId?: string;
  target?: CommentAccount;
}

/**
 * The row parser for a comment table's header. `timeZone` (IANA, e.g. Europe/Paris) is the zone of zone-less
 * times; they are read as UTC without it.
 */
export function commentsParser(
  header: readonly string[],
  mapping: Record<string, string> | undefined,
  platformOption: Platform | undefined,
  timeZone?: string,
): HeaderVerdict {
  const resolved = resolveCommentColumns(header, mapping);
  if (typeof resolved === 'string') return { expected: resolved };
  const { index, profile } = resolved;
  const col = (f: CommentField) => index[f] ?? -1;
  const fallbackPlatform: Platform = platformOption ?? profile?.platform ?? 'generic';
  const name = (f: CommentField) => header[col(f)]?.trim() ?? f;
  const lower = normaliseHeader(header);
  const fp = profile?.facepager
    ? {
        node: lower.indexOf('id'),
        parent: lower.indexOf('parent_id'),
        level: lower.indexOf('level'),
        type: lower.indexOf('object_type'),
        nodes: new Map<string, FacepagerNode>(),
      }
    : undefined;
  const commenterColumns = (['commenter_id', 'commenter_handle', 'commenter_url'] as const)
    .filter((f) => index[f] !== undefined)
    .map(name)
    .join(', ');

  return {
    parser: {
      columns: header.length,
      reads: [...Object.values(index), ...(fp ? [fp.node, fp.parent, fp.level, fp.type] : [])].filter((i) => i >= 0),
      parse(cells): RowParse {
        const get = (f: CommentField) => cell(cells, col(f));
        const rawPlatform = get('platform')?.toLowerCase();
        if (rawPlatform !== undefined && !PLATFORMS.includes(rawPlatform as Platform)) {
          return { error: `unknown platform ${JSON.stringify(rawPlatform)}: expected one of ${PLATFORMS.join(', ')}` };
        }
        const platform = (rawPlatform as Platform | undefined) ?? fallbackPlatform;
        // CrowdTangle's API rows may be Instagram posts: only Facebook post references are keyed by post id.
        const facebookPosts = profile?.facebookPostIds === true && platform === 'facebook';

        if (fp) {
          const type = cell(cells, fp.type);
          // Seeds are the Pages (or posts) a Facepager project starts from; offcuts and unpacked nodes are the
          // parts of a response left over after extraction, not objects of their own.
          if (type === 'seed') {
            const objectId = get('comment_id');
            const node = cell(cells, fp.node);
            if (node && objectId) fp.nodes.set(node, { role: 'seed', objectId: resolvePage(platform, objectId).id });
            return { batch: {} };
          }
          if (type !== 'data') return { batch: {} };
        }

        const rawTime = get('time');
        const zoned =
          rawTime === undefined ? undefined : parseTimeInZone(rawTime, profile?.timesInUtc ? 'UTC' : timeZone);
        if (rawTime !== undefined && zoned === undefined) {
          return { error: `bad ${name('time')} ${JSON.stringify(rawTime)}: expected Unix seconds or an ISO 8601 time` };
        }

        let author: ResolvedAccount | undefined = resolveAccount(platform, {
          id: get('commenter_id'),
          handle: get('commenter_handle'),
          url: get('commenter_url'),
        });
        let target =
          get('target_id') === undefined
            ? undefined
            : accountOf(platform, resolvePage(platform, get('target_id')!), get('target_name'));
        const scope = (id: string | undefined) =>
          id !== undefined && profile?.idsScopedByTarget && target ? `${target.id}/${id}` : id;
        const postKey = (id: string | undefined) => (id !== undefined && facebookPosts ? facebookPostKey(id) : id);

        let commentId = scope(get('comment_id'));
        let postId = postKey(scope(get('post_id')));
        let parentCommentId = scope(get('parent_comment_id'));
        if (profile?.graphqlIds) {
          const own = commentId === undefined ? undefined : decodeGraphqlId(commentId);
          if (own?.commentId) [commentId, postId] = [own.commentId, postId ?? own.postId];
          const parent = parentCommentId === undefined ? undefined : decodeGraphqlId(parentCommentId);
          if (parent?.commentId) parentCommentId = parent.commentId;
        }

        if (fp) {
          const parentNode = fp.nodes.get(cell(cells, fp.parent) ?? '');
          const objectId = commentId;
          if (parentNode?.role === 'seed' || (!parentNode && cell(cells, fp.level) === '1')) {
            // A post fetched from a Page: the Page's own post, keyed like CrowdTangle's and minet's post ids.
            author ??= parentNode ? { id: parentNode.objectId } : undefined;
            commentId = objectId === undefined ? undefined : facebookPostKey(objectId);
            postId = undefined;
            parentCommentId = undefined;
          } else if (parentNode?.role === 'post') {
            postId = parentNode.postId;
            target = parentNode.target ?? (parentNode.authorId ? { id: parentNode.authorId } : undefined);
            parentCommentId = undefined;
          } else if (parentNode?.role === 'comment') {
            postId = parentNode.postId;
            target = parentNode.target;
            parentCommentId = parentNode.objectId;
          }
          const node = cell(cells, fp.node);
          if (node && commentId && author) {
            const role = postId === undefined && parentCommentId === undefined ? 'post' : 'comment';
            fp.nodes.set(node, {
              role,
              objectId: commentId,
              authorId: author.id,
              postId: role === 'post' ? commentId : postId,
              target: role === 'post' ? { id: author.id } : target,
            });
          }
        }

        if (!author) {
          return {
            error: fp
              ? `empty from.id: Facebook's Graph API names comment authors only to a Page's own token; map another column with --map commenter_id=…`
              : `empty ${commenterColumns} (the commenter)`,
          };
        }
        const text = get('text');
        if (postId !== undefined && postId === commentId && profile?.postIdSameAsCommentMeansOriginal)
          postId = undefined;
        // A parent that is the post itself, or the comment itself, is no parent comment (4CAT: parent_id = thread_id).
        if (parentCommentId !== undefined && (parentCommentId === postId || parentCommentId === commentId)) {
          parentCommentId = undefined;
        }
        // A page's own post (CrowdTangle's rows): its id is a post reference, keyed like the comments' post ids.
        if (target === undefined && postId === undefined && parentCommentId === undefined && facebookPosts) {
          commentId = commentId === undefined ? undefined : facebookPostKey(commentId);
        }
        const id =
          commentId ??
          `c${fingerprint([author.id, target?.id ?? '', postId ?? '', rawTime ?? '', text ?? ''].join('\u0001'))}`;

        const row: CommentRow = {
          platform,
          id,
          author: {
            id: author.id,
            screenName: author.screenName,
            displayName: get('commenter_name'),
            accountType:
              accountTypeOf(get('commenter_type')) ?? profile?.accountType ?? vkCommunity(platform, author.id),
          },
          target,
          postId,
          parentCommentId,
          time: zoned?.time,
          text,
          url: get('url'),
          reactions: parseCount(get('reactions')),
          replyCount: parseCount(get('reply_count')),
        };
        const batch = commentRowToBatch(row);
        return zoned?.zoneless && !profile?.timesInUtc ? { batch, zonelessTime: true } : { batch };
      },
    },
  };
}

/** A page named by id, link or handle; one that cannot be resolved keeps its cell as the id. */
function resolvePage(platform: Platform, value: string): ResolvedAccount {
  return resolveAccount(platform, { id: value }) ?? { id: value };
}

function accountOf(platform: Platform, a: ResolvedAccount, displayName: string | undefined): CommentAccount {
  return { id: a.id, screenName: a.screenName, displayName, accountType: vkCommunity(platform, a.id) };
}

/** VK writes communities (groups and public pages) as negative ids: they are Pages, not people. */
export function vkCommunity(platform: Platform, id: string): string | undefined {
  if (platform !== 'vk') return undefined;
  return id.startsWith('-') ? 'page' : /^\d+$/.test(id) ? 'user' : undefined;
}

/** Detection score of a header for the comments format: the matched profile's confidence, else 0. */
export function commentsConfidence(header: readonly string[]): number {
  return matchCommentProfile(header)?.confidence ?? 0;
}
