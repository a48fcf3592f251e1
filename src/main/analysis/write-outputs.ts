import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { csvLine } from '../../shared/io/csv-writer';
import { BURST_COLUMNS, burstCells } from '../../shared/io/burst-table';
import { ACCOUNT_COLUMNS, accountCells } from '../../shared/io/account-table';
import { FEATURE_COLUMNS, featureCells } from '../../shared/io/feature-table';
import { prepareGexf, writeGexf } from '../export/gexf';
import { beginExport, writeExportFile, type PendingExport } from '../export/safe-write';
import { StageWorker } from './stage-offload';

export const OUTPUT_FILES = [
  'graph.gexf',
  'communities.json',
  'accounts.csv',
  'features.csv',
  'cascades.csv',
  'bursts.csv',
  'summary.json',
] as const;

/** Edges from which graph.gexf is written on a worker thread beside the other files (when one can start). */
export const GEXF_WORKER_MIN_EDGES = 200_000;

export interface WriteOptions {
  /** 'auto': graph.gexf on a worker thread from GEXF_WORKER_MIN_EDGES edges; 'never': all on this thread. */
  gexfWorker?: 'auto' | 'always' | 'never';
  /** The project analysed: no output may be written over it or its -wal/-shm (see export/safe-write.ts). */
  project?: string;
}

/**
 * Writes an analysis to DIR: graph.gexf, communities.json, accounts.csv, features.csv, cascades.csv, summary.json and,
 * for co-action runs, coaction_edges.csv. Each file goes through export/safe-write.ts: written to a temporary
 * name and renamed, so a crash never leaves a half-written output next to complete ones, and never over the
 * project or any other SQLite file that happens to carry an output's name. A big graph.gexf (mostly edges) is
 * written by a worker thread while this one writes the tables.
 */
export async function writeOutputs(dir: string, output: AnalysisOutput, options: WriteOptions = {}): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const guard = { protect: [options.project] };
  const put = (name: string, content: string | ((write: (chunk: string) => void) => void)) => {
    const final = join(dir, name);
    writeExportFile(final, content, guard);
    written.push(final);
  };

  const mode = options.gexfWorker ?? 'auto';
  const elsewhere =
    mode === 'always' || (mode === 'auto' && output.graph.edges.length >= GEXF_WORKER_MIN_EDGES)
      ? StageWorker.start()
      : undefined;
  const gexf = join(dir, 'graph.gexf');
  let gexfDone: Promise<void> | undefined;
  let gexfPending: PendingExport | undefined;
  try {
    if (elsewhere) {
      gexfPending = beginExport(gexf, guard);
      gexfDone = elsewhere.gexf(prepareGexf(output), gexfPending.temp);
      gexfDone.catch(() => {}); // awaited below; not unhandled while the tables are written
    } else put('graph.gexf', (write) => writeGexf(output, write));
    put('communities.json', JSON.stringify(output.communities, null, 2) + '\n');
    put('accounts.csv', (write) => {
      write(csvLine(ACCOUNT_COLUMNS));
      for (const a of output.accounts) write(csvLine(accountCells(a)));
    });
    put('features.csv', (write) => {
      write(csvLine(FEATURE_COLUMNS));
      for (const a of output.accounts) write(csvLine(featureCells(a)));
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
    put('bursts.csv', (write) => {
      write(csvLine(BURST_COLUMNS));
      for (const b of output.bursts ?? []) write(csvLine(burstCells(b)));
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
    if (gexfDone && gexfPending) {
      await gexfDone;
      gexfPending.commit();
      written.unshift(gexf);
    }
  } catch (err) {
    if (gexfDone) await gexfDone.catch(() => {}); // let the worker finish with the file before it goes
    gexfPending?.discard();
    throw err;
  } finally {
    elsewhere?.close();
  }
  return written;
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}
