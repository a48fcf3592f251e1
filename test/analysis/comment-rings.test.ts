/**
 * Page rings in comment data, end to end: seeded comment worlds (test/fixtures/comment-rings) written as
 * minet's Facebook comments CSV and minet's CrowdTangle posts CSV, imported with no options (formats
 * detected from content), analysed with the defaults. Both kinds of ring are flagged, with account F1 ≥ 0.9,
 * and no organic look-alike group (fans, ultras, a news Page's regulars, activists, commenting Pages) has
 * more than 5 % of its accounts flagged. Two seeds, at a third of the scale; bench/comment-rings-eval.ts
 * runs any seed and scale.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/main/analysis/pipeline';
import { importFile } from '../../src/main/import/run-import';
import { openProject } from '../../src/main/store/project';
import { generateCommentWorld } from '../fixtures/comment-rings/generate';
import { writeCommentWorld } from '../fixtures/comment-rings/write-world';
import { tempDir } from '../helpers/temp-dir';
import { scoreCommentFlags, type CommentTruth } from './comment-ring-score';

describe.each([2, 5])('comment world, seed %i', (seed) => {
  it('flags the Youth Union and Nur Otan rings and no organic look-alike', async () => {
    const dir = tempDir('claque-comment-world-');
    const world = generateCommentWorld({ seed, scale: 0.3 });
    const files = writeCommentWorld(dir, world);
    const db = openProject(join(dir, 'world.claque'));
    try {
      const comments = await importFile(db, files.comments.path);
      const posts = await importFile(db, files.posts.path);
      expect([comments.format, posts.format]).toEqual(['comments', 'comments']);
      expect(comments.rowsImported).toBe(files.comments.rows);
      const out = await runAnalysis(db, {});
      // The comment graph was used: replies and co-comments, no comment → Page edges.
      expect(out.summary.comments?.replies).toBeGreaterThan(0);
      expect(out.graph.edges.some((e) => e.kind === 'comment')).toBe(false);
      const score = scoreCommentFlags(
        out.accounts.map((a) => a.accountId),
        out.accounts.filter((a) => a.flagged).map((a) => a.accountId),
        world.truth as unknown as CommentTruth,
      );
      console.log(`comment world seed ${seed}: ${score.lines.join(' | ')}`);
      for (const [ring, s] of Object.entries(score.rings)) expect(s.f1, ring).toBeGreaterThanOrEqual(0.9);
      for (const [group, l] of Object.entries(score.lookalikes)) expect(l.share, group).toBeLessThanOrEqual(0.05);
      // Each flagged community of comment data says where it comments, with its share of each section.
      const flagged = out.communities.filter((c) => c.flagged);
      expect(flagged.length).toBeGreaterThanOrEqual(2);
      for (const c of flagged) {
        expect(c.commentTargets!.pages.length).toBeGreaterThan(0);
        const top = c.commentTargets!.pages[0];
        expect(top.share).toBeCloseTo(top.memberComments / top.comments, 3);
      }
    } finally {
      db.close();
    }
  }, 180_000);
});
