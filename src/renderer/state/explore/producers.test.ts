import { describe, expect, it } from 'vitest';
import { initialExplore, openAccount, openCascade, openTab, openThread, resetExplore } from './producers';

describe('explore producers', () => {
  it('switch tabs, open accounts and cascades, and keep identity when nothing changes', () => {
    const s1 = openTab('timelines')(initialExplore);
    expect(s1.tab).toBe('timelines');
    expect(openTab('timelines')(s1)).toBe(s1);
    const s2 = openCascade('123')(s1);
    expect(s2).toEqual({ tab: 'cascades', account: null, cascade: '123', thread: null });
    expect(openCascade(null)(s2)).toEqual({ tab: 'cascades', account: null, cascade: null, thread: null });
    const s3 = openAccount('a1')(s2);
    expect(s3.account).toBe('a1');
    expect(openAccount('a1')(s3)).toBe(s3);
    expect(resetExplore()()).toEqual(initialExplore);
  });

  it('open a thread in the centre, and close it back to the map', () => {
    const s1 = openThread({ postId: 'p1', community: 4 })(openAccount('a1')(initialExplore));
    expect(s1).toMatchObject({ tab: 'thread', thread: { postId: 'p1', community: 4 }, account: 'a1' });
    expect(openThread(null)(s1)).toMatchObject({ tab: 'map', thread: null });
    // Closing a thread while another view is shown leaves that view.
    expect(openThread(null)(openTab('cascades')(s1))).toMatchObject({ tab: 'cascades', thread: null });
  });
});
