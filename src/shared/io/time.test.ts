import { describe, expect, it } from 'vitest';
import { hasMinutePrecisionOnly, parseTime } from './time';
import { refineMinuteWithSnowflake, snowflakeTimeMs } from './snowflake';

describe('parseTime', () => {
  it('reads the formats found in exports as UTC seconds', () => {
    expect(parseTime('2018-10-10 20:19')).toBe(Date.UTC(2018, 9, 10, 20, 19) / 1000);
    expect(parseTime('2018-10-10T20:19:24Z')).toBe(Date.UTC(2018, 9, 10, 20, 19, 24) / 1000);
    expect(parseTime('2018-10-10T20:19:24.123+02:00')).toBe(Date.UTC(2018, 9, 10, 18, 19, 24) / 1000);
    expect(parseTime('Wed Oct 10 20:19:24 +0000 2018')).toBe(Date.UTC(2018, 9, 10, 20, 19, 24) / 1000);
    expect(parseTime('Wed Oct 10 20:19:24 -0130 2018')).toBe(Date.UTC(2018, 9, 10, 21, 49, 24) / 1000);
    expect(parseTime('1539202764')).toBe(1539202764);
    expect(parseTime('1539202764123')).toBe(1539202764);
    expect(parseTime(1539202764)).toBe(1539202764);
    expect(parseTime('2018-10-10')).toBe(Date.UTC(2018, 9, 10) / 1000);
  });

  it('refuses what is not a time, or is far outside the era of social media', () => {
    for (const bad of ['', 'yesterday', '2018-13-01', '2018-10-10 25:00', '9999-01-01', '0', 'NaN', '1e400']) {
      expect(parseTime(bad), bad).toBeUndefined();
    }
    expect(parseTime(undefined)).toBeUndefined();
  });

  it('tells minute-precision strings apart', () => {
    expect(hasMinutePrecisionOnly('2018-10-10 20:19')).toBe(true);
    expect(hasMinutePrecisionOnly('2018-10-10 20:19:24')).toBe(false);
  });
});

describe('snowflake ids', () => {
  // (1050118621198921728 >> 22) + 1288834974657 = 1539202764211 ms = 2018-10-10 20:19:24.211 UTC (checked in Python).
  const id = '1050118621198921728';

  it('decodes the creation time with BigInt, never through a lossy number', () => {
    expect(snowflakeTimeMs(id)).toBe(1539202764211);
    expect(snowflakeTimeMs('20')).toBeUndefined(); // pre-snowflake sequential id
    expect(snowflakeTimeMs('12ab')).toBeUndefined();
  });

  it('refines a minute to the second only when the id agrees with it', () => {
    const minute = Date.UTC(2018, 9, 10, 20, 19) / 1000;
    expect(refineMinuteWithSnowflake(id, minute)).toBe(minute + 24);
    expect(refineMinuteWithSnowflake(id, minute + 60)).toBe(minute + 60);
    expect(refineMinuteWithSnowflake('abc', minute)).toBe(minute);
  });
});
