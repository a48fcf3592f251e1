/**
 * Property tests for the exporters: CSV cells survive a round trip through csv-parse byte for byte (formula
 * starts neutralised), and GEXF keeps node ids, labels and attributes through graphology-gexf, with
 * XML-invalid characters replaced rather than emitted.
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseGexf } from 'graphology-gexf';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { analysisToGexf } from '../../src/main/export/gexf';
import type { AccountResult, AnalysisOutput } from '../../src/shared/analysis/result';
import { csvCell, csvLine } from '../../src/shared/io/csv-writer';
import { xmlSafe } from '../../src/shared/io/xml-text';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** Characters that break naive writers: markup, quotes, separators, line ends, RTL, emoji, controls. */
const NASTY = fc.constantFrom(
  'n0',
  'n1',
  ' source="n1"',
  '<node id="n2"',
  '<',
  '>',
  '&',
  '"',
  "'",
  ',',
  ';',
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '=',
  '+',
  '-',
  '@',
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  ']]>',
  '&amp;',
  '&#0;',
  '🙂',
  '👩‍👩‍👧',
  '\u202e',
  '\u200f',
  'שלום',
  'مرحبا',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u2028',
);
const text = fc.string({ unit: fc.oneof(NASTY, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 24 });
/** Well-formed Unicode only (what a UTF-8 file can hold): lone surrogates cannot be written as bytes at all. */
const wellFormed = text.map((s) =>
  s.replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
    const code = c.charCodeAt(0);
    const pairedHigh = code < 0xdc00 && /[\udc00-\udfff]/.test(all[i + 1] ?? '');
    const pairedLow = code >= 0xdc00 && /[\ud800-\udbff]/.test(all[i - 1] ?? '');
    return pairedHigh || pairedLow ? c : 'x';
  }),
);

const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV writer', () => {
  it('round-trips any cells byte-exact through UTF-8 and csv-parse; formula starts gain one quote', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(wellFormed, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const bytes = Buffer.from(rows.map(csvLine).join(''), 'utf8');
          const back = parseCsv(bytes, { relax_column_count: true }) as string[][];
          const expected = rows.map((r) => r.map((c) => (FORMULA_START.test(c) ? `'${c}` : c)));
          expect(back).toEqual(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never lets a parsed string cell start with = + - @ (formula injection)', () => {
    fc.assert(
      fc.property(fc.array(wellFormed, { minLength: 1, maxLength: 8 }), (cells) => {
        const [back] = parseCsv(csvLine(cells)) as string[][];
        for (const c of back) expect(c).not.toMatch(/^[=+\-@]/);
      }),
      { numRuns: RUNS },
    );
  });

  it('writes numbers as numbers (a negative number is not neutralised) and non-finite as empty', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        const [[back]] = parseCsv(csvLine([n])) as string[][];
        expect(back).toBe(Number.isFinite(n) ? String(n) : '');
        if (Number.isFinite(n)) expect(Number(back)).toBe(Object.is(n, -0) ? 0 : n);
      }),
      { numRuns: RUNS },
    );
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });
});

// --- GEXF

/** XML 1.0 Char production. */
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function assertWellFormedXml(xml: string): void {
  expect(xml).not.toMatch(NOT_XML_CHAR);
  const parser = new SaxesParser({ xmlns: false });
  let error: Error | undefined;
  parser.on('error', (e) => (error ??= e));
  parser.write(xml).close();
  expect(error).toBeUndefined();
}

/**
 * Importers never store an empty id or screen name (empty cells become absent values). Ids named like
 * Object.prototype members break graphology itself (the reader used here), so they get their own test below.
 */
const nonEmpty = text.filter((s) => s !== '' && !(s in Object.prototype));

const accountArb = fc.record({
  accountId: nonEmpty,
  screenName: fc.option(nonEmpty, { nil: null }),
  community: fc.integer({ min: 0, max: 5 }),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  flagged: fc.boolean(),
  posts: fc.nat({ max: 10_000 }),
  createdAt: fc.option(fc.integer({ min: 631152000, max: 4102444799 }), { nil: null }),
});

type AccountInput = typeof accountArb extends fc.Arbitrary<infer T> ? T : never;

