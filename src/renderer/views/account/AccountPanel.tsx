import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountDetail, AccountPost, AccountTie } from '../../../shared/api/explore-types';
import { showBidiControls } from '../../../shared/io/visible-controls';
import { openAccount, openThread } from '../../state/explore/producers';
import { query } from '../../state/explore/client';
import { selectCommunity, selectNode } from '../../state/selection/producers';
import { store, useAppState } from '../../state/store';
import { DataTable, type Column } from '../explore/DataTable';
import { count, fixed } from '../format';
import { HourHeatmap } from '../HourHeatmap';
import { AccountFeatures } from './AccountFeatures';
import { AccountName, Imported } from '../Imported';

const PAGE = 100;

/** Posts whose comment thread can be opened: a comment or reply (its post's thread, on it), or a post (its own). */
const HAS_THREAD = new Set(['comment', 'reply', 'original']);

const when = (t: number | null) =>
  t === null || !Number.isFinite(t) ? '–' : new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 16);

const POST_COLUMNS: Column<AccountPost>[] = [
  {
    id: 'time',
    header: 'Time (UTC)',
    value: (p) => p.time ?? 0,
    render: (p) => when(p.time),
    width: 116,
  },
  { id: 'kind', header: 'Kind', value: (p) => p.kind, width: 58 },
  {
    id: 'text',
    header: 'Text / shared post',
    value: (p) => p.text ?? (p.parentId ? `↻ ${p.parentId}` : p.id),
    render: (p) => {
      const t = p.text ?? (p.parentId ? `↻ ${p.parentId}` : p.id);
      return (
        <span title={showBidiControls(t)}>
          <Imported text={t} />
        </span>
      );
    },
  },
];

const tieColumns = (dir: 'to' | 'from'): Column<AccountTie>[] => [
  {
    id: 'account',
    header: dir === 'to' ? 'To' : 'From',
    value: (t) => (t.screenName ? `@${t.screenName}` : t.accountId),
  },
  { id: 'kind', header: 'Kind', value: (t) => t.kind, width: 62 },
  { id: 'count', header: 'Count', value: (t) => t.count, numeric: true, width: 52 },
];

