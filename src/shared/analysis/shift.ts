/**
 * Work-shift and round-the-clock structure in hour-of-week histograms (168 bins, Monday 00:00 UTC first).
 *
 * Paid troll work shows as office hours: weekdays only, inside a ~9-hour window, in the time zone of the
 * office, which is not necessarily the one the accounts claim. The search therefore tries every UTC offset
 * from −12 to +14 rather than assuming one. An offset is only identifiable through the weekend: a shift seen
 * in UTC fits "09:00–18:00 at UTC+3" and "06:00–15:00 at UTC" equally well unless the week boundary decides,
 * so among the windows that fit best, the reported offset is the one putting the shift start nearest 09:00
 * local time — the usual office start — and the reason says so.
 *
 * People sleep; scheduled software does not. Round-the-clock activity shows as a quietest 6-hour window of
 * the day that still holds a sizeable share of the activity (a flat day puts 25 % there; people ~2–5 %).
 */

export const HOURS_PER_WEEK = 168;
const MIN_OFFSET = -12;
const MAX_OFFSET = 14;

/** Hour of the week of a Unix time, Monday 00:00 UTC = 0 (1970-01-01 was a Thursday: hour 72). */
export function hourOfWeek(unixSeconds: number): number {
  return (((Math.floor(unixSeconds / 3600) + 72) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

export interface ShiftFit {
  /** Share of the activity inside the best weekday window (Mon–Fri local, `hours` long). 0 when empty. */
  coverage: number;
  total: number;
  /** UTC offset in hours of the best fit (see the module note on how it is chosen). */
  utcOffset: number;
  /** Local start hour of the shift at that offset. */
  startHour: number;
  /** Share of the activity on local Monday–Friday at that offset. */
  weekdayShare: number;
}

/**
 * Finds the weekday window of `hours` consecutive hours (a window may run past local midnight, as night
 * shifts do) holding the largest share of the activity, over all UTC offsets −12…+14 and start hours.
 * Runs in O(168) per histogram: the window set depends only on (start hour − offset).
 */
export function bestShift(hist: ArrayLike<number>, from = 0, hours = 9): ShiftFit {
  let total = 0;
  // prefix[i] = sum of hist[from .. from+i-1] over two laps of the week, so cyclic windows are one subtraction.
  const prefix = new Float64Array(2 * HOURS_PER_WEEK + 1);
  for (let i = 0; i < 2 * HOURS_PER_WEEK; i++) {
    const v = hist[from + (i % HOURS_PER_WEEK)];
    prefix[i + 1] = prefix[i] + v;
    if (i < HOURS_PER_WEEK) total += v;
  }
  const windowSum = (start: number, len: number): number => {
    const s = ((start % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
    return prefix[s + len] - prefix[s];
  };
  if (total === 0) return { coverage: 0, total: 0, utcOffset: 0, startHour: 9, weekdayShare: 0 };

  let bestT = 0;
  let best = -1;
  // t = local start hour − offset: the UTC hour at which Monday's shift starts (Monday 00:00 UTC = 0).
  for (let t = 0 - MAX_OFFSET; t <= 23 - MIN_OFFSET; t++) {
    let sum = 0;
    for (let d = 0; d < 5; d++) sum += windowSum(d * 24 + t, hours);
    if (sum > best + 1e-9) {
      best = sum;
      bestT = t;
    }
  }
  let utcOffset = 0;
  let startHour = 0;
  let bestDistance = Infinity;
  for (let o = MIN_OFFSET; o <= MAX_OFFSET; o++) {
    const s = bestT + o;
    if (s < 0 || s > 23) continue;
    const distance = Math.abs(s - 9) * 100 + Math.abs(o);
    if (distance < bestDistance) {
      bestDistance = distance;
      utcOffset = o;
      startHour = s;
    }
  }
  let weekday = 0;
  for (let d = 0; d < 5; d++) weekday += windowSum(d * 24 - utcOffset, 24);
  return { coverage: best / total, total, utcOffset, startHour, weekdayShare: weekday / total };
}

/** Share of the activity in the quietest `hours` consecutive hours of the (UTC) day, folding the week. */
export function quietestWindowShare(hist: ArrayLike<number>, from = 0, hours = 6): number {
  const day = new Float64Array(24);
  let total = 0;
  for (let i = 0; i < HOURS_PER_WEEK; i++) {
    day[i % 24] += hist[from + i];
    total += hist[from + i];
  }
  if (total === 0) return 0;
  let min = Infinity;
  for (let s = 0; s < 24; s++) {
    let sum = 0;
    for (let k = 0; k < hours; k++) sum += day[(s + k) % 24];
    if (sum < min) min = sum;
  }
  return min / total;
}

/** "UTC+3", "UTC−5", "UTC". */
export function formatUtcOffset(offset: number): string {
  if (offset === 0) return 'UTC';
  return offset > 0 ? `UTC+${offset}` : `UTC−${-offset}`;
}