function makeOutput(inputs: AccountInput[], edgePairs: [number, number][], directed: boolean): AnalysisOutput {
  const accounts: AccountResult[] = inputs.map((a, i) => ({ ...a, index: i * 3 + 1, reasons: [] }));
  const n = accounts.length;
  return {
    summary: {
      counts: {
        accounts: n,
        posts: 0,
        interactions: 0,
        nodes: n,
        edges: 0,
        communities: 6,
        flagged: 0,
        flaggedAccounts: 0,
        cascades: 0,
      },
      parameters: { graph: 'default', resolution: 1, seed: 1 },
      modularity: 0,
      timings: {},
    },
    communities: [0, 1, 2, 3, 4, 5].map((id) => ({
      id,
      size: 1,
      score: 0,
      flagged: false,
      evidence: [],
      reasons: [],
      sampleMembers: [],
    })),
    accounts,
    cascades: [],
    graph: {
      directed,
      nodes: accounts.map((a) => a.index),
      x: accounts.map((_, i) => Math.cos(i) * 100),
      y: accounts.map((_, i) => Math.sin(i) * 100),
      community: accounts.map((a) => a.community),
      edges: edgePairs
        .map(([s, t]) => ({ source: s % n, target: t % n, weight: 1 + ((s * 7 + t) % 5), kind: 'retweet' as const }))
        .filter((e) => e.source !== e.target),
    },
  };
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

describe('GEXF export', () => {
  it('keeps ids, labels and attributes exact through graphology-gexf; the XML is well-formed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(accountArb, { minLength: 1, maxLength: 12, selector: (a) => xmlSafe(a.accountId) }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
        fc.boolean(),
        (inputs, pairs, directed) => {
          const output = makeOutput(inputs, pairs, directed);
          const xml = analysisToGexf(output);
          assertWellFormedXml(xml);
          const g = parseGexf(Graph, xml);
          expect(g.order).toBe(inputs.length);
          for (const a of output.accounts) {
            const key = xmlSafe(a.accountId);
            expect(g.hasNode(key), JSON.stringify(key)).toBe(true);
            const attrs = g.getNodeAttributes(key);
            expect(attrs.label).toBe(xmlSafe(a.screenName ?? a.accountId));
            // graphology-gexf reads an empty attvalue back as absent: '' and absent mean "none" alike.
            expect(attrs.screen_name ?? '').toBe(xmlSafe(a.screenName ?? ''));
            expect(attrs.community).toBe(a.community);
            expect(attrs.score).toBe(round3(a.score));
            expect(attrs.flagged).toBe(a.flagged);
            expect(attrs.posts).toBe(a.posts);
            expect(attrs.created ?? '').toBe(
              a.createdAt ? new Date(a.createdAt * 1000).toISOString().slice(0, 10) : '',
            );
          }
          // Edges: one per distinct pair (directed) or unordered pair, weights summed.
          const want = new Map<string, number>();
          for (const e of output.graph.edges) {
            let [s, t] = [xmlSafe(output.accounts[e.source].accountId), xmlSafe(output.accounts[e.target].accountId)];
            if (!directed && want.has(`${t}\u0000${s}`)) [s, t] = [t, s];
            want.set(`${s}\u0000${t}`, (want.get(`${s}\u0000${t}`) ?? 0) + e.weight);
          }
          const got = new Map<string, number>();
          g.forEachEdge((_e, attrs, s, t) => {
            const k = directed || !want.has(`${t}\u0000${s}`) ? `${s}\u0000${t}` : `${t}\u0000${s}`;
            expect(got.has(k), `edge ${JSON.stringify(k)} written twice`).toBe(false);
            got.set(k, attrs.weight as number);
          });
          expect(got).toEqual(want);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('writes ids named like Object.prototype members exactly and pollutes nothing', () => {
    const PROTO = ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.constantFrom(...PROTO), nonEmpty), {
          minLength: 2,
          maxLength: 8,
          selector: xmlSafe,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (idList, pairs, directed) => {
          const inputs = idList.map((accountId) => ({
            accountId,
            screenName: null,
            community: 0,
            score: 0,
            flagged: false,
            posts: 1,
            createdAt: null,
          }));
          const output = makeOutput(inputs, pairs, directed);
          const xml = analysisToGexf(output);
          assertWellFormedXml(xml);
          for (const k in {}) throw new Error(`Object.prototype polluted with ${k}`);
          // Read back with saxes (graphology cannot hold these keys): node ids and edge ends are exact.
          const nodes: string[] = [];
          const ends: string[] = [];
          const parser = new SaxesParser();
          parser.on('opentag', (t) => {
            if (t.name === 'node') nodes.push(t.attributes.id as string);
            if (t.name === 'edge') ends.push(`${t.attributes.source as string}\u0000${t.attributes.target as string}`);
          });
          parser.write(xml).close();
          expect(nodes).toEqual(idList.map(xmlSafe));
          const want = new Set<string>();
          for (const e of output.graph.edges) {
            const [s, t] = [xmlSafe(idList[e.source]), xmlSafe(idList[e.target])];
            if (!directed && want.has(`${t}\u0000${s}`)) continue;
            want.add(`${s}\u0000${t}`);
          }
          expect(new Set(ends)).toEqual(want);
          expect(ends).toHaveLength(want.size);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('gives colliding ids (equal once made XML-safe) distinct keys, never dropping a node', () => {
    fc.assert(
      fc.property(fc.array(accountArb, { minLength: 2, maxLength: 8 }), (inputs) => {
        // Force collisions: every id made of characters XML cannot carry, so they all become U+FFFD runs.
        const colliding = inputs.map((a, i) => ({ ...a, accountId: i % 2 ? '\u0001' : '\u0002' }));
        const xml = analysisToGexf(makeOutput(colliding, [], false));
        assertWellFormedXml(xml);
        expect(parseGexf(Graph, xml).order).toBe(colliding.length);
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});
