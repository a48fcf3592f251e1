/**
 * Facebook names one post in several ways across exports: CrowdTangle's `PAGEID_POSTID` and its post URL
 * (`https://www.facebook.com/PAGE/posts/POSTID`), the Graph API's `PAGEID_POSTID` object id, minet's bare story
 * id `POSTID`. The numeric post id is the same in all of them and unique on Facebook, so it is the key that lets
 * a comment file find the post (and so the Page) it was written under in a posts file. Links without a numeric
 * id (pfbid… share links) are kept whole.
 *
 * Facebook's GraphQL ids (minet's emulated scraper, Zeeschuimer) are base64 of `comment:POSTID_COMMENTID` or
 * `feedback:POSTID`: decoding them gives the same numeric ids the other exports use.
 */

const POST_PATH = /\/(?:posts|videos|photos(?:\/[^/]+)?|permalink|reel)\/(\d+)(?:[/?#]|$)/;

/** The numeric post id of a Facebook post reference, or the reference as given. */
export function facebookPostKey(ref: string): string {
  const s = ref.trim();
  const pair = /^\d+_(\d+)$/.exec(s);
  if (pair) return pair[1];
  if (/^[a-z]+:\/\//i.test(s) || /^(?:www\.|m\.)?facebook\.com\//i.test(s)) {
    const story = /[?&](?:story_fbid|fbid|v)=(\d+)/.exec(s);
    if (story) return story[1];
    const path = POST_PATH.exec(s);
    if (path) return path[1];
  }
  return s;
}

export interface GraphqlRef {
  kind: string;
  postId?: string;
  commentId?: string;
}

/** Decodes `Y29tbWVudDo…` (base64 of `comment:POSTID_COMMENTID`, `feedback:POSTID`); undefined for other ids. */
export function decodeGraphqlId(id: string): GraphqlRef | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id) || id.length < 8) return undefined;
  let text: string;
  try {
    text = (globalThis as unknown as { atob(s: string): string }).atob(id);
  } catch {
    return undefined;
  }
  const m = /^([a-z_]+):(\d+)(?:_(\d+))?$/.exec(text);
  if (!m) return undefined;
  return m[1] === 'comment' ? { kind: m[1], postId: m[2], commentId: m[3] ?? m[2] } : { kind: m[1], postId: m[2] };
}
