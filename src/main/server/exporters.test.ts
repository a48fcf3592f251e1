import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { toCsv } from './exporters';

const REPO = resolve(import.meta.dirname, '../../..');
const FIXTURE = JSON.parse(
  readFileSync(join(REPO, 'test/fixtures/analysis/output-small.json'), 'utf8'),
) as AnalysisOutput;

describe('communities CSV', () => {
  it('leaves a number measured on too little data blank and names it in not_enough_data', () => {
    const output = structuredClone(FIXTURE);
    const c = output.communities[0];
    const thin = c.evidence[0];
    thin.insufficient = true;
    const [head, first] = toCsv(output, 'communities').split('\n');
    const columns = head.split(',');
    const cells = first.split(',');
    expect(cells[columns.indexOf(thin.key)]).toBe('');
    expect(cells[columns.indexOf('not_enough_data')]).toBe(thin.key);
    const other = c.evidence.find((e) => !e.insufficient)!;
    expect(Number(cells[columns.indexOf(other.key)])).toBe(other.value);
  });

  it('exports the features table: one row per account, the evidence numbers as columns', () => {
    const output = structuredClone(FIXTURE);
    output.accounts[0].features = {
      posts: 12,
      activeDays: 3,
      firstPost: 1704067200,
      lastPost: 1704240000,
      activityRate: 4,
      weekdayShare: 1,
      shiftCoverage: 0.9167,
      shiftUtcOffset: 3,
      quietShare: 0,
      roundTheClock: false,
      handleScore: 1,
      topClient: '=cmd|calc',
      clientTopShare: 1,
      textPosts: 12,
      duplicatePosts: 11,
      nearDuplicatePosts: 12,
      engagements: 10,
      distinctTargets: 1,
      topTargetShare: 1,
      medianLatencyS: 14.5,
    };
    const lines = toCsv(output, 'features').trimEnd().split('\n');
    expect(lines).toHaveLength(output.accounts.length + 1);
    const [head, first] = [lines[0].split(','), lines[1].split(',')];
    const cell = (name: string) => first[head.indexOf(name)];
    expect(cell('first_post')).toBe('2024-01-01T00:00:00Z');
    expect(cell('shift_utc_offset')).toBe('3');
    expect(cell('top_client')).toBe("'=cmd|calc"); // imported text: neutralised for spreadsheets
    expect(cell('median_latency_s')).toBe('14.5');
  });
});
