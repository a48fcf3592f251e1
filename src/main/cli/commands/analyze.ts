import { parseArgs } from 'node:util';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAnalysis } from '../../analysis/pipeline';
import { writeOutputs } from '../../analysis/write-outputs';
import { importOrder } from '../../import/import-order';
import { importFile } from '../../import/run-import';
import { openProject } from '../../store/project';
import { INTERACTION_KINDS, type InteractionKind } from '../../../shared/model/records';
import {
  COACTION_MODES,
  PROJECTION_TARGETS,
  type AnalysisParameters,
  type ProjectionTarget,
} from '../../../shared/analysis/result';
import { describeWindowEstimate } from '../../../shared/analysis/auto-window';
import { describeTimeRange, hasTimeRange } from '../../../shared/analysis/slice-dataset';
import { emptyGraphHint } from '../../../shared/analysis/empty-graph';
import { parseTime } from '../../../shared/io/time';
import { UsageError, type CliIo } from '../io';
import { importNotes, parseMapping, parsePlatform, parseTimeZone, parseWait, progressPrinter } from './import';

const ANALYSIS_OPTIONS = {
  out: { type: 'string' },
  graph: { type: 'string' },
  coaction: { type: 'string' },
  projection: { type: 'string' },
  window: { type: 'string' },
  'min-participation': { type: 'string' },
  'min-weight': { type: 'string' },
  resolution: { type: 'string' },
  seed: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

/**
 * A --from / --to bound: Unix seconds or an ISO 8601 date or time (no zone = UTC). A bare date as --to means
 * the end of that day, so `--from 2021-09-20 --to 2021-09-26` is the whole week.
 */
export function timeBound(name: 'from' | 'to', value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = parseTime(value);
  if (t === undefined) {
    throw new UsageError(
      `--${name} expects a date or time (2021-09-26, 2021-09-26T18:00:00Z) or Unix seconds, got "${value}"`,
    );
  }
  return name === 'to' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value) ? t + 86_399 : t;
}

function num(name: string, value: string | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < 0) {
    throw new UsageError(`--${name} expects a non-negative ${integer ? 'integer' : 'number'}, got "${value}"`);
  }
  return n;
}

export function analysisParameters(
  values: Record<string, string | boolean | string[] | undefined>,
): Partial<AnalysisParameters> {
  const params: Partial<AnalysisParameters> = {};
  const graph = values.graph as string | undefined;
  const coaction = values.coaction as string | undefined;
  const projection = values.projection as string | undefined;
  if ([graph, coaction, projection].filter((v) => v !== undefined).length > 1) {
    throw new UsageError('give one of --graph, --coaction or --projection');
  }
  if (projection !== undefined) {
    const targets = projection.split(',').map((t) => t.trim()) as ProjectionTarget[];
    const bad = targets.filter((t) => !PROJECTION_TARGETS.includes(t));
    if (bad.length || targets.length === 0) {
      throw new UsageError(`--projection expects targets from ${PROJECTION_TARGETS.join(', ')}; got ${projection}`);
    }
    params.graph = 'projection';
    params.targets = [...new Set(targets)];
  }
  if (graph) {
    const kinds = graph.split(',').map((k) => k.trim()) as InteractionKind[];
    const bad = kinds.filter((k) => !INTERACTION_KINDS.includes(k));
    if (bad.length)
      throw new UsageError(`--graph expects kinds from ${INTERACTION_KINDS.join(', ')}; got ${bad.join(', ')}`);
    params.graph = 'interaction';
    params.kinds = kinds;
  }
  if (coaction) {
    if (!(COACTION_MODES as readonly string[]).includes(coaction)) {
      throw new UsageError(`--coaction expects one of ${COACTION_MODES.join(', ')}, got "${coaction}"`);
    }
    params.graph = 'coaction';
    params.coaction = coaction as AnalysisParameters['coaction'];
  }
  if (values.window === 'auto') params.autoWindow = true;
  else params.windowSeconds = num('window', values.window as string | undefined);
  params.minParticipation = num('min-participation', values['min-participation'] as string | undefined, true);
  params.minWeight = num('min-weight', values['min-weight'] as string | undefined);
  params.from = timeBound('from', values.from as string | undefined);
  params.to = timeBound('to', values.to as string | undefined);
  if (params.from !== undefined && params.to !== undefined && params.from > params.to) {
    throw new UsageError(`--to (${values.to}) is before --from (${values.from})`);
  }
  params.resolution = num('resolution', values.resolution as string | undefined);
  params.seed = num('seed', values.seed as string | undefined, true);
  for (const k of Object.keys(params) as (keyof AnalysisParameters)[]) if (params[k] === undefined) delete params[k];
  return params;
}

