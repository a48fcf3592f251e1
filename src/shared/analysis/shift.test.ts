import { describe, expect, it } from 'vitest';
import { bestShift, formatUtcOffset, hourOfWeek, quietestWindowShare } from './shift';

const MONDAY = Date.UTC(2024, 0, 1) / 1000; // 2024-01-01 was a Monday

describe('hourOfWeek', () => {
  it('counts from Monday 00:00 UTC', () => {
    expect(hourOfWeek(MONDAY)).toBe(0);
    expect(hourOfWeek(MONDAY + 6 * 86400 + 23 * 3600 + 59)).toBe(167);
    expect(hourOfWeek(0)).toBe(72); // 1970-01-01 was a Thursday
  });
});

describe('bestShift', () => {
  it('finds a 09:00–18:00 weekday shift at UTC+3 from UTC activity 06:00–15:00', () => {
    const hist = new Array(168).fill(0);
    for (let d = 0; d < 5; d++) for (let h = 6; h < 15; h++) hist[d * 24 + h] = 10; // 450 posts
    hist[5 * 24 + 12] = 10; // Saturday 12:00 UTC (15:00 at UTC+3): weekend noise
    const fit = bestShift(hist);
    expect(fit.total).toBe(460);
    expect(fit.coverage).toBeCloseTo(450 / 460, 10);
    expect(fit.utcOffset).toBe(3);
    expect(fit.startHour).toBe(9);
    expect(fit.weekdayShare).toBeCloseTo(450 / 460, 10);
  });

  it('uses the weekend to tell offsets apart: a night shift crossing midnight UTC', () => {
    // Local 09:00–18:00 at UTC+10 = 23:00 (previous day) to 08:00 UTC; Monday's shift starts Sunday 23:00 UTC.
    const hist = new Array(168).fill(0);
    for (let d = 0; d < 5; d++) for (let k = 0; k < 9; k++) hist[(d * 24 - 1 + k + 168) % 168] = 4;
    const fit = bestShift(hist);
    expect(fit.coverage).toBe(1);
    expect(fit.utcOffset).toBe(10);
    expect(fit.startHour).toBe(9);
    expect(fit.weekdayShare).toBe(1);
  });

  it('puts flat activity at 5/7 × 9/24', () => {
    const fit = bestShift(new Array(168).fill(1));
    expect(fit.coverage).toBeCloseTo(45 / 168, 10);
    expect(bestShift(new Array(168).fill(0)).coverage).toBe(0);
  });
});

describe('quietestWindowShare', () => {
  it('is 25 % for flat activity and 0 for people who sleep', () => {
    expect(quietestWindowShare(new Array(168).fill(1))).toBe(0.25);
    const awake = new Array(168).fill(0);
    for (let d = 0; d < 7; d++) for (let h = 8; h < 24; h++) awake[d * 24 + h] = 2;
    expect(quietestWindowShare(awake)).toBe(0);
  });
  it('formats offsets', () => {
    expect([formatUtcOffset(3), formatUtcOffset(-5), formatUtcOffset(0)]).toEqual(['UTC+3', 'UTC−5', 'UTC']);
  });
});
