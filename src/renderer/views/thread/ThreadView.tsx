import { useEffect, useRef } from 'react';
import type { AnalysisOutput } from '../../../shared/analysis/result';
import { sharePercent } from '../../../shared/explore/comment-targets';
import type { CommentThread, ThreadAuthor, ThreadComment } from '../../../shared/explore/thread';
import { communityColor } from '../../../shared/io/community-colors';
import { showBidiControls } from '../../../shared/io/visible-controls';
import { openAccount, openThread, type ThreadRef } from '../../state/explore/producers';
import { useChannel } from '../../state/explore/use-channel';
import { store, useAppState } from '../../state/store';
import { count } from '../format';
import { Imported } from '../Imported';

/** Indentation stops growing here, so a long reply chain stays readable. */
const MAX_INDENT = 6;

const counted = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

const when = (t: number | null) =>
  t === null || !Number.isFinite(t) ? 'time unknown' : new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 16);

/** The centre view of one post's comment thread (thread.get), opened from a community's posts or a member's comment. */
export function ThreadView({ output }: { output: AnalysisOutput }) {
  const ref = useAppState((s) => s.explore.thread);
  if (!ref) return null;
  return <Thread key={`${ref.postId}|${ref.community}`} output={output} threadRef={ref} />;
}

function Thread({ output, threadRef }: { output: AnalysisOutput; threadRef: ThreadRef }) {
  const request =
    threadRef.community === null
      ? { postId: threadRef.postId }
      : { postId: threadRef.postId, community: threadRef.community };
  const state = useChannel('thread.get', request, `${threadRef.postId}|${threadRef.community}`);
  const rank = threadRef.community === null ? -1 : output.communities.findIndex((c) => c.id === threadRef.community);
  const color = communityColor(rank);
  return (
    <div className="explore-view" data-testid="thread-view">
      <section className="card-white thread-card">
        <header className="row">
          <h2 className="grow">Comment thread</h2>
          <button type="button" aria-label="Close thread" onClick={() => store.update('explore', openThread(null))}>
            ×
          </button>
        </header>
        {state.loading && <p className="muted">Loading the thread…</p>}
        {!state.loading && 'error' in state && <p className="error">{state.error}</p>}
        {!state.loading && 'value' in state && <ThreadBody thread={state.value} color={color} />}
      </section>
    </div>
  );
}

function AuthorLabel({ a }: { a: ThreadAuthor }) {
  const name = a.displayName ?? (a.screenName ? `@${a.screenName}` : a.accountId);
  const handle = a.displayName ? (a.screenName ? `@${a.screenName}` : a.accountId) : null;
  return (
    <>
      <Imported className="author-name" text={name} />
      {handle && (
        <>
          {' '}
          <Imported className="muted small" text={handle} />
        </>
      )}
    </>
  );
}

