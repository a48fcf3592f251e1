import { mkdirSync, renameSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { csvLine } from '../../shared/io/csv-writer';
import { writeGexf } from '../export/gexf';

export const OUTPUT_FILES = ['graph.gexf', 'communities.json', 'accounts.csv', 'cascades.csv', 'summary.json'] as const;

/**
 * Writes an analysis to DIR: graph.gexf, communities.json, accounts.csv, cascades.csv, summary.json and,
 * for co-action runs, coaction_edges.csv. Each file is written to a temporary name and renamed, so a crash
 * never leaves a half-written output next to complete ones.
 */
export function writeOutputs(dir: string, output: AnalysisOutput): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  // Content is either a string or a producer writing chunks; chunks are gathered into 1 MiB writes, since
  // a syscall per CSV line dominates writing a million rows.
  const put = (name: string, content: string | ((write: (chunk: string) => void) => void)) => {
    const final = join(dir, name);
    const tmp = `${final}.partial`;
    if (typeof content === 'string') writeFileSync(tmp, content);
    else {
      const fd = openSync(tmp, 'w');
      try {
        let pending = '';
        content((chunk) => {
          pending += chunk;
          if (pending.length >= 1 << 20) {
            writeSync(fd, pending);
            pending = '';
          }
        });
        if (pending) writeSync(fd, pending);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, final);
    written.push(final);
  };

  put('graph.gexf', (write) => writeGexf(output, write));
  put('communities.json', JSON.stringify(output.communities, null, 2) + '\n');
  put('accounts.csv', (write) => {
    write(csvLine(['account_id', 'screen_name', 'community', 'score', 'flagged', 'reasons']));
    for (const a of output.accounts) {
      write(csvLine([a.accountId, a.screenName, a.community, round(a.score), a.flagged, a.reasons.join('; ')]));
    }
  });
  put('cascades.csv', (write) => {
    write(
      csvLine([
        'root_post_id',
        'root_account_id',
        'size',
        'depth',
        'max_breadth',
        'structural_virality',
        'seconds_to_half',
        'seconds_to_90',
        'shares_first_minute',
        'share_from_one_community',
        'shape',
        'used_follows',
      ]),
    );
    for (const c of output.cascades) {
      write(
        csvLine([
          c.rootPostId,
          c.rootAccountId,
          c.size,
          c.depth,
          c.maxBreadth,
          round(c.structuralVirality),
          c.secondsToHalf,
          c.secondsTo90,
          c.sharesFirstMinute,
          round(c.shareFromOneCommunity),
          c.shape,
          c.usedFollows,
        ]),
      );
    }
  });
  if (output.coactionEdges) {
    put('coaction_edges.csv', (write) => {
      write(csvLine(['account_a', 'account_b', 'weight', 'avg_delta_s', 'symmetry']));
      for (const e of output.coactionEdges!) {
        write(csvLine([e.accountA, e.accountB, e.weight, round(e.avgDeltaS), round(e.symmetry)]));
      }
    });
  }
  put('summary.json', JSON.stringify(output.summary, null, 2) + '\n');
  return written;
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}
