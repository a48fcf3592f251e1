/**
 * A node child process timed from spawn to exit, with its own peak RSS: the child loads peak-rss.mjs (where
 * asked), which writes the figure to CLAQUE_BENCH_RSS_FILE as it exits; a child that measures itself may print
 * `{"maxRssBytes": …}` as its last stdout line instead. For the benches that run the built CLI.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
/** `--import` this to have a child report its own peak RSS. */
export const PEAK_RSS = pathToFileURL(join(root, 'bench', 'peak-rss.mjs')).href;

export interface ChildRun {
  code: number | null;
  ms: number;
  maxRssBytes?: number;
  stdout: string;
  /** The last 8,000 characters: progress lines go there, and the tail is what an error message needs. */
  stderr: string;
}

export function runMeasured(args: string[], rssFile: string): Promise<ChildRun> {
  return new Promise((done, fail) => {
    rmSync(rssFile, { force: true });
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CLAQUE_BENCH_RSS_FILE: rssFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      done({ code, ms, maxRssBytes: peakOf(rssFile, stdout), stdout, stderr });
    });
  });
}

function peakOf(rssFile: string, stdout: string): number | undefined {
  if (existsSync(rssFile)) return (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number }).maxRssBytes;
  try {
    return (JSON.parse(stdout.trim().split('\n').pop() ?? '') as { maxRssBytes?: number }).maxRssBytes;
  } catch {
    return undefined; // no figure
  }
}
