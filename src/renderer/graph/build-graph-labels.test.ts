import { describe, expect, it } from 'vitest';
import type { AccountResult, AnalysisOutput } from '../../shared/analysis/result';
import { buildMapModel } from './build-graph';

const account = (index: number, accountId: string, screenName: string | null): AccountResult => ({
  index,
  accountId,
  screenName,
  community: 0,
  score: 0,
  flagged: false,
  reasons: [],
});

describe('map labels of imported names', () => {
  it('show bidi controls as visible markers, keep other names and the account id as they are', () => {
    const output = {
      summary: {} as AnalysisOutput['summary'],
      communities: [],
      accounts: [
        account(0, '1001', 'invoice\u202Egnp.exe'),
        account(1, '1002\u2067', null),
        account(2, '1003', 'شبكة_plain'),
      ],
      cascades: [],
      graph: { directed: false, nodes: [0, 1, 2], community: [0, 0, 0], x: [0, 1, 2], y: [0, 1, 2], edges: [] },
    } satisfies AnalysisOutput;
    const { graph } = buildMapModel(output);
    expect(graph.getNodeAttribute('0', 'label')).toBe('invoice⟨U+202E⟩gnp.exe');
    expect(graph.getNodeAttribute('1', 'label')).toBe('1002⟨U+2067⟩');
    expect(graph.getNodeAttribute('2', 'label')).toBe('شبكة_plain');
    // The id stays the data's own: search and exports use it byte for byte.
    expect(graph.getNodeAttribute('1', 'accountId')).toBe('1002\u2067');
  });
});