async function analyzeInto(projectFile: string, outDir: string, params: Partial<AnalysisParameters>, io: CliIo) {
  const db = openProject(projectFile, { create: false });
  try {
    const output = await runAnalysis(db, params, {
      onProgress: (stage) => io.err(`analyze: ${stage}\n`),
    });
    const files = await writeOutputs(outDir, output, { project: projectFile });
    const s = output.summary;
    if (hasTimeRange(s.parameters)) {
      io.out(
        `period: ${describeTimeRange(s.parameters)}: ${s.counts.posts} posts and ` +
          `${s.counts.interactions} interactions inside it\n`,
      );
    }
    if (s.windowEstimate) io.out(describeWindowEstimate(s.windowEstimate) + '\n');
    if (s.projection) {
      io.out(
        `projection on ${s.parameters.targets?.join(', ')}: ${s.projection.targets} targets` +
          (s.projection.skippedTargets > 0
            ? `, ${s.projection.skippedTargets} left out for having more than ${s.projection.maxTargetDegree} accounts\n`
            : '\n'),
      );
    }
    io.out(
      `${s.counts.nodes} accounts in the graph, ${s.counts.edges} edges, ${s.counts.communities} communities ` +
        `(modularity ${s.modularity.toFixed(3)}), ${s.counts.components ?? 0} connected components, ${s.counts.flagged} flagged (${s.counts.flaggedAccounts} accounts), ` +
        `${s.counts.cascades} cascades\n`,
    );
    if (s.counts.nodes === 0) io.err(`analyze: the graph is empty: ${emptyGraphHint(s)}\n`);
    for (const c of output.communities.filter((c) => c.flagged).slice(0, 10)) {
      io.out(
        `  flagged community ${c.id}: ${c.size} accounts, score ${c.score.toFixed(2)} — ${c.reasons.slice(0, 2).join('; ')}\n`,
      );
    }
    for (const f of files) io.out(`wrote ${f}\n`);
  } finally {
    db.close();
  }
}

export async function analyzeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: ANALYSIS_OPTIONS });
  if (positionals.length !== 1) throw new UsageError('expects exactly one project file');
  if (!values.out) throw new UsageError('--out DIR is required');
  await analyzeInto(positionals[0], values.out, analysisParameters(values), io);
  return 0;
}

/** `claque run <file>… --out DIR`: import into a fresh project inside DIR, then analyse with defaults. */
export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...ANALYSIS_OPTIONS,
      format: { type: 'string' },
      map: { type: 'string', multiple: true },
      platform: { type: 'string' },
      tz: { type: 'string' },
      encoding: { type: 'string' },
      wait: { type: 'string' },
      project: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError('expects at least one input file');
  if (!values.out) throw new UsageError('--out DIR is required');
  const params = analysisParameters(values);
  const outDir = resolve(values.out);
  const projectFile = values.project ?? join(outDir, 'project.claque');
  if (!values.project && existsSync(projectFile)) {
    throw new UsageError(`${projectFile} exists already; use \`claque analyze\` on it, or give --project`);
  }
  mkdirSync(outDir, { recursive: true });
  const db = openProject(projectFile);
  try {
    const platform = parsePlatform(values.platform);
    for (const file of await importOrder(positionals, { format: values.format, platform, encoding: values.encoding })) {
      const r = await importFile(db, file, {
        format: values.format,
        mapping: parseMapping(values.map),
        platform,
        timeZone: parseTimeZone(values.tz),
        encoding: values.encoding,
        lockWaitMs: parseWait(values.wait),
        strict: values.strict,
        onProgress: progressPrinter(io),
      });
      if (io.interactive) io.err('\n');
      io.err(`${file}: ${r.format}, ${r.rowsImported} rows imported, ${r.rowsSkipped} skipped\n`);
      for (const e of r.errors.slice(0, 10)) io.err(`${file}:${e.line}: ${e.message}\n`);
      if (r.leadingZeroIds) io.err(`${file}: warning: ${r.leadingZeroIds.message}\n`);
      for (const note of importNotes(file, r)) io.err(note + '\n');
    }
  } finally {
    db.close();
  }
  io.out(`project ${projectFile}\n`);
  await analyzeInto(projectFile, outDir, params, io);
  return 0;
}
