/**
 * `node --import tsx bench/comment-rings-eval.ts --seeds 1,2,3 --scale 0.3`: the comment-ring worlds of
 * test/fixtures/comment-rings imported with no flags (`claque run comments.csv posts.csv`) and analysed with
 * the defaults; per seed, each ring's account F1 and each organic look-alike group's flagged share. For
 * looking at calibration across seeds, never for tuning on one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreCommentWorld, type CommentTruth } from '../test/analysis/comment-ring-score';

const REPO = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1,2,3' },
    scale: { type: 'string', default: '0.3' },
    keep: { type: 'boolean' },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'claque-comment-eval-'));
try {
  for (const seed of values.seeds!.split(',').map(Number)) {
    const world = join(dir, `seed-${seed}`);
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO, 'test/fixtures/comment-rings/cli.ts'),
        '--seed',
        String(seed),
        '--scale',
        values.scale!,
        '--out',
        world,
      ],
      { stdio: 'ignore' },
    );
    const out = join(world, 'out');
    execFileSync(
      process.execPath,
      [join(REPO, 'bin/claque.js'), 'run', join(world, 'comments.csv'), join(world, 'posts.csv'), '--out', out],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const truth = JSON.parse(readFileSync(join(world, 'truth.json'), 'utf8')) as CommentTruth;
    const accounts = readFileSync(join(out, 'accounts.csv'), 'utf8');
    const score = scoreCommentWorld(accounts, truth);
    console.log(`seed ${seed}: ${score.lines.join(' | ')}`);
    if (values.keep) console.log(`  kept ${world}`);
  }
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
