/**
 * One comment, as every comment importer reads it (CSV profiles, VK, YouTube, Instaloader, Zeeschuimer), and
 * the one builder that turns it into records, so that a comment means the same in every layout:
 * - a top-level comment is a post of kind 'comment' whose parent is the post commented on, with the page or
 *   account that owns that post as its parent author and its 'page' object, and an interaction 'comment'
 *   commenter → page (none when a page answers on its own post);
 * - a reply to another comment is a post of kind 'reply' whose parent is that comment and whose root is the
 *   post. Kind 'reply' rather than 'comment with a parent comment' because the analysis already reads the
 *   kind to tell "answers someone" from "writes under a page's post" (co-reply groups by parent, text
 *   features by authored kinds), and an X reply and a Facebook reply are the same act. Its interaction
 *   'reply' goes from the replier to the parent comment's author: written here when the row names that author
 *   (VK's reply_to_user), otherwise filled in after the rows are stored (store/threads.ts), since the parent
 *   is often a later row. A reply also keeps its 'comment' interaction to the page: it was written in that
 *   page's comment section;
 * - a row that names neither page, post nor parent (a page's own post, as CrowdTangle exports them) is an
 *   original post.
 */
import type { AccountRecord, Platform, PostObject, PostRecord, RecordBatch } from '../../model/records';
import { domainOf } from '../tables/values';

export interface CommentAccount {
  id: string;
  screenName?: string;
  displayName?: string;
  /** 'page' or 'user' (or 'group', 'channel') where the export tells them apart. */
  accountType?: string;
}

export interface CommentRow {
  platform: Platform;
  id: string;
  author: CommentAccount;
  /** The page or account whose post this comment is under. */
  target?: CommentAccount;
  /** The post commented on (a reply's thread root). */
  postId?: string;
  /** The comment this one replies to. */
  parentCommentId?: string;
  /** That comment's author, when the row says (VK's reply_to_user). */
  parentAuthorId?: string;
  time?: number;
  text?: string;
  /** A link the comment shares. */
  url?: string;
  /** Reactions (likes) the comment received. */
  reactions?: number;
  /** Replies the comment received, as the platform counted them. */
  replyCount?: number;
}

export function commentRowToBatch(c: CommentRow): RecordBatch {
  const accounts: AccountRecord[] = [];
  const profile = (a: CommentAccount) => {
    if (a.screenName !== undefined || a.displayName !== undefined || a.accountType !== undefined) {
      accounts.push({ platform: c.platform, ...a });
    }
  };
  profile(c.author);
  if (c.target) profile(c.target);
  const target = c.target?.id;

  const objects: PostObject[] = [];
  if (target) objects.push({ kind: 'page', value: target });
  if (c.url) {
    objects.push({ kind: 'url', value: c.url });
    const domain = domainOf(c.url);
    if (domain) objects.push({ kind: 'domain', value: domain });
  }
  const post: PostRecord = {
    platform: c.platform,
    id: c.id,
    authorId: c.author.id,
    time: c.time,
    text: c.text,
    objects,
    reactions: c.reactions,
    replyCount: c.replyCount,
    ...(c.parentCommentId !== undefined
      ? { kind: 'reply', parentId: c.parentCommentId, parentAuthorId: c.parentAuthorId, rootId: c.postId }
      : target !== undefined || c.postId !== undefined
        ? { kind: 'comment', parentId: c.postId, parentAuthorId: target, rootId: c.postId }
        : { kind: 'original' }),
  };
  const batch: RecordBatch = { accounts, posts: [post] };
  const interactions = [];
  const by = c.author.id;
  if (target && target !== by) {
    interactions.push({
      platform: c.platform,
      sourceId: by,
      targetId: target,
      kind: 'comment' as const,
      postId: c.id,
      time: c.time,
    });
  }
  if (c.parentCommentId !== undefined && c.parentAuthorId && c.parentAuthorId !== by) {
    interactions.push({
      platform: c.platform,
      sourceId: by,
      targetId: c.parentAuthorId,
      kind: 'reply' as const,
      postId: c.id,
      time: c.time,
    });
  }
  if (interactions.length > 0) batch.interactions = interactions;
  return batch;
}
