import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { fixture, memoryIo, tempProject, type TempProject } from './helpers';

let p: TempProject;
beforeEach(() => {
  p = tempProject();
  p.db.close(); // the CLI opens the project itself
});
afterEach(() => p.cleanup());

describe('claque import / info (table formats)', () => {
  it('imports files, prints results on stdout and row errors with file and line on stderr', async () => {
    const io = memoryIo();
    const code = await runCli(['import', p.file, fixture('coortweet-shares.csv'), fixture('edges.csv')], io);
    expect(code).toBe(0);
    const out = io.stdout.join('');
    expect(out).toContain(
      `${fixture('coortweet-shares.csv')}: share-table, 10 rows read, 10 imported, 0 skipped; added 9 accounts, 9 posts`,
    );
    expect(out).toContain(
      `${fixture('edges.csv')}: edges, 6 rows read, 4 imported, 2 skipped; added 5 accounts, 0 posts, 4 interactions`,
    );
    const err = io.stderr.join('');
    expect(err).toContain(`${fixture('edges.csv')}:5: unknown kind "like"`);
    expect(err).toContain(`${fixture('edges.csv')}:6: bad weight "-1"`);
    expect(err).not.toMatch(/coortweet-shares\.csv:\d+:/); // progress only, no row errors
    expect(err).toContain(`${fixture('edges.csv')}: 6 rows`);
  });

  it('info --json reports counts per table and each import with its errors', async () => {
    const io = memoryIo();
    await runCli(['import', p.file, fixture('german-subset.csv'), fixture('follows.csv')], io);
    const info = memoryIo();
    expect(await runCli(['info', p.file, '--json'], info)).toBe(0);
    const data = JSON.parse(info.stdout.join(''));
    expect(data.counts).toMatchObject({ accounts: 5 + 3, posts: 8, follows: 3, post_objects: 12, imports: 2 });
    expect(data.imports.map((i: { format: string }) => i.format)).toEqual(['multi-object', 'follows']);
    expect(data.imports[1]).toMatchObject({ rowsRead: 6, rowsImported: 4, errorCount: 2 });
    expect(data.imports[1].errors).toEqual([
      { line: 5, message: 'empty following_id' },
      { line: 6, message: 'bad time "not a date": expected Unix seconds or an ISO 8601 time' },
    ]);
    expect(info.stderr).toEqual([]);
  });

  it('--map and --platform reach the comments importer', async () => {
    const io = memoryIo();
    const args = ['import', p.file, fixture('vk-comments.csv'), '--format', 'comments', '--platform', 'vk'];
    const mapped = [
      ...args,
      '--map',
      'commenter_id=from_id',
      '--map',
      'target_id=owner_id',
      '--map',
      'comment_id=id',
      '--map',
      'time=date',
    ];
    expect(await runCli(mapped, io)).toBe(0);
    expect(io.stdout.join('')).toContain('comments, 3 rows read, 3 imported');
    const info = memoryIo();
    await runCli(['info', p.file, '--json'], info);
    expect(JSON.parse(info.stdout.join('')).counts).toMatchObject({ posts: 3, interactions: 3 });
  });

  it('a wrong file fails with exit code 1, naming file, line and what was expected; --strict names the bad row', async () => {
    const io = memoryIo();
    expect(await runCli(['import', p.file, fixture('vk-comments.csv'), '--format', 'comments'], io)).toBe(1);
    expect(io.stderr.join('')).toMatch(
      new RegExp(
        `^claque: ${fixture('vk-comments.csv').replace(/[.]/g, '\\.')}:1: wrong columns for comments: .*commenter_id`,
      ),
    );
    expect(io.stdout).toEqual([]);

    const strict = memoryIo();
    expect(await runCli(['import', p.file, fixture('share-bad-rows.csv'), '--strict'], strict)).toBe(1);
    expect(strict.stderr.join('')).toContain(
      `claque: ${fixture('share-bad-rows.csv')}:3: bad timestamp_share "yesterday": expected Unix seconds or an ISO 8601 time (--strict: nothing imported)`,
    );
    const info = memoryIo();
    await runCli(['info', p.file, '--json'], info);
    expect(JSON.parse(info.stdout.join('')).counts).toMatchObject({ posts: 0, accounts: 0, imports: 0 });
  });

  it('bad arguments are usage errors (exit 2)', async () => {
    const io = memoryIo();
    expect(await runCli(['import', p.file, fixture('edges.csv'), '--map', 'nonsense'], io)).toBe(2);
    expect(io.stderr.join('')).toContain('--map expects field=column, got "nonsense"');
    const io2 = memoryIo();
    expect(await runCli(['import', p.file, fixture('edges.csv'), '--platform', 'myspace'], io2)).toBe(2);
    expect(io2.stderr.join('')).toContain('--platform expects one of');
  });

  it('an unknown option or a missing value is a usage error with the command line, not a stack trace', async () => {
    const io = memoryIo();
    expect(await runCli(['analyze', p.file, '--out', 'x', '--windw', '30'], io)).toBe(2);
    const err = io.stderr.join('');
    expect(err).toContain("claque analyze: Unknown option '--windw'");
    expect(err).toContain('usage: claque analyze <project.claque> --out DIR');
    expect(err).not.toMatch(/TypeError|\bat \w+ \(|To specify a positional/);
    const io2 = memoryIo();
    expect(await runCli(['import', p.file, '--format'], io2)).toBe(2);
    expect(io2.stderr.join('')).toMatch(/claque import: Option '--format <value>' argument missing/);
  });

  it('<command> --help explains every option with its default', async () => {
    for (const [command, options] of [
      [
        'analyze',
        ['--graph', '--coaction', '--window', '--min-participation', '--min-weight', '--resolution', '--seed'],
      ],
      ['run', ['--format', '--map', '--platform', '--strict', '--project', '--window', '--seed']],
      ['import', ['--format', '--map', '--platform', '--strict']],
      ['info', ['--json']],
      ['serve', ['--port']],
    ] as const) {
      const io = memoryIo();
      expect(await runCli([command, '--help'], io)).toBe(0);
      const out = io.stdout.join('');
      expect(out).toMatch(new RegExp(`^usage: claque ${command} `));
      for (const o of options) expect(out, `${command} ${o}`).toMatch(new RegExp(`^  ${o} `, 'm'));
    }
    const io = memoryIo();
    await runCli(['analyze', '-h'], io);
    expect(io.stdout.join('')).toMatch(/--window S\|auto +co-action window in seconds \(default 60\)/);
    expect(io.stdout.join('')).toMatch(/--seed N .*\(default 1;/);
  });
});
