/**
 * The evidence report for one community: a self-contained HTML page (no script, no external resource,
 * printable to PDF through its print CSS) that states every number behind the verdict with its reason, the
 * members, the analysis parameters and where the data came from. Every string that came from imported data
 * or a file name goes through `visible` (bidi controls as visible ⟨U+XXXX⟩ markers, then `esc`), so a hostile
 * screen name stays text and cannot reorder the page; names inside running text are isolated in `<bdi>`.
 * Evidence measured on too little data is greyed and reads "not enough data", its raw number beside it.
 */
import type { AnalysisOutput, Evidence } from '../../shared/analysis/result';
import { describeWindowEstimate } from '../../shared/analysis/auto-window';
import { describeTimeRange } from '../../shared/analysis/slice-dataset';
import { sharePercent, targetPosts } from '../../shared/explore/comment-targets';
import { communityColor } from '../../shared/io/community-colors';
import { showBidiControls } from '../../shared/io/visible-controls';

export interface ReportProvenance {
  /** The project file, or null in a project not yet saved. */
  project: string | null;
  imports: {
    file: string;
    format: string;
    contentHash: string;
    startedAt: number;
    finishedAt: number;
    rowsImported: number;
    rowsSkipped: number;
    zonelessTimes?: { rows: number; readAs: string };
  }[];
}

