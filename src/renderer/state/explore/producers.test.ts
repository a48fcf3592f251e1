import { describe, expect, it } from 'vitest';
import { initialExplore, openAccount, openCascade, openTab, resetExplore } from './producers';

describe('explore producers', () => {
  it('switch tabs, open accounts and cascades, and keep identity when nothing changes', () => {
    const s1 = openTab('timelines')(initialExplore);
    expect(s1.tab).toBe('timelines');
    expect(openTab('timelines')(s1)).toBe(s1);
    const s2 = openCascade('123')(s1);
    expect(s2).toEqual({ tab: 'cascades', account: null, cascade: '123' });
    expect(openCascade(null)(s2)).toEqual({ tab: 'cascades', account: null, cascade: null });
    const s3 = openAccount('a1')(s2);
    expect(s3.account).toBe('a1');
    expect(openAccount('a1')(s3)).toBe(s3);
    expect(resetExplore()()).toEqual(initialExplore);
  });
});
