/**
 * thread.get through the real backend and pipeline on a small seeded comment world (test/fixtures/comment-rings):
 * a post's thread counts what the community panel's commentTargets count, a comment opens its post's thread on
 * itself, a capped thread keeps its whole-thread numbers and every parent of what it shows.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/main/analysis/pipeline';
import { createBackend, type Backend } from '../../src/main/server/backend';
import type { AnalysisOutput, CommunitySummary } from '../../src/shared/analysis/result';
import { DEFAULT_ANALYSIS_PARAMETERS, type ExportOutcome } from '../../src/shared/api/contract';
import type { CommentThread } from '../../src/shared/explore/thread';
import { COMMENT_TARGET_COLUMNS } from '../../src/shared/io/community-table';
import { generateCommentWorld } from '../fixtures/comment-rings/generate';
import { writeCommentWorld } from '../fixtures/comment-rings/write-world';
import { tempDir } from '../helpers/temp-dir';

/** The cells of one CSV line as RFC 4180 writes them (quoted cells may hold commas and doubled quotes). */
function cellsOf(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
    m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1],
  );
}

async function call<T>(backend: Backend, channel: string, payload: unknown): Promise<T> {
  const envelope = await backend.call(channel, payload);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

describe('thread.get on a seeded comment world', () => {
  let backend: Backend;
  let output: AnalysisOutput;
  let ring: CommunitySummary;

  beforeAll(async () => {
    const dir = tempDir('claque-thread-');
    const files = writeCommentWorld(join(dir, 'data'), generateCommentWorld({ seed: 1, scale: 0.05 }));
    backend = createBackend({ project: join(dir, 'p.claque'), create: true, runAnalysis });
    await call(backend, 'import.run', { jobId: 'c', file: files.comments.path });
    await call(backend, 'import.run', { jobId: 'p', file: files.posts.path });
    output = await call(backend, 'analysis.run', { jobId: 'a', parameters: DEFAULT_ANALYSIS_PARAMETERS });
    ring = output.communities.find((c) => c.flagged && (c.commentTargets?.posts.length ?? 0) > 0)!;
  }, 120_000);
  afterAll(() => backend?.close());

  it('counts each of a community’s posts as its commentTargets do', async () => {
    expect(ring, 'a flagged community with comment targets').toBeDefined();
    for (const p of ring.commentTargets!.posts) {
      const t = await call<CommentThread>(backend, 'thread.get', { postId: p.postId, community: ring.id });
      expect(t.counts.comments, p.postId).toBe(p.comments);
      expect(t.counts.memberComments, p.postId).toBe(p.memberComments);
      expect(t.counts.memberShare!).toBeCloseTo(p.share, 3);
      expect(t.post.page?.accountId).toBe(p.pageId);
      expect(t.capped).toBe(false);
      expect(t.comments).toHaveLength(p.comments);
      expect(t.comments.filter((c) => c.member)).toHaveLength(p.memberComments);
      // Every member is marked with the community's flag; every shown reply sits under its parent.
      const flagged = t.comments.filter((c) => c.member).every((c) => c.communityFlagged);
      expect(flagged).toBe(true);
      const seen = new Set<string>();
      for (const c of t.comments) {
        if (c.depth > 0) expect(seen.has(c.parentId!)).toBe(true);
        else expect(c.parentId).toBe(p.postId);
        seen.add(c.id);
      }
    }
  });

  it('opens a post’s thread from one of its replies, on that reply', async () => {
    const p = ring.commentTargets!.posts[0];
    const whole = await call<CommentThread>(backend, 'thread.get', { postId: p.postId, community: ring.id });
    const reply = whole.comments.find((c) => c.depth > 0) ?? whole.comments[0];
    const t = await call<CommentThread>(backend, 'thread.get', { postId: reply.id, community: ring.id });
    expect(t.post.id).toBe(p.postId);
    expect(t.focus).toBe(reply.id);
    expect(t.counts).toEqual(whole.counts);
  });

  it('caps a thread at `limit`, keeping the whole thread’s counts and each shown comment’s parents', async () => {
    const p = [...ring.commentTargets!.posts].sort((a, b) => b.comments - a.comments)[0];
    const whole = await call<CommentThread>(backend, 'thread.get', { postId: p.postId, community: ring.id });
    const t = await call<CommentThread>(backend, 'thread.get', { postId: p.postId, community: ring.id, limit: 4 });
    expect(t.capped).toBe(true);
    expect(t.limit).toBe(4);
    expect(t.counts).toEqual({ ...whole.counts, shown: 4 });
    const shown = new Set(t.comments.map((c) => c.id));
    for (const c of t.comments) if (c.depth > 0) expect(shown.has(c.parentId!)).toBe(true);
    // The earliest comments on the post are among them.
    const first = whole.comments.filter((c) => c.depth === 0).sort((a, b) => (a.time ?? 0) - (b.time ?? 0))[0];
    expect(shown.has(first.id)).toBe(true);
  });

  it('refuses unknown ids and over-large limits, and reads an id as data, never as SQL', async () => {
    for (const postId of ['no-such-post', "' OR 1=1 --", '%']) {
      expect(await backend.call('thread.get', { postId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await backend.call('thread.get', { postId: 'x', limit: 2001 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('exports the top Page and post with the members’ shares in the communities CSV, and all of them in the report', async () => {
    const csv = (await call<ExportOutcome>(backend, 'export.csv', { table: 'communities' })).content.trim().split('\n');
    const header = cellsOf(csv[0]);
    for (const k of COMMENT_TARGET_COLUMNS) expect(header).toContain(k);
    const rank = output.communities.indexOf(ring);
    const cells = cellsOf(csv[rank + 1]);
    const at = (k: string) => cells[header.indexOf(k)];
    const [page] = ring.commentTargets!.pages;
    const [post] = ring.commentTargets!.posts;
    expect(at('community')).toBe(String(ring.id));
    expect([at('top_page_id'), at('top_page_member_comments'), at('top_page_comments'), at('top_page_share')]).toEqual([
      page.accountId,
      String(page.memberComments),
      String(page.comments),
      String(page.share),
    ]);
    expect([at('top_post_id'), at('top_post_share')]).toEqual([post.postId, String(post.share)]);
    expect(at('top_page')).toBe(page.name ?? '');
    const html = (await call<ExportOutcome>(backend, 'export.report', { community: ring.id })).content;
    const section = html.slice(html.indexOf('<h2>Where they comment</h2>'), html.indexOf('<h2>Members'));
    for (const p of ring.commentTargets!.pages) expect(section).toContain(`<td><code>${p.accountId}</code></td>`);
    for (const p of ring.commentTargets!.posts) expect(section).toContain(`<tr><td><code>${p.postId}</code></td>`);
  });

  it('marks nobody as a member without a community, but still marks flagged accounts', async () => {
    const p = ring.commentTargets!.posts[0];
    const t = await call<CommentThread>(backend, 'thread.get', { postId: p.postId });
    expect(t.community).toBeNull();
    expect(t.comments.some((c) => c.member)).toBe(false);
    expect(t.counts.memberShare).toBeNull();
    expect(t.comments.some((c) => c.communityFlagged)).toBe(true);
  });
});