export interface ReportOptions {
  /** When the report is written (Unix ms); a parameter so tests are deterministic. */
  generatedAt: number;
  /** Members listed (all by default). */
  maxMembers?: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and quoted attributes. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Imported text for the page: its bidi controls made visible, then escaped. */
export function visible(value: unknown): string {
  return esc(showBidiControls(String(value ?? '')));
}

export function evidenceNumber(e: Pick<Evidence, 'value' | 'unit'>): string {
  if (typeof e.value !== 'number' || !Number.isFinite(e.value)) return 'not measured';
  switch (e.unit) {
    case 'share':
      return `${(100 * e.value).toFixed(1)} %`;
    case 'count':
      return Math.round(e.value).toLocaleString('en-US');
    case 'seconds':
      return `${e.value.toFixed(e.value < 10 ? 1 : 0)} s`;
    case 'days':
      return `${e.value.toFixed(1)} days`;
    case 'hours':
      return `${e.value.toFixed(1)} h`;
    case 'per_day':
      return `${e.value.toFixed(1)} per day`;
    case 'ratio':
      return e.value.toFixed(2);
  }
}

const iso = (unixSeconds: number | null | undefined) =>
  typeof unixSeconds === 'number' && Number.isFinite(unixSeconds)
    ? new Date(unixSeconds * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'
    : '–';
const isoMs = (ms: number) =>
  Number.isFinite(ms) ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '–';
const num = (n: number, digits = 3) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '–');

/**
 * Comment data: the Pages members write under and the posts whose comment sections they fill, each with the
 * share of its comments that is theirs (CommunitySummary.commentTargets). Empty for other data.
 */
function whereTheyComment(c: AnalysisOutput['communities'][number]): string {
  const t = c.commentTargets;
  if (!t) return '';
  if (t.pages.length === 0 && t.posts.length === 0)
    return `<h2>Where they comment</h2>\n<p>Members wrote no comment under a post whose Page is known.</p>`;
  const pages = t.pages
    .map(
      (p) =>
        `<tr><td><bdi>${visible(p.name ?? p.accountId)}</bdi></td><td><code>${visible(p.accountId)}</code></td><td class="num">${esc(p.memberComments.toLocaleString('en-US'))}</td><td class="num">${esc(p.comments.toLocaleString('en-US'))}</td><td class="num">${esc(sharePercent(p.share))}</td></tr>`,
    )
    .join('\n');
  const posts = targetPosts(t)
    .map(
      (p) =>
        `<tr><td><code>${visible(p.postId)}</code></td><td>${p.pageName !== null ? `<bdi>${visible(p.pageName)}</bdi>` : p.pageId !== null ? `<code>${visible(p.pageId)}</code>` : '–'}</td><td class="num">${esc(p.memberComments.toLocaleString('en-US'))}</td><td class="num">${esc(p.comments.toLocaleString('en-US'))}</td><td class="num">${esc(sharePercent(p.share))}</td></tr>`,
    )
    .join('\n');
  return `<h2>Where they comment</h2>
<p class="small muted">The share is the part of all comments and replies under a Page's posts (or under one post) that members wrote. Where a community comments is context, not evidence of coordination: a Page's own fans fill its comment sections too.</p>
${
  t.pages.length
    ? `<table class="comment-pages"><thead><tr><th>Page</th><th>Page id</th><th class="num">Members' comments</th><th class="num">All comments</th><th class="num">Members' share</th></tr></thead><tbody>
${pages}
</tbody></table>`
    : ''
}
${
  t.posts.length
    ? `<p>The posts where their share of the comments is highest (of posts with 10 or more comments):</p>
<table class="comment-posts"><thead><tr><th>Post</th><th>Page</th><th class="num">Members' comments</th><th class="num">All comments</th><th class="num">Members' share</th></tr></thead><tbody>
${posts}
</tbody></table>`
    : ''
}`;
}

export function communityReport(
  output: AnalysisOutput,
  communityId: number,
  provenance: ReportProvenance,
  options: ReportOptions,
): string {
  const rank = output.communities.findIndex((c) => c.id === communityId);
  const c = output.communities[rank];
  if (!c) throw new Error(`community ${communityId} is not among the ${output.communities.length} ranked communities`);
  const members = output.accounts
    .filter((a) => a.community === communityId)
    .sort((a, b) => b.score - a.score || (b.posts ?? 0) - (a.posts ?? 0) || a.index - b.index);
  const shown = members.slice(0, options.maxMembers ?? members.length);
  // Findings first, strongest first; evidence on too little data after them, since it is no finding.
  const evidence = [...c.evidence].sort(
    (a, b) => Number(a.insufficient === true) - Number(b.insufficient === true) || b.strength - a.strength,
  );
  const p = output.summary.parameters;
  const params: [string, unknown][] = [
    ['Graph', p.graph],
    ['Interaction kinds', p.kinds?.join(', ') ?? 'all'],
    ['Co-action', p.coaction ?? 'default'],
    ...(p.graph === 'projection' ? ([['Projection targets', p.targets?.join(', ')]] as [string, unknown][]) : []),
    [
      'Co-action window',
      output.summary.windowEstimate
        ? describeWindowEstimate(output.summary.windowEstimate).replace(/^co-action window: /, '')
        : p.windowSeconds !== undefined
          ? `${p.windowSeconds} s`
          : 'default',
    ],
    ['Period', describeTimeRange(p)],
    ['Minimum participation', p.minParticipation ?? 'default'],
    ['Minimum edge weight', p.minWeight ?? 'default'],
    ['Louvain resolution', p.resolution],
    ['Random seed', p.seed],
    ['Modularity', num(output.summary.modularity)],
  ];
  const counts = output.summary.counts;
  const verdict = c.flagged ? 'Flagged as likely coordinated' : 'Not flagged';
  const memberIds = new Set(members.map((m) => m.accountId));
  const cascades = output.cascades
    .filter((k) => memberIds.has(k.rootAccountId))
    .sort((a, b) => b.size - a.size)
    .slice(0, 20);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Claque evidence report — community #${esc(c.id)}</title>
<style>
  body { font: 11pt/1.45 system-ui, sans-serif; color: #1b1f24; margin: 2em auto; max-width: 60em; padding: 0 1em; }
  h1 { font-size: 18pt; margin: 0 0 .2em; } h2 { font-size: 13pt; margin: 1.6em 0 .4em; border-bottom: 1px solid #ccd; }
  .swatch { display: inline-block; width: .9em; height: .9em; border-radius: 50%; vertical-align: -.05em; margin-right: .3em; }
  .verdict { font-weight: 600; padding: .4em .6em; border-radius: 4px; background: #eef1f4; }
  .verdict.flagged { background: #fde8e6; color: #8b1a10; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .25em .5em; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.insufficient td { color: #8a9098; } .not-enough { font-style: italic; } .raw { font-size: 8.5pt; font-style: normal; }
  .muted { color: #5c6670; } .small { font-size: 9pt; } code { font-size: 9pt; word-break: break-all; unicode-bidi: isolate; }
  @page { size: A4; margin: 16mm 14mm; }
  @media print { body { margin: 0; max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1><span class="swatch" style="background:${esc(communityColor(rank))}"></span>Community #${esc(c.id)}: evidence report</h1>
<p class="muted small">Written by Claque on ${esc(isoMs(options.generatedAt))}${provenance.project ? ` from project <code><bdi>${visible(provenance.project)}</bdi></code>` : ''}.</p>
<p class="verdict${c.flagged ? ' flagged' : ''}" data-verdict="${c.flagged ? 'flagged' : 'not-flagged'}">${esc(verdict)} · coordination score ${esc(num(c.score, 2))} · ${esc(c.size)} accounts · rank ${rank + 1} of ${output.communities.length}</p>

<h2>Why</h2>
${c.reasons.length ? `<ul class="reasons">${c.reasons.map((r) => `<li>${visible(r)}</li>`).join('')}</ul>` : '<p>No signal was strong enough to drive a verdict.</p>'}

<h2>Every number behind the verdict</h2>
<table class="evidence">
<thead><tr><th>Signal</th><th class="num">Value</th><th class="num">Strength</th><th>Reason</th></tr></thead>
<tbody>
${evidence
  .map((e) =>
    e.insufficient
      ? `<tr data-key="${esc(e.key)}" class="insufficient"><td>${esc(e.label)}</td><td class="num"><span class="not-enough" title="measured ${esc(evidenceNumber(e))}, shown for reference only">not enough data</span> <span class="raw">(${esc(evidenceNumber(e))})</span></td><td class="num">–</td><td>${visible(e.reason)}</td></tr>`
      : `<tr data-key="${esc(e.key)}"><td>${esc(e.label)}</td><td class="num">${esc(evidenceNumber(e))}</td><td class="num">${esc(Math.round(100 * e.strength))} %</td><td>${visible(e.reason)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
${c.shiftUtcOffset !== undefined ? `<p>Members' activity fits a working-shift pattern at UTC${c.shiftUtcOffset >= 0 ? '+' : ''}${esc(c.shiftUtcOffset)}.</p>` : ''}
${whereTheyComment(c)}

<h2>Members (${esc(members.length)}${shown.length < members.length ? `, the ${shown.length} highest scored listed` : ''})</h2>
<table class="members">
<thead><tr><th>Account id</th><th>Screen name</th><th class="num">Score</th><th class="num">Posts</th><th>Created</th><th>Reasons</th></tr></thead>
<tbody>
${shown
  .map(
    (a) =>
      `<tr><td><code>${visible(a.accountId)}</code></td><td>${a.screenName ? `<bdi>@${visible(a.screenName)}</bdi>` : '–'}</td><td class="num">${esc(num(a.score, 2))}</td><td class="num">${esc(a.posts ?? '–')}</td><td>${esc(a.createdAt ? iso(a.createdAt).slice(0, 10) : '–')}</td><td class="small">${a.reasons.map((r) => `<bdi>${visible(r)}</bdi>`).join('; ')}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>

${
  cascades.length
    ? `<h2>Cascades started by members</h2>
<table class="cascades"><thead><tr><th>Root post</th><th class="num">Size</th><th class="num">Depth</th><th class="num">Structural virality</th><th class="num">Shares in first minute</th><th>Shape</th></tr></thead><tbody>
${cascades.map((k) => `<tr><td><code>${visible(k.rootPostId)}</code></td><td class="num">${esc(k.size)}</td><td class="num">${esc(k.depth)}</td><td class="num">${esc(num(k.structuralVirality, 2))}</td><td class="num">${esc(k.sharesFirstMinute)}</td><td>${esc(k.shape.replace(/_/g, ' '))}</td></tr>`).join('\n')}
</tbody></table>`
    : ''
}

<h2>Analysis parameters</h2>
<table class="parameters"><tbody>
${params.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n')}
</tbody></table>
<p class="small muted">Analysed: ${esc(counts.accounts)} accounts, ${esc(counts.posts)} posts, ${esc(counts.interactions)} interactions; graph of ${esc(counts.nodes)} nodes and ${esc(counts.edges)} edges; ${esc(counts.communities)} communities, ${esc(counts.flagged)} flagged.</p>

<h2>Data provenance</h2>
${
  provenance.imports.length
    ? `<table class="provenance"><thead><tr><th>File</th><th>Format</th><th>Imported</th><th class="num">Rows imported</th><th class="num">Rows skipped</th><th>SHA-256</th></tr></thead><tbody>
${provenance.imports.map((i) => `<tr><td><code>${visible(i.file)}</code></td><td>${esc(i.format)}</td><td>${esc(isoMs(i.finishedAt * 1000))}</td><td class="num">${esc(i.rowsImported)}</td><td class="num">${esc(i.rowsSkipped)}</td><td><code>${esc(i.contentHash)}</code></td></tr>`).join('\n')}
</tbody></table>${zonelessNote(provenance)}`
    : '<p>No import is recorded in this project.</p>'
}
</body>
</html>
`;
}

/**
 * Times written without a zone (comment scrapers write the collector's local time): which files were read as
 * UTC for want of a zone, and which evidence that moves, so a reader knows what to check.
 */
function zonelessNote(provenance: ReportProvenance): string {
  const read = provenance.imports.filter((i) => i.zonelessTimes && i.zonelessTimes.rows > 0);
  if (read.length === 0) return '';
  const items = read.map(
    (i) =>
      `<li><code>${visible(i.file)}</code>: ${esc(i.zonelessTimes!.rows)} rows read as ${esc(i.zonelessTimes!.readAs)}` +
      (i.zonelessTimes!.readAs === 'UTC' ? ' (assumed: no zone was given)' : ' (the zone given at import)') +
      '</li>',
  );
  return `<p class="small" data-testid="zoneless">Times without a zone:</p><ul class="small">${items.join('')}</ul>
<p class="small muted">The working-shift offset and hours of the week are read from these times, and co-comment windows
compare them with other files' times; had the files another zone, those move with it. Import again with the
collector's zone (<code>--tz</code>) to fix it.</p>`;
}
