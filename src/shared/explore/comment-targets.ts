/**
 * A community's comment targets (CommunitySummary.commentTargets) as the panel and the report list them: each
 * post named with its Page, where the Page is among the community's Pages.
 */
import type { CommentTargets } from '../analysis/result';

export type TargetPost = CommentTargets['posts'][number] & { pageName: string | null };

export function targetPosts(t: CommentTargets): TargetPost[] {
  const names = new Map(t.pages.map((p) => [p.accountId, p.name]));
  return t.posts.map((p) => ({ ...p, pageName: p.pageId === null ? null : (names.get(p.pageId) ?? null) }));
}

/** "92 %" for a share 0–1; never "0 %" for some, nor "100 %" for not all ("<1 %", ">99 %"). */
export function sharePercent(share: number): string {
  if (typeof share !== 'number' || !Number.isFinite(share)) return '–';
  const p = Math.round(share * 100);
  if (p === 0 && share > 0) return '<1 %';
  if (p === 100 && share < 1) return '>99 %';
  return `${p} %`;
}
