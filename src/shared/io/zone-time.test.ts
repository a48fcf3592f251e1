import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, parseTimeInZone, timeHasZone, wallClockToUtc } from './zone-time';

const utc = (...a: [number, number, number, number?, number?, number?]) => Date.UTC(...a) / 1000;

describe('times without a zone', () => {
  it('tells zoned cells from zone-less ones', () => {
    for (const zoned of [
      '1630484100',
      '2021-09-01T08:15:00Z',
      '2021-09-01T10:00:00+02:00',
      '2021-09-01 08:00:00 EDT',
    ]) {
      expect(timeHasZone(zoned), zoned).toBe(true);
    }
    expect(timeHasZone('Wed Oct 10 20:19:24 +0000 2018')).toBe(true);
    expect(timeHasZone('2021-09-01')).toBe(true);
    for (const zoneless of ['2021-09-01T08:15:00', '2021-09-01 08:15', '2021-09-01 08:15:00']) {
      expect(timeHasZone(zoneless), zoneless).toBe(false);
    }
  });

  it('reads a zone-less time in the zone given, with its summer time, and as UTC without one', () => {
    expect(parseTimeInZone('2021-01-11T06:18:00', 'Europe/Paris')).toEqual({
      time: utc(2021, 0, 11, 5, 18),
      zoneless: true,
    });
    expect(parseTimeInZone('2021-07-11T06:18:00', 'Europe/Paris')).toEqual({
      time: utc(2021, 6, 11, 4, 18),
      zoneless: true,
    });
    expect(parseTimeInZone('2021-07-11 06:18', 'Asia/Almaty')).toEqual({
      time: utc(2021, 6, 11, 0, 18),
      zoneless: true,
    });
    expect(parseTimeInZone('2021-07-11T06:18:00', undefined)).toEqual({
      time: utc(2021, 6, 11, 6, 18),
      zoneless: true,
    });
    // A cell that names its instant is never moved.
    expect(parseTimeInZone('2021-07-11T06:18:00Z', 'Europe/Paris')).toEqual({
      time: utc(2021, 6, 11, 6, 18),
      zoneless: false,
    });
    expect(parseTimeInZone('last tuesday', 'Europe/Paris')).toBeUndefined();
  });

  it('settles the skipped and the repeated hour as Temporal does', () => {
    // 2021-03-28 02:30 does not exist in Paris: read with the winter offset, i.e. 03:30 CEST.
    expect(wallClockToUtc(utc(2021, 2, 28, 2, 30), 'Europe/Paris')).toBe(utc(2021, 2, 28, 1, 30));
    // 2021-10-31 02:30 happens twice: the first (CEST) is kept.
    expect(wallClockToUtc(utc(2021, 9, 31, 2, 30), 'Europe/Paris')).toBe(utc(2021, 9, 31, 0, 30));
    expect(wallClockToUtc(utc(2021, 9, 31, 3, 30), 'Europe/Paris')).toBe(utc(2021, 9, 31, 2, 30));
  });

  it('knows zones by their IANA names only', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});
