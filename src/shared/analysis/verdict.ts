/**
 * From evidence to a verdict. Calibrated on the cases of the analysis issue:
 *
 * - A dense community is not suspicious in itself: fan clubs and news audiences are insular and concentrated
 *   on one target, and fans share their idol's posts close together. So insularity and target concentration
 *   are context only, and the signals are counted by independent family (timing, schedule, creation,
 *   handles, text, client, rate): a community is flagged when at least `minFamilies` (3) families are strong
 *   (strength ≥ `strongAt`, 0.5). Troll factories show timing + shift + creation + handles + text + client;
 *   bot rings schedule + handles + text + client + rate; hashtag-burst rings burst + text + handles +
 *   creation. A fan club reaches one family (timing) at most.
 * - The exception is sharing on cue, which is strong enough alone: dozens of members sharing the same
 *   account's posts within a minute, straight from the original, again and again, is not how organic
 *   audiences behave even when every account is real. It flags at strength ≥ `cueFlagAt` (0.8).
 * - Communities under `minSize` (5) members are never flagged: too small for shares to mean anything.
 *
 * A member of a flagged community is flagged only when it shows the signals that flagged its community
 * (its per-member indicators, weighted by each signal's strength, average ≥ 0.5): the official a ring
 * amplifies, or an organic account that Louvain placed next to a ring, stays unflagged.
 */
import type { Signal, SignalGroup } from './evidence-signal';
import { round } from './evidence-signal';

export interface VerdictOptions {
  minSize: number;
  minFamilies: number;
  strongAt: number;
  cueFlagAt: number;
  /** Account score (0–1, relative to the community's driving signals) from which a member is flagged (0.5). */
  memberFlagAt: number;
}

export const DEFAULT_VERDICT: VerdictOptions = {
  minSize: 5,
  minFamilies: 3,
  strongAt: 0.5,
  cueFlagAt: 0.8,
  memberFlagAt: 0.5,
};

export interface Verdict {
  score: number;
  flagged: boolean;
  /** Families with a strong signal. */
  families: SignalGroup[];
  /** Signals that drove the verdict (strong, not context), strongest first. */
  drivers: Signal[];
  reasons: string[];
}

export function communityVerdict(size: number, signals: Signal[], opt: VerdictOptions = DEFAULT_VERDICT): Verdict {
  const byFamily = new Map<SignalGroup, number>();
  let context = 0;
  let cue = 0;
  for (const s of signals) {
    if (s.evidence.key === 'cue_sharing') cue = s.evidence.strength;
    if (s.group === 'context') {
      context = Math.max(context, s.evidence.strength);
      continue;
    }
    byFamily.set(s.group, Math.max(byFamily.get(s.group) ?? 0, s.evidence.strength));
  }
  const families = [...byFamily].filter(([, v]) => v >= opt.strongAt).map(([g]) => g);
  const top = [...byFamily.values()].sort((a, b) => b - a).slice(0, opt.minFamilies);
  while (top.length < opt.minFamilies) top.push(0);
  const base = top.reduce((s, x) => s + x, 0) / opt.minFamilies;
  let score = 0.9 * base + 0.1 * context;
  const big = size >= opt.minSize;
  const byCue = big && cue >= opt.cueFlagAt;
  const byFamilies = big && families.length >= opt.minFamilies;
  const flagged = byCue || byFamilies;
  if (byCue) score = Math.max(score, cue);
  // Keep the score on the same side of 0.5 as the verdict, so sorting and reading agree.
  score = flagged ? Math.max(score, 0.5) : Math.min(score, 0.49);

  const drivers = signals
    .filter((s) => s.group !== 'context' && s.evidence.strength >= opt.strongAt)
    .sort((a, b) => b.evidence.strength - a.evidence.strength);
  let summary: string;
  if (!big) summary = `Not flagged: ${size} members, fewer than ${opt.minSize}`;
  else if (byFamilies)
    summary = `Flagged: ${families.length} independent kinds of evidence (${families.join(', ')}) point to coordination`;
  else if (byCue) summary = 'Flagged: members share one account’s posts on cue, repeatedly, straight from the original';
  else
    summary =
      `Not flagged: ${families.length} independent kind${families.length === 1 ? '' : 's'} of evidence` +
      (families.length ? ` (${families.join(', ')})` : '') +
      `; ${opt.minFamilies} are needed, and a dense, insular community alone is not coordination`;
  return {
    score: round(score),
    flagged,
    families,
    drivers,
    reasons: [summary, ...drivers.map((s) => s.evidence.reason)],
  };
}

/**
 * A member's score: its indicators on the families of evidence that drove the community's verdict, each
 * family weighted by its strongest signal and read as the member's strongest indicator in it (0 when nothing
 * drove it). By family, as the verdict counts: two text signals (exact and near duplicates) are one kind of
 * evidence, so an organic commenter placed beside a ring, whose one short "Congratulations!" repeats a
 * member's, does not reach half of a ring's score on text alone. Reasons: indicators at ≥ 0.5, strongest
 * signal first.
 */
export function memberScore(i: number, verdict: Verdict): { score: number; reasons: string[] } {
  const weight = new Map<SignalGroup, number>();
  const shown = new Map<SignalGroup, number>();
  const reasons: string[] = [];
  for (const s of verdict.drivers) {
    weight.set(s.group, Math.max(weight.get(s.group) ?? 0, s.evidence.strength));
    shown.set(s.group, Math.max(shown.get(s.group) ?? 0, s.perMember[i]));
    if (s.perMember[i] >= 0.5 && s.memberReason) reasons.push(s.memberReason(i));
  }
  let num = 0;
  let den = 0;
  for (const [group, w] of weight) {
    num += w * shown.get(group)!;
    den += w;
  }
  return { score: den ? round(num / den) : 0, reasons };
}
