/**
 * Comment data in the app (issue 11, item 6), in Chromium against browser mode with the real backend and
 * pipeline in-process, on a small seeded comment world (test/fixtures/comment-rings, seed 1, scale 0.1): a
 * flagged community's Pages and posts with the share of each comment section its members write (as the
 * analysis counted them), a post's thread opened from that table with the members marked, and the thread of a
 * member's own comment opened from the account panel on that comment. Two hostile comments (markup as text)
 * sit in the thread the test opens: they must read as text. Pictures in test-results/comment-views/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/main/analysis/pipeline';
import { createBackend, type Backend } from '../../src/main/server/backend';
import { startServer, type RunningServer } from '../../src/main/server/http-server';
import type { AnalysisOutput, CommunitySummary } from '../../src/shared/analysis/result';
import { DEFAULT_ANALYSIS_PARAMETERS } from '../../src/shared/api/contract';
import type { AccountDetail } from '../../src/shared/api/explore-types';
import { sharePercent } from '../../src/shared/explore/comment-targets';
import type { CommentThread } from '../../src/shared/explore/thread';
import { generateCommentWorld } from '../fixtures/comment-rings/generate';
import { MINET_COMMENT_HEADER } from '../fixtures/comment-rings/minet-comments';
import { csvLine } from '../fixtures/comment-rings/csv';
import { writeCommentWorld } from '../fixtures/comment-rings/write-world';
import { tempDir } from '../helpers/temp-dir';
import { afterPaint, HAVE_CHROMIUM, launchChromium } from './helpers/browser';
import { ensureBuilt, RENDERER_DIR, REPO } from './helpers/build';
import { closeInProcessApp } from './helpers/in-process-app';

const SHOTS = join(REPO, 'test-results/comment-views');
const HOSTILE_COMMENT = `<img src=x onerror="window.__pwned='thread-img'"> well done`;
const HOSTILE_REPLY = `<script>window.__pwned='thread-script'</script>\nsecond line`;

async function call<T>(backend: Backend, channel: string, payload: unknown): Promise<T> {
  const envelope = await backend.call(channel, payload);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

const ringOf = (output: AnalysisOutput): CommunitySummary | undefined =>
  output.communities.find((c) => c.flagged && (c.commentTargets?.posts.length ?? 0) > 0);

/** Catches any script the page runs from imported text. */
function installTraps() {
  const w = window as unknown as { __fired: string[] };
  w.__fired = [];
  Object.defineProperty(window, '__pwned', { set: (v: unknown) => w.__fired.push(String(v)), configurable: true });
}

