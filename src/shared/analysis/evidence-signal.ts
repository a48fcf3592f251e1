/**
 * Shared shapes for the evidence computations: a community's member list, one measured signal with its
 * per-member indicator (how much each member shows it), and small numeric helpers.
 */
import type { Evidence, EvidenceFamily } from './result';

/** Which family of evidence a signal belongs to (see EvidenceFamily in result.ts). */
export type SignalGroup = EvidenceFamily;

export interface Signal {
  evidence: Evidence;
  group: SignalGroup;
  /** Per member (aligned with the community's member list): 0–1, how much this member shows the signal. */
  perMember: Float32Array;
  /** Per member: a short reason for members whose indicator is ≥ 0.5, else ''. */
  memberReason?: (i: number) => string;
}

/**
 * Spread into an Evidence: `{ insufficient: true }` when its producer found too little data to judge the signal,
 * else nothing, so the flag is absent (not `false`) on evidence that counts.
 */
export function insufficientWhen(thin: boolean): Pick<Evidence, 'insufficient'> {
  return thin ? { insufficient: true } : {};
}

/** Linear ramp: 0 at or below `lo`, 1 at or above `hi`. */
export function ramp(x: number, lo: number, hi: number): number {
  if (Number.isNaN(x)) return 0;
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return (x - lo) / (hi - lo);
}

export function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function isoDay(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 10);
}

/** "@name" when the account has a screen name, else its id. */
export function accountLabel(screenName: string | null, extId: string): string {
  return screenName ? '@' + screenName : 'account ' + extId;
}