function ThreadBody({ thread, color }: { thread: CommentThread; color: string }) {
  const { post, counts } = thread;
  const list = useRef<HTMLOListElement>(null);
  // Opened from one comment: bring it into view once the list is drawn.
  useEffect(() => {
    if (!thread.focus) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(thread.focus)}"]`);
    el?.scrollIntoView({ block: 'center' });
  }, [thread]);
  const community = thread.community;
  return (
    <>
      <div className="thread-post" data-testid="thread-post">
        <div className="thread-meta">
          {post.page ? (
            <button
              type="button"
              className="link"
              onClick={() => store.update('explore', openAccount(post.page!.accountId))}
            >
              <AuthorLabel a={post.page} />
            </button>
          ) : (
            <span className="muted">Page unknown</span>
          )}
          <span className="muted small">
            {post.imported ? `${when(post.time)} UTC` : 'post not imported'} · post <Imported text={post.id} />
          </span>
        </div>
        {post.imported ? (
          post.text && (
            <p className="thread-text" title={showBidiControls(post.text)}>
              <Imported text={post.text} />
            </p>
          )
        ) : (
          <p className="muted small">Only its comments name this post; import the Page’s posts to see it.</p>
        )}
      </div>
      <div className="metrics thread-counts" data-testid="thread-counts">
        <div className="metric" data-count="comments">
          <div className="value">{count(counts.comments)}</div>
          <div className="label">
            {counts.comments === 1 ? 'comment' : 'comments'} ({count(counts.topLevel)} on the post,{' '}
            {counted(counts.replies, 'reply', 'replies')})
          </div>
        </div>
        <div className="metric" data-count="accounts">
          <div className="value">{count(counts.accounts)}</div>
          <div className="label">{counts.accounts === 1 ? 'account' : 'accounts'}</div>
        </div>
        {community !== null && counts.memberShare !== null && (
          <div className="metric member-share" data-count="members" style={{ borderLeftColor: color }}>
            <div className="value">{sharePercent(counts.memberShare)}</div>
            <div className="label">
              by community #{community}: {counted(counts.memberComments ?? 0, 'comment')},{' '}
              {counted(counts.memberAccounts ?? 0, 'account')}
            </div>
          </div>
        )}
        <div className="metric" data-count="flagged">
          <div className="value">{count(counts.flaggedComments)}</div>
          <div className="label">by flagged accounts</div>
        </div>
      </div>
      {thread.capped && (
        <p className="thread-capped" data-testid="thread-capped">
          Showing the first {count(counts.shown)} of {count(counts.comments)} comments (earliest first, each with the
          comment it answers); the counts above are the whole thread’s.
        </p>
      )}
      <p className="thread-legend muted small">
        {community !== null && (
          <>
            <span className="mark" style={{ background: color }} /> member of community #{community}{' '}
          </>
        )}
        <span className="tag is-flagged">flagged</span> flagged account <span className="tag">Page</span> the export
        says it is a Page · times in UTC
      </p>
      {thread.comments.length === 0 ? (
        <p className="muted">No comments on this post in the project.</p>
      ) : (
        <ol className="thread" ref={list} data-testid="thread-comments">
          {thread.comments.map((c) => (
            <CommentItem key={c.id} c={c} color={color} focus={c.id === thread.focus} />
          ))}
        </ol>
      )}
    </>
  );
}

function CommentItem({ c, color, focus }: { c: ThreadComment; color: string; focus: boolean }) {
  // is-* names: .member and .flagged already style the members table's rows.
  const classes = [
    'thread-comment',
    c.member && 'is-member',
    c.flagged && 'is-flagged',
    focus && 'is-focus',
    c.depth > 0 && 'is-reply',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      className={classes}
      data-id={c.id}
      data-depth={c.depth}
      data-member={c.member || undefined}
      data-flagged={c.flagged || undefined}
      style={{ marginLeft: Math.min(c.depth, MAX_INDENT) * 22, borderLeftColor: c.member ? color : undefined }}
    >
      <div className="thread-meta">
        <button type="button" className="link" onClick={() => store.update('explore', openAccount(c.author.accountId))}>
          <AuthorLabel a={c.author} />
        </button>
        {c.author.isPage && <span className="tag">Page</span>}
        {c.community !== null && (
          <span
            className={c.member ? 'tag tag-community is-member' : 'tag tag-community'}
            style={c.member ? { background: color } : undefined}
            title={c.member ? 'member of the community this thread was opened for' : 'community in the analysis'}
          >
            #{c.community}
          </span>
        )}
        {c.flagged && <span className="tag is-flagged">flagged</span>}
        <span className="muted small">
          {when(c.time)}
          {c.reactions !== null && ` · ${counted(c.reactions, 'reaction')}`}
          {c.detached && ' · its parent comment is not in the project'}
        </span>
      </div>
      <div className="thread-text">
        {c.text === null || c.text === '' ? <span className="muted">(no text)</span> : <Imported text={c.text} />}
      </div>
    </li>
  );
}
