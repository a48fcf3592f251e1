import type { CommentTargets as Targets } from '../../../shared/analysis/result';
import { sharePercent, targetPosts, type TargetPost } from '../../../shared/explore/comment-targets';
import { showBidiControls } from '../../../shared/io/visible-controls';
import { openAccount, openThread } from '../../state/explore/producers';
import { store } from '../../state/store';
import { DataTable, type Column } from '../explore/DataTable';
import { count } from '../format';
import { Imported } from '../Imported';

type TargetPage = Targets['pages'][number];

/** A share 0–1 as a percentage with a bar behind it, so a column of shares reads at a glance. */
export function ShareBar({ share }: { share: number }) {
  const width = Number.isFinite(share) ? Math.round(100 * Math.max(0, Math.min(1, share))) : 0;
  return (
    <span className="share-cell" data-share={share}>
      <span className="share-bar" style={{ width: `${width}%` }} />
      <span className="share-text">{sharePercent(share)}</span>
    </span>
  );
}

const SHARE_COLUMN = { id: 'share', header: 'Share', numeric: true, width: 66 } as const;

const PAGE_COLUMNS: Column<TargetPage>[] = [
  { id: 'page', header: 'Page', value: (p) => p.name ?? p.accountId },
  {
    id: 'theirs',
    header: 'Theirs',
    value: (p) => p.memberComments,
    render: (p) => count(p.memberComments),
    numeric: true,
    width: 46,
  },
  { id: 'all', header: 'All', value: (p) => p.comments, render: (p) => count(p.comments), numeric: true, width: 46 },
  { ...SHARE_COLUMN, value: (p) => p.share, render: (p) => <ShareBar share={p.share} /> },
];

const POST_COLUMNS: Column<TargetPost>[] = [
  {
    id: 'post',
    header: 'Post',
    value: (p) => p.postId,
    // The id first: rows of one Page differ by it alone.
    render: (p) => (
      <span title={showBidiControls(`post ${p.postId}${p.pageId ? ` on ${p.pageName ?? p.pageId}` : ''}`)}>
        <Imported text={p.postId} />
        {p.pageId !== null && (
          <>
            <span className="muted"> · </span>
            <Imported className="muted" text={p.pageName ?? p.pageId} />
          </>
        )}
      </span>
    ),
  },
  { id: 'theirs', header: 'Theirs', value: (p) => p.memberComments, numeric: true, width: 46 },
  { id: 'all', header: 'All', value: (p) => p.comments, numeric: true, width: 46 },
  { ...SHARE_COLUMN, value: (p) => p.share, render: (p) => <ShareBar share={p.share} /> },
];

const tableHeight = (rows: number) => Math.min(264, Math.max(1, rows) * 26 + 4);

/**
 * Where a community of comment data comments (CommunitySummary.commentTargets): the Pages its members write
 * under and the posts whose comment sections they fill most, each with the share of its comments that is
 * theirs. A Page opens its account; a post opens its comment thread with the members marked.
 */
export function CommentTargets({ community, targets }: { community: number; targets: Targets }) {
  const posts = targetPosts(targets);
  return (
    <section data-testid="comment-targets">
      <h3>Where they comment</h3>
      {targets.pages.length === 0 && targets.posts.length === 0 ? (
        <p className="muted small">Members wrote no comment under a post whose Page is known.</p>
      ) : (
        <>
          <p className="muted small">
            Share: the part of all comments and replies there that members wrote. Context, not evidence: a Page’s own
            fans fill its comment sections too.
          </p>
          {targets.pages.length > 0 && (
            <DataTable
              rows={targets.pages}
              columns={PAGE_COLUMNS}
              height={tableHeight(targets.pages.length)}
              rowKey={(p) => p.accountId}
              onRowClick={(p) => store.update('explore', openAccount(p.accountId))}
              testId="comment-pages"
            />
          )}
          {posts.length > 0 && (
            <>
              <p className="muted small table-caption">
                Posts where their share is highest (10+ comments) — open one to read its thread:
              </p>
              <DataTable
                rows={posts}
                columns={POST_COLUMNS}
                height={tableHeight(posts.length)}
                rowKey={(p) => p.postId}
                onRowClick={(p) => store.update('explore', openThread({ postId: p.postId, community }))}
                testId="comment-posts"
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
