/**
 * youtube-comment-downloader (github egbertbouman/youtube-comment-downloader, youtube_comment_downloader/
 * downloader.py): one JSON object per line with cid, text, time, author, channel, votes, replies, photo,
 * heart, reply, time_parsed (and paid); `--pretty` writes `{"comments": [...]}` instead.
 * - `time` is YouTube's display text ("2 years ago") and is never read; `time_parsed` is dateparser's reading
 *   of it as Unix seconds, as exact as the text (days for recent comments, a year for old ones).
 * - A reply's cid is `PARENT.CHILD` (the tool's `reply` flag is `'.' in cid`): its parent is the comment PARENT.
 * - `channel` is the author's channel id (UC…); `author` is the display name (an @handle on newer pages).
 * - `votes` and `replies` are YouTube's rounded display counts ("1.2K").
 * The video is not in the rows: the tool writes one video per file, named after the video id by default, so
 * the caller names the video (the file's name) unless a row gives one.
 */
import { parseCount } from '../tables/values';
import type { CommentRow } from './comment-row';
import { arr, idOf, isObject, num, str } from './json-values';

export function isYoutubeCommentValue(v: unknown): boolean {
  return str(v, 'cid') !== undefined && (str(v, 'channel') !== undefined || (isObject(v) && 'votes' in v));
}

export function youtubeCommentsToRows(value: unknown, videoId: string | undefined): CommentRow[] | string {
  const items = isObject(value) && Array.isArray(value.comments) ? arr(value, 'comments') : [value];
  const rows: CommentRow[] = [];
  for (const c of items) {
    const cid = str(c, 'cid');
    const channel = idOf(c, 'channel');
    if (!cid) return 'no cid: expected a youtube-comment-downloader comment';
    if (!channel) return `comment ${cid}: no channel (the author's channel id)`;
    const dot = cid.indexOf('.');
    const name = str(c, 'author');
    const seconds = num(c, 'time_parsed');
    rows.push({
      platform: 'youtube',
      id: cid,
      author: {
        id: channel,
        displayName: name,
        screenName: name?.startsWith('@') ? name.slice(1) : undefined,
      },
      postId: str(c, 'video_id') ?? videoId,
      parentCommentId: dot > 0 ? cid.slice(0, dot) : undefined,
      time: seconds === undefined ? undefined : Math.floor(seconds),
      text: str(c, 'text'),
      reactions: parseCount(isObject(c) ? (c.votes as string | number | undefined) : undefined),
      replyCount: parseCount(isObject(c) ? (c.replies as string | number | undefined) : undefined),
    });
  }
  return rows;
}
