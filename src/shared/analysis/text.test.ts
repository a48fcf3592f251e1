import { describe, expect, it } from 'vitest';
import { datasetFromRecords } from './dataset-from-records';
import { jaccard, normaliseText, shingleHashes, textGroups, tokens } from './text';

describe('normaliseText', () => {
  it('drops retweet prefixes, URLs, mentions, punctuation and case', () => {
    expect(normaliseText('RT @bob: Hello, WORLD!! https://t.co/x @amy #Tag')).toBe('hello world #tag');
    expect(normaliseText('Ｆｕｌｌ　width')).toBe('full width');
  });
});

const HOSPITAL = 'Proud of our minister for the new hospital in the north region today';
const SCHOOL = 'Proud of our minister for the new school in the north region today';

describe('textGroups', () => {
  it('groups exact and near duplicates, ignoring shares', () => {
    const ds = datasetFromRecords([
      {
        posts: [
          { platform: 'twitter', id: 'p0', authorId: 'a', kind: 'original', text: HOSPITAL },
          { platform: 'twitter', id: 'p1', authorId: 'b', kind: 'original', text: HOSPITAL.toUpperCase() + '!!!' },
          { platform: 'twitter', id: 'p2', authorId: 'c', kind: 'reply', text: SCHOOL },
          {
            platform: 'twitter',
            id: 'p3',
            authorId: 'd',
            kind: 'original',
            text: 'Completely different words about football and weather here',
          },
          { platform: 'twitter', id: 'p4', authorId: 'e', kind: 'retweet', text: HOSPITAL, parentId: 'p0' },
          { platform: 'twitter', id: 'p5', authorId: 'f', kind: 'original', text: 'ok' },
          { platform: 'twitter', id: 'p6', authorId: 'g', kind: 'original', text: 'OK.' },
        ],
      },
    ]);
    const g = textGroups(ds);
    expect(g.exact[0]).toBe(g.exact[1]);
    expect(g.exact[2]).not.toBe(g.exact[0]);
    expect(g.near[0]).toBe(g.near[1]);
    expect(g.near[2]).toBe(g.near[0]);
    expect(g.near[3]).not.toBe(g.near[0]);
    expect(g.exact[4]).toBe(-1);
    expect(g.near[4]).toBe(-1);
    // Short texts match exactly only.
    expect(g.exact[5]).toBe(g.exact[6]);
    expect(g.near[5]).toBe(g.near[6]);
  });

  it('measures the Jaccard similarity of word pairs', () => {
    // 13 words → 12 pairs each; swapping one word changes 2 pairs: 10 shared of 14.
    const a = shingleHashes(tokens(normaliseText(HOSPITAL)), 2);
    const b = shingleHashes(tokens(normaliseText(SCHOOL)), 2);
    expect(a.length).toBe(12);
    expect(jaccard(a, b)).toBeCloseTo(10 / 14, 10);
  });
});