/** One account: profile as text, verdict and reasons, hour-of-week activity, its posts and its ties. */
export function AccountPanel({ accountId }: { accountId: string }) {
  const [detail, setDetail] = useState<AccountDetail | null>(null);
  const [posts, setPosts] = useState<AccountPost[]>([]);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const threadOpen = useAppState((s) => (s.explore.tab === 'thread' ? (s.explore.thread?.postId ?? null) : null));

  useEffect(() => {
    // The panel is keyed by account (App), so a new account starts from empty state.
    let live = true;
    query('account.get', { accountId, postsLimit: PAGE })
      .then((d) => {
        if (!live) return;
        setDetail(d);
        setPosts(d.posts);
      })
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [accountId]);

  // Next page of posts when the table is scrolled to its end (bounded pages, never all posts at once).
  const more = useCallback(() => {
    if (!detail || loading.current || posts.length >= detail.postCount) return;
    loading.current = true;
    query('account.get', { accountId, postsLimit: PAGE, postsOffset: posts.length, tiesLimit: 1 })
      .then((d) => setPosts((old) => (old.length === d.postsOffset ? [...old, ...d.posts] : old)))
      .finally(() => (loading.current = false));
  }, [accountId, detail, posts.length]);

  const close = () => {
    store.update('explore', openAccount(null));
    store.update('selection', selectNode(null));
  };
  return (
    <aside className="panel detail account-profile" aria-label="Account detail" data-testid="account-panel">
      <header className="row">
        <h2 className="ellipsis grow" data-testid="account-name">
          <AccountName screenName={detail?.screenName} accountId={accountId} />
        </h2>
        <button type="button" aria-label="Close account" onClick={close}>
          ×
        </button>
      </header>
      {error && <p className="error">{error}</p>}
      {!detail && !error && <p className="muted">Loading account…</p>}
      {detail && (
        <>
          {detail.analysis && (
            <p className={detail.analysis.flagged ? 'verdict flagged' : 'verdict'} data-testid="account-verdict">
              {detail.analysis.flagged ? 'In a flagged community' : 'Not flagged'} · score{' '}
              {fixed(detail.analysis.score)} ·{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  store.update('selection', selectCommunity(detail.analysis!.community));
                  close();
                }}
              >
                community #{detail.analysis.community}
              </button>
            </p>
          )}
          <dl data-testid="account-profile">
            <dt>Account id</dt>
            <dd className="ellipsis">
              <Imported text={detail.accountId} />
            </dd>
            {detail.displayName && (
              <>
                <dt>Name</dt>
                <dd>
                  <Imported text={detail.displayName} />
                </dd>
              </>
            )}
            <dt>Platform</dt>
            <dd>{detail.platform ?? '–'}</dd>
            <dt>Created</dt>
            <dd>{detail.createdAt ? when(detail.createdAt).slice(0, 10) : 'unknown'}</dd>
            <dt>Followers</dt>
            <dd>{detail.followers === null ? 'unknown' : count(detail.followers)}</dd>
            <dt>Following</dt>
            <dd>{detail.following === null ? 'unknown' : count(detail.following)}</dd>
            {detail.location && (
              <>
                <dt>Location</dt>
                <dd>
                  <Imported text={detail.location} />
                </dd>
              </>
            )}
          </dl>
          {detail.description && (
            <p className="description">
              <Imported text={detail.description} />
            </p>
          )}
          {!detail.inProject && <p className="muted small">This account is in the analysis but not in the project.</p>}
          {detail.analysis && detail.analysis.reasons.length + detail.analysis.communityReasons.length > 0 && (
            <>
              <h3>Evidence</h3>
              <ul className="reasons" data-testid="account-reasons">
                {detail.analysis.reasons.map((r, i) => (
                  <li key={`a${i}`}>
                    <Imported text={r} />
                  </li>
                ))}
                {detail.analysis.communityReasons.map((r, i) => (
                  <li key={`c${i}`} className="muted">
                    community: <Imported text={r} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {detail.analysis?.features && <AccountFeatures f={detail.analysis.features} />}
          <h3>Activity by hour of week (UTC) · {count(detail.postCount)} posts</h3>
          <HourHeatmap counts={detail.hourOfWeek} />
          <h3>
            Posts{' '}
            <span className="muted small">
              {`${count(posts.length)} of ${count(detail.postCount)} loaded`}
              {posts.some((p) => p.kind === 'comment' || p.kind === 'reply') && ' · a comment opens its thread'}
            </span>
          </h3>
          <DataTable
            rows={posts}
            columns={POST_COLUMNS}
            height={Math.min(200, Math.max(1, posts.length) * 26 + 4)}
            rowKey={(p) => p.id}
            onEndReached={more}
            rowClickable={(p) => HAS_THREAD.has(p.kind)}
            activeKey={threadOpen}
            onRowClick={(p) =>
              store.update('explore', openThread({ postId: p.id, community: detail.analysis?.community ?? null }))
            }
            testId="account-posts"
          />
          <h3>
            Interactions out <span className="muted small">{count(detail.interactionsOutTotal)} in all</span>
          </h3>
          <TieTable ties={detail.interactionsOut} dir="to" testId="ties-out" />
          <h3>
            Interactions in <span className="muted small">{count(detail.interactionsInTotal)} in all</span>
          </h3>
          <TieTable ties={detail.interactionsIn} dir="from" testId="ties-in" />
        </>
      )}
    </aside>
  );
}

function TieTable({ ties, dir, testId }: { ties: AccountTie[]; dir: 'to' | 'from'; testId: string }) {
  if (ties.length === 0) return <p className="muted small">None in the data.</p>;
  return (
    <DataTable
      rows={ties}
      columns={tieColumns(dir)}
      height={Math.min(160, ties.length * 26 + 4)}
      rowKey={(t) => `${t.accountId}:${t.kind}`}
      onRowClick={(t) => store.update('explore', openAccount(t.accountId))}
      testId={testId}
    />
  );
}
