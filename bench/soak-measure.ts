/**
 * One stage of the soak benchmark, in its own process so that its peak RSS is its own:
 *   node --expose-gc --import tsx bench/soak-measure.ts import <csv> <project.claque>
 *   node --expose-gc --import tsx bench/soak-measure.ts analyze <project.claque>
 * Progress goes to stderr; the last stdout line is one JSON object with ms and maxRssBytes (and, for analyze,
 * the pipeline's own per-stage timings and the peak RSS seen by the end of each stage).
 */
import { runAnalysis } from '../src/main/analysis/pipeline';
import { importFile } from '../src/main/import/run-import';
import { openProject } from '../src/main/store/project';

// maxRSS is in kibibytes: the high-water mark of this process's resident memory (Linux VmHWM).
const peak = () => process.resourceUsage().maxRSS * 1024;
const mb = (b: number) => Math.round(b / 1048576);

const [mode, a, b] = process.argv.slice(2);
const t0 = performance.now();
if (mode === 'import' && a && b) {
  const db = openProject(b);
  let lastReport = 0;
  const r = await importFile(db, a, {
    format: 'io-tweets',
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastReport < 10_000) return;
      lastReport = now;
      process.stderr.write(
        `  import: ${p.rows.toLocaleString('en')} rows, ${mb(p.bytes)}/${mb(p.totalBytes)} MB, peak RSS ${mb(peak())} MB\n`,
      );
    },
  });
  db.close();
  const out = { rowsRead: r.rowsRead, rowsImported: r.rowsImported, errors: r.errorCount, added: r.added };
  process.stdout.write(JSON.stringify({ mode, ...out, ms: performance.now() - t0, maxRssBytes: peak() }) + '\n');
} else if (mode === 'analyze' && a) {
  const db = openProject(a, { create: false });
  const stagePeaks: Record<string, number> = {};
  let current = '';
  const output = await runAnalysis(
    db,
    {},
    {
      onProgress: (stage) => {
        if (stage === current) return;
        if (current) stagePeaks[current] = peak();
        current = stage;
        process.stderr.write(
          `  analyze: ${stage} at ${Math.round((performance.now() - t0) / 1000)} s, peak RSS so far ${mb(peak())} MB\n`,
        );
      },
    },
  );
  if (current) stagePeaks[current] = peak();
  db.close();
  process.stdout.write(
    JSON.stringify({
      mode,
      ms: performance.now() - t0,
      maxRssBytes: peak(),
      timings: output.summary.timings,
      stagePeaks,
      counts: output.summary.counts,
    }) + '\n',
  );
} else {
  process.stderr.write('usage: soak-measure.ts import <csv> <project.claque> | analyze <project.claque>\n');
  process.exit(2);
}
