import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { communityReport, esc, evidenceNumber } from './report';

const REPO = resolve(import.meta.dirname, '../../..');
const FIXTURE = JSON.parse(
  readFileSync(join(REPO, 'test/fixtures/analysis/output-small.json'), 'utf8'),
) as AnalysisOutput;
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

/** The fixture with hostile text in every imported string the report shows. */
function hostileOutput(): AnalysisOutput {
  const out = structuredClone(FIXTURE);
  const ring = out.communities.find((c) => c.flagged)!;
  ring.reasons = [...ring.reasons, `quoted ${SCRIPT}`];
  ring.evidence[0] = { ...ring.evidence[0], label: IMG, reason: `"${SCRIPT}' & more` };
  const member = out.accounts.find((a) => a.community === ring.id)!;
  member.accountId = `id${SCRIPT}`;
  member.screenName = IMG;
  member.reasons = [IMG];
  ring.commentTargets = {
    pages: [{ accountId: `p${SCRIPT}`, name: IMG, comments: 20, memberComments: 18, share: 0.9 }],
    posts: [{ postId: `post${SCRIPT}`, pageId: `p${SCRIPT}`, comments: 12, memberComments: 12, share: 1 }],
  };
  return out;
}

const provenance = {
  project: `/tmp/${IMG}.claque`,
  imports: [
    {
      file: `/data/${SCRIPT}.csv`,
      format: 'x-io-tweets',
      contentHash: 'ab12',
      startedAt: 1_700_000_000,
      finishedAt: 1_700_000_060,
      rowsImported: 10,
      rowsSkipped: 1,
    },
  ],
};

