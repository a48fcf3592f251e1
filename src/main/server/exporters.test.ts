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
});