describe.skipIf(!HAVE_CHROMIUM)('comment data in the app (Chromium, real pipeline on a seeded comment world)', () => {
  let backend: Backend;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let output: AnalysisOutput;
  let ring: CommunitySummary;
  let hostilePost: string;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    const dir = tempDir('claque-comment-views-');
    const files = writeCommentWorld(join(dir, 'data'), generateCommentWorld({ seed: 1, scale: 0.1 }));
    backend = createBackend({ project: join(dir, 'comments.claque'), create: true, runAnalysis });
    await call(backend, 'import.run', { jobId: 'c', file: files.comments.path });
    await call(backend, 'import.run', { jobId: 'p', file: files.posts.path });
    const first = await call<AnalysisOutput>(backend, 'analysis.run', {
      jobId: 'a1',
      parameters: DEFAULT_ANALYSIS_PARAMETERS,
    });
    // A member of the ring writes markup as text under the post the ring fills most, and answers it.
    const target = ringOf(first)!.commentTargets!.posts[0];
    hostilePost = target.postId;
    const thread = await call<CommentThread>(backend, 'thread.get', {
      postId: hostilePost,
      community: ringOf(first)!.id,
    });
    const author = thread.comments.find((c) => c.member)!.author;
    const numeric = /^\d+$/.test(author.accountId);
    const row = (id: string, text: string, parent: string) => {
      const cells: Record<string, string> = {
        post_id: hostilePost,
        id,
        user_id: numeric ? author.accountId : '',
        user_handle: numeric ? '' : author.accountId,
        user_url: numeric
          ? `https://www.facebook.com/profile.php?id=${author.accountId}`
          : `https://www.facebook.com/${author.accountId}`,
        user_label: author.displayName ?? '',
        text,
        html: `<div>${text}</div>`,
        formatted_date: 'January 11 at 6:18 AM',
        date: new Date(((thread.comments[0].time ?? 0) + 60) * 1000).toISOString().slice(0, 19),
        reactions: '0',
        replies: parent ? '0' : '1',
        in_reply_to: parent,
      };
      return csvLine(MINET_COMMENT_HEADER.map((k) => cells[k]));
    };
    const hostile = join(dir, 'data/more-comments.csv');
    writeFileSync(
      hostile,
      csvLine([...MINET_COMMENT_HEADER]) +
        row('4009999999000001', HOSTILE_COMMENT, '') +
        row('4009999999000002', HOSTILE_REPLY, '4009999999000001'),
    );
    await call(backend, 'import.run', { jobId: 'h', file: hostile });
    output = await call(backend, 'analysis.run', { jobId: 'a2', parameters: DEFAULT_ANALYSIS_PARAMETERS });
    ring = ringOf(output)!;
    server = await startServer({ backend, rendererDir: RENDERER_DIR });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    await page.addInitScript(installTraps);
    await page.goto(server.url);
    await page.getByTestId('community').first().waitFor({ timeout: 30_000 });
  }, 240_000);
  afterAll(() => closeInProcessApp({ browser, server, backend }));

  it('shows a flagged community’s Pages and posts with the share of each comment section its members write', async () => {
    expect(ring, 'a flagged community with comment targets').toBeDefined();
    const targets = ring.commentTargets!;
    expect(targets.posts.map((p) => p.postId)).toContain(hostilePost);
    await page.locator(`[data-community="${ring.id}"] .community-head`).click();
    const section = page.getByTestId('comment-targets');
    await section.waitFor();
    const cells = (table: string) =>
      section
        .getByTestId(table)
        .locator('.dt-row')
        .evaluateAll((rows) =>
          rows.map((r) => Array.from(r.querySelectorAll('[role=cell]'), (c) => (c.textContent ?? '').trim())),
        );
    expect(await cells('comment-pages')).toEqual(
      targets.pages.map((p) => [
        p.name ?? p.accountId,
        p.memberComments.toLocaleString('en-US'),
        p.comments.toLocaleString('en-US'),
        sharePercent(p.share),
      ]),
    );
    const names = new Map(targets.pages.map((p) => [p.accountId, p.name]));
    expect(await cells('comment-posts')).toEqual(
      targets.posts.map((p) => [
        p.pageId === null ? p.postId : `${p.postId} · ${names.get(p.pageId) ?? p.pageId}`,
        String(p.memberComments),
        String(p.comments),
        sharePercent(p.share),
      ]),
    );
    // The comment evidence is in the evidence table like any other, with its label and a percentage.
    const detail = page.getByTestId('community-detail');
    for (const key of [
      'inside_replies',
      'comment_concentration',
      'comment_domination',
      'templated_text',
      'id_batches',
    ]) {
      const e = ring.evidence.find((x) => x.key === key)!;
      const tr = detail.locator(`[data-testid=evidence] tr[data-key="${key}"]`);
      expect(await tr.locator('td').first().textContent()).toContain(e.label);
      expect(await tr.locator('.num').textContent()).toMatch(/ %/);
    }
    // Context (replies from inside, where members comment) reads as context: tagged, no strength bar, and
    // never among a community's three top numbers in the list.
    for (const e of ring.evidence.filter((x) => x.family === 'context' && !x.insufficient)) {
      const tr = detail.locator(`[data-testid=evidence] tr[data-key="${e.key}"]`);
      expect(await tr.getAttribute('class')).toBe('context');
      expect(await tr.locator('.strength').count()).toBe(0);
      expect(await tr.locator('.context-tag').textContent()).toBe('context');
    }
    const contextLabels = new Set(ring.evidence.filter((x) => x.family === 'context').map((x) => x.label));
    const minis = await page.locator(`[data-community="${ring.id}"] .evidence-mini dt`).allTextContents();
    expect(minis.length).toBeGreaterThan(0);
    for (const label of minis) expect(contextLabels.has(label), label).toBe(false);
    const table = detail.locator('[data-testid=evidence]');
    await table.scrollIntoViewIfNeeded();
    await afterPaint(page);
    await table.screenshot({ path: join(SHOTS, 'evidence.png') });
    await section.scrollIntoViewIfNeeded();
    await afterPaint(page);
    await section.screenshot({ path: join(SHOTS, 'community-targets.png') });
    await detail.screenshot({ path: join(SHOTS, 'community-detail.png') });
  });

  it('opens a post’s thread from its row: comments with their replies, members and flagged accounts marked', async () => {
    const target = ring.commentTargets!.posts.find((p) => p.postId === hostilePost)!;
    await page.getByTestId('comment-posts').locator(`.dt-row[data-key="${hostilePost}"]`).click();
    const view = page.getByTestId('thread-view');
    const list = view.getByTestId('thread-comments');
    await list.waitFor();
    const expected = await call<CommentThread>(backend, 'thread.get', { postId: hostilePost, community: ring.id });
    const counts = view.getByTestId('thread-counts');
    expect(await counts.locator('[data-count=comments] .value').textContent()).toBe(String(target.comments));
    expect(await counts.locator('[data-count=members] .value').textContent()).toBe(sharePercent(target.share));
    expect(await counts.locator('[data-count=members] .label').textContent()).toContain(
      `by community #${ring.id}: ${target.memberComments} comments`,
    );
    expect(await list.locator('li.thread-comment').count()).toBe(target.comments);
    expect(await list.locator('li[data-member]').count()).toBe(target.memberComments);
    expect(await list.locator('li[data-flagged]').count()).toBe(expected.comments.filter((c) => c.flagged).length);
    expect(await list.locator('li[data-flagged] .tag.is-flagged').count()).toBe(
      expected.comments.filter((c) => c.flagged).length,
    );
    // Replies sit under their comment, indented.
    const order = await list
      .locator('li.thread-comment')
      .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-id'), Number(li.getAttribute('data-depth'))]));
    expect(order).toEqual(expected.comments.map((c) => [c.id, c.depth]));
    const reply = list.locator('li[data-id="4009999999000002"]');
    expect(await reply.getAttribute('data-depth')).toBe('1');
    const indent = await reply.evaluate((li) => getComputedStyle(li).marginLeft);
    expect(indent).toBe('22px');
    // Markup in comments is text: shown as written, no element made of it, nothing run.
    expect(await list.locator('li[data-id="4009999999000001"] .thread-text').textContent()).toBe(HOSTILE_COMMENT);
    expect(await reply.locator('.thread-text').textContent()).toBe(HOSTILE_REPLY);
    expect(await view.locator('img, script, svg').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __fired: string[] }).__fired)).toEqual([]);
    await afterPaint(page);
    await view.screenshot({ path: join(SHOTS, 'thread.png') });
  });

  it('opens the thread of a member’s own comment from the account panel, on that comment', async () => {
    const shown = await call<CommentThread>(backend, 'thread.get', { postId: hostilePost, community: ring.id });
    const member = page.getByTestId('thread-comments').locator('li[data-member]').first();
    const commentId = (await member.getAttribute('data-id'))!;
    const authorId = shown.comments.find((c) => c.id === commentId)!.author.accountId;
    await member.locator('.thread-meta button.link').first().click();
    const panel = page.getByTestId('account-panel');
    await panel.waitFor();
    const detail = await call<AccountDetail>(backend, 'account.get', { accountId: authorId, postsLimit: 100 });
    // One of the member's comments elsewhere (the panel lists posts oldest first; the first rows are drawn).
    const inShown = new Set(shown.comments.map((c) => c.id));
    const comment =
      detail.posts.slice(0, 15).find((p) => (p.kind === 'comment' || p.kind === 'reply') && !inShown.has(p.id)) ??
      detail.posts[0];
    await panel.getByTestId('account-posts').locator(`.dt-row[data-key="${comment.id}"]`).click();
    const focus = page.locator('li.thread-comment.is-focus');
    await expect.poll(() => focus.getAttribute('data-id')).toBe(comment.id);
    expect(await focus.getAttribute('data-member')).toBe('true');
    const opened = await call<CommentThread>(backend, 'thread.get', { postId: comment.id, community: ring.id });
    expect(opened.focus).toBe(comment.id);
    expect(await page.getByTestId('thread-counts').locator('[data-count=comments] .value').textContent()).toBe(
      opened.counts.comments.toLocaleString('en-US'),
    );
    expect(await page.getByTestId('thread-comments').locator('li.thread-comment').count()).toBe(opened.comments.length);
    await afterPaint(page);
    await page.screenshot({ path: join(SHOTS, 'thread-from-comment.png') });
    await page.getByRole('button', { name: 'Close thread' }).click();
    await page.getByTestId('thread-view').waitFor({ state: 'detached' });
    await page.getByTestId('map').waitFor();
    await page.getByRole('button', { name: 'Close account' }).click();
    await page.getByTestId('account-panel').waitFor({ state: 'detached' });
  });

  it('marks only the members in a thread the community shares with others', async () => {
    // A member (among the first rows of the members table) whose early comment sits in someone else's crowd.
    const members = output.accounts
      .filter((a) => a.community === ring.id)
      .sort((a, b) => b.score - a.score || (b.posts ?? 0) - (a.posts ?? 0))
      .slice(0, 15);
    let found: { rank: number; commentId: string; thread: CommentThread } | null = null;
    for (const [rank, m] of members.entries()) {
      const detail = await call<AccountDetail>(backend, 'account.get', { accountId: m.accountId, postsLimit: 15 });
      for (const p of detail.posts.filter((x) => x.kind === 'comment' || x.kind === 'reply')) {
        const thread = await call<CommentThread>(backend, 'thread.get', { postId: p.id, community: ring.id });
        if ((thread.counts.memberShare ?? 1) < 0.5) found ??= { rank, commentId: p.id, thread };
      }
      if (found) break;
    }
    expect(found, 'a member comment in a mostly non-member thread').not.toBeNull();
    const { rank, commentId, thread } = found!;
    await page.locator(`[data-community="${ring.id}"] .community-head`).click();
    await page.getByTestId('members').locator('.member').nth(rank).click();
    const panel = page.getByTestId('account-panel');
    await panel.getByTestId('account-posts').locator(`.dt-row[data-key="${commentId}"]`).click();
    await expect.poll(() => page.locator('li.thread-comment.is-focus').getAttribute('data-id')).toBe(commentId);
    const list = page.getByTestId('thread-comments');
    expect(await list.locator('li.thread-comment').count()).toBe(thread.comments.length);
    expect(await list.locator('li[data-member]').count()).toBe(thread.counts.memberComments);
    expect(await list.locator('li:not([data-member])').count()).toBe(
      thread.comments.length - thread.counts.memberComments!,
    );
    expect(await page.getByTestId('thread-counts').locator('[data-count=members] .value').textContent()).toBe(
      sharePercent(thread.counts.memberShare!),
    );
    await afterPaint(page);
    await page.getByTestId('thread-view').screenshot({ path: join(SHOTS, 'thread-mixed.png') });
  });
});
