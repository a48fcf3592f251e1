/**
 * Templated, not identical, texts: many short comments of one formula by different members ("Well done,
 * Ilham!", "Well done, Mehriban!"). Exact and near duplicates (duplicate_text) miss them: the texts are short
 * and differ in the slot. A comment's formula is its words with the slots blanked — a capitalised word after
 * the first (a name), a number — and its emoji and punctuation dropped; a formula counts when at least
 * `minAuthors` members write it. Fans wishing their star a happy birthday write one formula on one day;
 * a ring writes its formulas all the time, so the share of all members' comments is what is measured.
 */
import type { Dataset } from '../dataset';
import { insufficientWhen, pct, ramp, round, type Signal } from '../evidence-signal';
import type { Members } from '../evidence-timing';
import { postsByAuthor } from '../features';
import type { CommentThreads } from './threads';

const WORD = /[\p{L}\p{M}]+|\p{N}+/gu;
/** Characters read for a formula: 12 words of up to 20 characters, with what separates them. */
const HEAD_CHARS = 12 * 21;

/** The formula of a text, or null when it has fewer than two fixed words (a bare "Bravo!" is no formula). */
export function formulaOf(text: string): string | null {
  // A formula is its first 12 words: read no further than a word boundary that surely holds them. Plain
  // ASCII (most comments) is split by character codes; other text by Unicode classes after NFKC, which folds
  // compatibility forms (full-width letters, ligatures).
  const cut = text.length > HEAD_CHARS ? text.slice(0, text.lastIndexOf(' ', HEAD_CHARS) + 1 || HEAD_CHARS) : text;
  const words = /^[\x00-\x7f]*$/.test(cut) ? asciiWords(cut) : cut.normalize('NFKC').match(WORD);
  if (!words) return null;
  const out: string[] = [];
  let fixed = 0;
  for (let i = 0; i < words.length && out.length < 12; i++) {
    const w = words[i];
    const c = w.charCodeAt(0);
    // ASCII first letters by code (a regex per word was most of the time on a million comments).
    const number = c < 128 ? c >= 48 && c <= 57 : /^\p{N}+$/u.test(w);
    const capital = c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
    if (number) out.push('#');
    else if (i > 0 && capital) out.push('_');
    else {
      out.push(w.toLowerCase());
      fixed++;
    }
  }
  return fixed >= 2 ? out.join(' ') : null;
}

/** Runs of ASCII letters and runs of digits, as WORD would find them in ASCII text. */
function asciiWords(text: string): string[] | null {
  const words: string[] = [];
  let start = -1;
  let digits = false;
  for (let i = 0; i <= text.length && words.length < 12; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const isDigit = c >= 48 && c <= 57;
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (start >= 0 && (!(isDigit || isLetter) || isDigit !== digits)) {
      words.push(text.slice(start, i));
      start = -1;
    }
    if (start < 0 && (isDigit || isLetter)) {
      start = i;
      digits = isDigit;
    }
  }
  return words.length ? words : null;
}

export interface TemplateOptions {
  /** Members who must write a formula for it to count (5). */
  minAuthors: number;
  /** Members' comments with a formula needed to judge (20). */
  minComments: number;
}

export const TEMPLATE_DEFAULTS: TemplateOptions = { minAuthors: 5, minComments: 20 };

export function templatedText(
  ds: Dataset,
  threads: CommentThreads,
  m: Members,
  o: TemplateOptions = TEMPLATE_DEFAULTS,
): Signal[] {
  // Per community: formula → distinct members writing it; per comment its formula id.
  const ids = new Map<string, number>();
  const formula = new Int32Array(ds.posts.count).fill(-1);
  for (let p = 0; p < ds.posts.count; p++) {
    if (!threads.isComment[p] || m.membership[ds.posts.author[p]] < 0) continue;
    const text = ds.posts.text[p];
    if (!text) continue;
    const f = formulaOf(text);
    if (f === null) continue;
    let id = ids.get(f);
    if (id === undefined) ids.set(f, (id = ids.size));
    formula[p] = id;
  }
  // Distinct members per (community, formula): comments visited author by author, so a key's count goes up
  // once per author without a set of authors per key.
  const F = Math.max(1, ids.size);
  const authors = new Map<number, number>();
  const lastAuthor = new Map<number, number>();
  const { start, order } = postsByAuthor(ds);
  for (let a = 0; a < ds.accounts.count; a++) {
    for (let k = start[a]; k < start[a + 1]; k++) {
      const p = order[k];
      if (formula[p] < 0) continue;
      const key = m.membership[a] * F + formula[p];
      if (lastAuthor.get(key) === a) continue;
      lastAuthor.set(key, a);
      authors.set(key, (authors.get(key) ?? 0) + 1);
    }
  }
  const nC = m.lists.length;
  const withFormula = new Int32Array(nC);
  const templated = new Int32Array(nC);
  const memberTotal = new Int32Array(ds.accounts.count);
  const memberTemplated = new Int32Array(ds.accounts.count);
  const formulas: Map<number, number>[] = m.lists.map(() => new Map());
  for (let p = 0; p < ds.posts.count; p++) {
    if (formula[p] < 0) continue;
    const a = ds.posts.author[p];
    const c = m.membership[a];
    withFormula[c]++;
    memberTotal[a]++;
    if (authors.get(c * F + formula[p])! < o.minAuthors) continue;
    templated[c]++;
    memberTemplated[a]++;
    formulas[c].set(formula[p], (formulas[c].get(formula[p]) ?? 0) + 1);
  }
  const names = [...ids.keys()];
  return m.lists.map((list, c) => {
    const share = withFormula[c] ? templated[c] / withFormula[c] : 0;
    const enough = withFormula[c] >= o.minComments && list.length >= o.minAuthors;
    const perMember = new Float32Array(list.length);
    if (enough) {
      list.forEach((a, i) => {
        if (memberTotal[a] >= 2 && memberTemplated[a] / memberTotal[a] >= 0.5) perMember[i] = 1;
      });
    }
    const top = [...formulas[c]].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const example = top.length
      ? `; the most used: "${names[top[0][0]].replace(/_/g, '…')}" (${top[0][1]} comments)`
      : '';
    return {
      group: 'text',
      perMember,
      memberReason: (i) => {
        const a = list[i];
        return `${memberTemplated[a]} of its ${memberTotal[a]} comments follow formulas other members use`;
      },
      evidence: {
        key: 'templated_text',
        label: 'Templated comments',
        value: round(share),
        unit: 'share',
        // Several formulas, not one wave of greetings: a single formula counts for half at most.
        strength: enough ? round(ramp(share, 0.25, 0.6) * ramp(top.length, 1, 4)) : 0,
        reason: enough
          ? `${templated[c]} of members' ${withFormula[c]} comments (${pct(share)}) follow ${top.length} formula` +
            `${top.length === 1 ? '' : 's'} written by ${o.minAuthors} or more members each${example}`
          : `${withFormula[c]} comments by members with two words or more: too few to judge templates`,
        ...insufficientWhen(!enough),
      },
    };
  });
}