describe('communityReport', () => {
  it('escapes every imported string: no tag or attribute of its own reaches the page', () => {
    const out = hostileOutput();
    const ring = out.communities.find((c) => c.flagged)!;
    const html = communityReport(out, ring.id, provenance, { generatedAt: 0 });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    // onerror may stand in the text, escaped, but never inside a tag.
    expect(html).not.toMatch(/<[^>]*\sonerror=/);
    expect(html).toContain(esc(SCRIPT));
    expect(html).toContain(`@${esc(IMG)}`);
    expect(html).toContain(esc(`"${SCRIPT}' & more`));
    expect(html).toContain(`/data/${esc(SCRIPT)}.csv`);
    // The page's only elements are the template's own.
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual(
      [
        'bdi',
        'body',
        'code',
        'h1',
        'h2',
        'head',
        'html',
        'li',
        'meta',
        'p',
        'span',
        'style',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'title',
        'tr',
        'ul',
      ].filter((t) => tags.has(t)),
    );
  });

  it('states every number behind the verdict with its reason, the members, parameters and provenance', () => {
    const ring = FIXTURE.communities.find((c) => c.flagged)!;
    const html = communityReport(FIXTURE, ring.id, provenance, { generatedAt: Date.UTC(2026, 0, 2) });
    for (const e of ring.evidence) {
      const row = html.match(new RegExp(`<tr data-key="${e.key}">(.*?)</tr>`))?.[1] ?? '';
      expect(row).toContain(esc(e.label));
      expect(row).toContain(esc(evidenceNumber(e)));
      expect(row).toContain(`${Math.round(100 * e.strength)} %`);
      expect(row).toContain(esc(e.reason));
    }
    for (const r of ring.reasons) expect(html).toContain(esc(r));
    const members = FIXTURE.accounts.filter((a) => a.community === ring.id);
    expect(html).toContain(`Members (${members.length})`);
    for (const m of members) expect(html).toContain(`<code>${esc(m.accountId)}</code>`);
    expect(html).toContain(`<th>Louvain resolution</th><td>${FIXTURE.summary.parameters.resolution}</td>`);
    expect(html).toContain(`<th>Random seed</th><td>${FIXTURE.summary.parameters.seed}</td>`);
    expect(html).toContain('2023-11-14 22:14:20 UTC');
    expect(html).toContain('Written by Claque on 2026-01-02 00:00:00 UTC');
    expect(html).toContain('Flagged as likely coordinated');
    expect(html).toContain('@media print');
  });

  it('says which files had times without a zone, read as UTC for want of one, and what that moves', () => {
    const out = hostileOutput();
    const ring = out.communities.find((c) => c.flagged)!;
    expect(communityReport(out, ring.id, provenance, { generatedAt: 0 })).not.toContain('data-testid="zoneless"');
    const zoneless = {
      ...provenance,
      imports: [
        { ...provenance.imports[0], zonelessTimes: { rows: 7, readAs: 'UTC' } },
        { ...provenance.imports[0], file: '/data/b.csv', zonelessTimes: { rows: 3, readAs: 'Europe/Paris' } },
      ],
    };
    const html = communityReport(out, ring.id, zoneless, { generatedAt: 0 });
    expect(html).toContain('7 rows read as UTC (assumed: no zone was given)');
    expect(html).toContain('3 rows read as Europe/Paris (the zone given at import)');
    expect(html).toContain('working-shift offset');
  });

  it('greys evidence on too little data: "not enough data", the raw number small beside it, no strength', () => {
    const out = structuredClone(FIXTURE);
    const ring = out.communities.find((c) => c.flagged)!;
    const thin = ring.evidence.find((e) => e.key === 'insularity')!;
    Object.assign(thin, { value: 1, strength: 0, insufficient: true, reason: 'Too little activity (5 posts)' });
    const html = communityReport(out, ring.id, provenance, { generatedAt: 0 });
    const row = html.match(/<tr data-key="insularity" class="insufficient">(.*?)<\/tr>/)?.[1] ?? '';
    expect(row).toContain(
      '<span class="not-enough" title="measured 100.0 %, shown for reference only">not enough data</span>',
    );
    expect(row).toContain('<span class="raw">(100.0 %)</span>');
    expect(row).toContain('<td class="num">–</td>');
    expect(row).not.toContain('<td class="num">0 %</td>');
    // Listed after every finding, whatever its strength.
    const keys = [...html.matchAll(/<tr data-key="([a-z_]+)"/g)].map((m) => m[1]);
    expect(keys[keys.length - 1]).toBe('insularity');
    // Evidence with enough data keeps its plain row.
    const other = ring.evidence.find((e) => e.key !== 'insularity')!;
    expect(html).toContain(`<tr data-key="${other.key}"><td>`);
  });

  it('lists where a comment-data community comments: its Pages and posts with the share that is theirs', () => {
    const out = structuredClone(FIXTURE);
    const ring = out.communities.find((c) => c.flagged)!;
    ring.commentTargets = {
      pages: [
        { accountId: '100044', name: 'National Agency', comments: 1468, memberComments: 1430, share: 0.974 },
        { accountId: '100026', name: null, comments: 780, memberComments: 3, share: 0.004 },
      ],
      posts: [
        { postId: '3001518', pageId: '100044', comments: 13, memberComments: 13, share: 1 },
        { postId: '3001539', pageId: '999', comments: 12, memberComments: 6, share: 0.5 },
      ],
    };
    const html = communityReport(out, ring.id, provenance, { generatedAt: 0 });
    const section = html.slice(html.indexOf('<h2>Where they comment</h2>'), html.indexOf('<h2>Members'));
    expect(section).toContain(
      '<tr><td><bdi>National Agency</bdi></td><td><code>100044</code></td><td class="num">1,430</td><td class="num">1,468</td><td class="num">97 %</td></tr>',
    );
    // A Page without a name goes by its id; a share above zero never reads 0 %.
    expect(section).toContain('<tr><td><bdi>100026</bdi></td><td><code>100026</code></td>');
    expect(section).toContain('<td class="num">&lt;1 %</td>');
    expect(section).toContain(
      '<tr><td><code>3001518</code></td><td><bdi>National Agency</bdi></td><td class="num">13</td><td class="num">13</td><td class="num">100 %</td></tr>',
    );
    expect(section).toContain('<tr><td><code>3001539</code></td><td><code>999</code></td>');
    // Other data has no such section.
    expect(communityReport(FIXTURE, ring.id, provenance, { generatedAt: 0 })).not.toContain('Where they comment');
  });

  it('shows bidi controls in imported text as visible markers, isolated, so nothing is reordered', () => {
    const out = structuredClone(FIXTURE);
    const ring = out.communities.find((c) => c.flagged)!;
    const member = out.accounts.find((a) => a.community === ring.id)!;
    member.screenName = 'invoice\u202Egnp.exe';
    member.accountId = '42\u2067';
    member.reasons = ['shared @ev\u202Eil posts'];
    ring.reasons = [...ring.reasons, 'quoting @ab\u200Fc'];
    const html = communityReport(out, ring.id, { ...provenance, project: '/tmp/x\u202Ey.claque' }, { generatedAt: 0 });
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    expect(html).toContain('<bdi>@invoice⟨U+202E⟩gnp.exe</bdi>');
    expect(html).toContain('<code>42⟨U+2067⟩</code>');
    expect(html).toContain('<bdi>shared @ev⟨U+202E⟩il posts</bdi>');
    expect(html).toContain('<li>quoting @ab⟨U+200F⟩c</li>');
    expect(html).toContain('<code><bdi>/tmp/x⟨U+202E⟩y.claque</bdi></code>');
  });

  it('names the period, an estimated window and projection targets among the parameters', () => {
    const ring = FIXTURE.communities.find((c) => c.flagged)!;
    const whole = communityReport(FIXTURE, ring.id, provenance, { generatedAt: 0 });
    expect(whole).toContain('<th>Period</th><td>all the data</td>');
    expect(whole).not.toContain('Projection targets');
    const summary = {
      ...FIXTURE.summary,
      parameters: {
        ...FIXTURE.summary.parameters,
        graph: 'projection' as const,
        targets: ['page' as const, 'account' as const],
        from: 1632096000,
        to: 1632700799,
        autoWindow: true,
        windowSeconds: 23,
      },
      windowEstimate: {
        seconds: 22.5,
        windowSeconds: 23,
        fallback: false,
        q: 0.1,
        p: 0.5,
        objectKinds: ['retweet' as const],
        objectsShared: 2000,
        objectsQuick: 200,
        summary: { min: 1, q1: 10, median: 22.5, mean: 30, q3: 40, max: 90 },
      },
    };
    const html = communityReport({ ...FIXTURE, summary }, ring.id, provenance, { generatedAt: 0 });
    expect(html).toContain('<th>Period</th><td>2021-09-20 00:00 UTC to 2021-09-26 23:59:59 UTC</td>');
    expect(html).toContain('<th>Projection targets</th><td>page, account</td>');
    expect(html).toContain('<th>Co-action window</th><td>23 s, estimated from the data: of 2,000 objects');
  });

  it('refuses a community that is not ranked', () => {
    expect(() => communityReport(FIXTURE, -5, provenance, { generatedAt: 0 })).toThrow(/community -5/);
  });
});
