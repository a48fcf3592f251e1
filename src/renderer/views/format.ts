/** Number formatting for panels: counts grouped, shares as percentages, units spelt out. */
import type { Evidence } from '../../shared/analysis/result';

export const count = (n: number) => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US') : '–');

/** A score or ratio with fixed decimals; '–' for the nulls that NaN becomes in JSON. */
export const fixed = (n: number, digits = 2) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '–');

export function evidenceValue(e: Pick<Evidence, 'value' | 'unit'>): string {
  // JSON carries NaN and Infinity as null: show "not measured" rather than crash on it.
  if (typeof e.value !== 'number' || !Number.isFinite(e.value)) return '–';
  switch (e.unit) {
    case 'share':
      return `${(100 * e.value).toFixed(1)} %`;
    case 'count':
      return count(Math.round(e.value));
    case 'seconds':
      return `${e.value.toFixed(e.value < 10 ? 1 : 0)} s`;
    case 'days':
      return `${e.value.toFixed(1)} d`;
    case 'hours':
      return `${e.value.toFixed(1)} h`;
    case 'per_day':
      return `${e.value.toFixed(1)}/day`;
    case 'ratio':
      return e.value.toFixed(2);
  }
}

/** Findings first, strongest first; then context; evidence on too little data last, since it is no finding. */
export function byFinding(a: Evidence, b: Evidence): number {
  const rank = (e: Evidence) => (e.insufficient ? 2 : e.family === 'context' ? 1 : 0);
  return rank(a) - rank(b) || b.strength - a.strength;
}

export const bytes = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(0)} kB`);
