import type { Timeline } from '../../../shared/analysis/bursts';

/** Bars drawn at most: finer bins are summed for display (burst detection ran on the fine bins). */
export const MAX_BARS = 240;

/** The timeline's counts summed into at most `maxBars` display bins. */
export function displayBins(timeline: Pick<Timeline, 'counts' | 'binStart' | 'binSeconds'>, maxBars = MAX_BARS) {
  const factor = Math.max(1, Math.ceil(timeline.counts.length / maxBars));
  const width = timeline.binSeconds * factor;
  const out: { t: number; n: number }[] = [];
  for (let i = 0; i < timeline.counts.length; i += factor) {
    let n = 0;
    for (let j = i; j < Math.min(i + factor, timeline.counts.length); j++) n += timeline.counts[j];
    out.push({ t: timeline.binStart + i * timeline.binSeconds, n });
  }
  return { data: out, width };
}

/** Tick labels: dates alone over spans of days, date and time over shorter ones (UTC). */
export function timeTick(data: { t: number }[]): (t: number) => string {
  const span = data.length > 1 ? data[data.length - 1].t - data[0].t : 0;
  return (t: number) => {
    const iso = new Date(t * 1000).toISOString();
    return span > 3 * 86400 ? iso.slice(0, 10) : iso.replace('T', ' ').slice(5, 16);
  };
}
