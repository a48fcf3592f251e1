import { describe, expect, it } from 'vitest';
import type { PostRecord, RecordBatch } from '../../model/records';
import { createRng } from '../../graph/rng';
import { datasetFromRecords } from '../dataset-from-records';
import type { Members } from '../evidence-timing';
import { postParents } from '../features';
import { buildCommentGraph } from './comment-graph';
import { commentTargets } from './comment-targets';
import { idBatches } from './id-batches';
import { looksLikePersonName, pagesAsPeople } from './pages-as-people';
import { formulaOf, templatedText } from './templated-text';
import { commentThreads, isCommentData } from './threads';

const T0 = 1_700_000_000;
const fb = (p: Omit<PostRecord, 'platform'>): PostRecord => ({ platform: 'facebook', ...p });

function members(membership: number[]): Members {
  const count = Math.max(...membership) + 1;
  const lists = Array.from({ length: count }, (_, c) =>
    Int32Array.from(membership.flatMap((m, a) => (m === c ? [a] : []))),
  );
  const position = new Int32Array(membership.length).fill(-1);
  lists.forEach((l) => l.forEach((a, i) => (position[a] = i)));
  return { membership, lists, position };
}

describe('comment threads', () => {
  // A Page's post, two top-level comments, a reply to the first and a reply to that reply; a comment on a
  // post that was not imported; a reply whose parent comment is missing; an X reply that is not a comment.
  const batch: RecordBatch = {
    posts: [
      fb({ id: 'P1', authorId: 'page', kind: 'original', time: T0 }),
      fb({ id: 'c1', authorId: 'ann', kind: 'comment', parentId: 'P1', time: T0 + 10 }),
      fb({ id: 'c2', authorId: 'bob', kind: 'comment', parentId: 'P1', time: T0 + 20 }),
      fb({ id: 'r1', authorId: 'bob', kind: 'reply', parentId: 'c1', time: T0 + 30 }),
      fb({ id: 'r2', authorId: 'ann', kind: 'reply', parentId: 'r1', time: T0 + 40 }),
      fb({ id: 'c3', authorId: 'cat', kind: 'comment', parentId: 'P9', parentAuthorId: 'other', time: T0 }),
      fb({ id: 'r9', authorId: 'cat', kind: 'reply', parentId: 'lost', time: T0 }),
      { platform: 'twitter', id: 't2', authorId: 'xu', kind: 'reply', parentId: 't1', time: T0 },
    ],
  };
  const ds = datasetFromRecords([batch]);
  const threads = commentThreads(ds, postParents(ds));
  const at = (id: string) => ds.posts.extId.indexOf(id);

  it('finds every comment’s thread post, imported or not, and the comment a reply answers', () => {
    expect(threads.comments).toBe(6);
    expect(threads.isComment[at('t2')]).toBe(0);
    const root = threads.root[at('c1')];
    for (const id of ['c2', 'r1', 'r2']) expect(threads.root[at(id)]).toBe(root);
    expect(threads.rootPost[root]).toBe(at('P1'));
    expect(ds.accounts.extId[threads.rootOwner[root]]).toBe('page');
    const other = threads.root[at('c3')];
    expect(threads.rootKey[other]).toBe('P9');
    expect(threads.rootPost[other]).toBe(-1);
    expect(ds.accounts.extId[threads.rootOwner[other]]).toBe('other');
    // A reply to a comment missing from the data has no known thread.
    expect(threads.root[at('r9')]).toBe(-1);
    expect(threads.parentComment[at('r1')]).toBe(at('c1'));
    expect(threads.parentComment[at('r2')]).toBe(at('r1'));
    expect(threads.parentComment[at('c1')]).toBe(-1);
  });

  it('links repliers to the authors they answer, never commenters to the Page', () => {
    const g = buildCommentGraph(ds, threads, { windowSeconds: 60, minParticipation: 2, coactionCode: 254 });
    const pairs = Array.from(g.graph.source, (s, e) =>
      [ds.accounts.extId[s], ds.accounts.extId[g.graph.target[e]]].sort().join('-'),
    );
    expect(pairs).toEqual(['ann-bob']);
    // Two replies, and four co-comments under P1 within the minute (each of ann's two with each of bob's two),
    // counted as 1 + log2(4).
    expect(g.replies).toBe(2);
    expect(g.coaction.edges.weight[0]).toBe(4);
    expect(g.graph.weight[0]).toBe(2 + 3);
  });

  it('calls a dataset comment data only when comments make most of it', () => {
    expect(isCommentData(ds, threads)).toBe(false); // too few to judge
    const many: PostRecord[] = Array.from({ length: 200 }, (_, i) =>
      fb({ id: `c${i}`, authorId: `u${i % 20}`, kind: 'comment', parentId: 'P1', time: T0 + i }),
    );
    const big = datasetFromRecords([{ posts: [fb({ id: 'P1', authorId: 'page', kind: 'original' }), ...many] }]);
    expect(isCommentData(big, commentThreads(big, postParents(big)))).toBe(true);
  });
});

describe('templated comments', () => {
  it('blanks names and numbers, keeps the formula’s words', () => {
    expect(formulaOf('Well done, Ilham!')).toBe('well done _');
    expect(formulaOf('Well done, Mehriban! 👏')).toBe('well done _');
    expect(formulaOf('Thank you for 25 new schools')).toBe('thank you for # new schools');
    expect(formulaOf('Bravo!')).toBeNull();
  });

  it('measures the share of members’ comments in formulas five members or more write', () => {
    const posts: PostRecord[] = [fb({ id: 'P', authorId: 'page', kind: 'original', time: T0 })];
    const names = ['Ilham', 'Leyla', 'Anar', 'Nigar', 'Samir', 'Aysel'];
    for (let a = 0; a < 6; a++) {
      for (let k = 0; k < 5; k++) {
        posts.push(
          fb({
            id: `r${a}-${k}`,
            authorId: `ring${a}`,
            kind: 'comment',
            parentId: 'P',
            time: T0 + k,
            text: `Well done, ${names[(a + k) % 6]}!`,
          }),
        );
        posts.push(
          fb({
            id: `o${a}-${k}`,
            authorId: `org${a}`,
            kind: 'comment',
            parentId: 'P',
            time: T0 + k,
            text: `${['my', 'our', 'the', 'a', 'this', 'that'][a]} ${['road', 'school', 'bus', 'rent', 'water'][k]} is late again`,
          }),
        );
      }
    }
    const ds = datasetFromRecords([{ posts }]);
    const threads = commentThreads(ds, postParents(ds));
    const membership = Array.from({ length: ds.accounts.count }, (_, a) =>
      ds.accounts.extId[a].startsWith('ring') ? 0 : ds.accounts.extId[a].startsWith('org') ? 1 : -1,
    );
    const [ring, organic] = templatedText(ds, threads, members(membership), { minAuthors: 5, minComments: 20 });
    expect(ring.evidence.value).toBe(1);
    expect(ring.evidence.reason).toContain('"well done …"');
    expect(organic.evidence.value).toBe(0);
    // One formula only: half strength at most (a wave of greetings is not a ring's repertoire).
    expect(ring.evidence.strength).toBe(0);
  });
});

describe('ids in batches', () => {
  it('finds members whose ids sit together, against what their share of ids gives by chance', () => {
    const posts: PostRecord[] = [];
    // 30 batch-created ring accounts (consecutive ids) and 300 organic ones spread over the id space.
    for (let i = 0; i < 30; i++)
      posts.push(fb({ id: `b${i}`, authorId: String(100050000000000 + i * 7), kind: 'comment', parentId: 'P' }));
    for (let i = 0; i < 300; i++)
      posts.push(
        fb({ id: `o${i}`, authorId: String(100000000000000 + i * 1_000_003), kind: 'comment', parentId: 'P' }),
      );
    const ds = datasetFromRecords([{ posts }]);
    const ring = (a: number) =>
      Number(ds.accounts.extId[a]) >= 100050000000000 && Number(ds.accounts.extId[a]) < 100050000001000;
    // Community 0: the ring; 1 and 2: organic accounts split in two at random.
    const rng = createRng(3);
    const membership = Array.from({ length: ds.accounts.count }, (_, a) => (ring(a) ? 0 : rng() < 0.5 ? 1 : 2));
    const [batched, org1, org2] = idBatches(ds, members(membership));
    expect(batched.evidence.value).toBe(1);
    expect(batched.evidence.strength).toBe(1);
    expect(batched.evidence.reason).toContain('an estimate from ids, not a creation date the platform gave');
    for (const o of [org1, org2]) expect(o.evidence.strength).toBe(0);
  });

  it('leaves X out: its ids carry their creation time and are read as dates', () => {
    const posts = Array.from({ length: 20 }, (_, i): PostRecord => ({
      platform: 'twitter',
      id: `t${i}`,
      authorId: String(1000 + i),
      kind: 'original',
    }));
    const ds = datasetFromRecords([{ posts }]);
    const [s] = idBatches(ds, members(Array(ds.accounts.count).fill(0)));
    expect(s.evidence.insufficient).toBe(true);
  });
});

describe('Pages posing as people', () => {
  it('tells a person’s name from an organisation’s', () => {
    expect(looksLikePersonName('Leyla Mammadova')).toBe(true);
    expect(looksLikePersonName('Jean-Luc Roux')).toBe(true);
    expect(looksLikePersonName('Ganja News')).toBe(false);
    expect(looksLikePersonName('Sporting Club Baku')).toBe(false);
    expect(looksLikePersonName('leyla')).toBe(false);
  });

  it('counts Pages named like people among the members, where the export tells Pages apart', () => {
    const accounts = [
      ...Array.from({ length: 12 }, (_, i) => ({
        platform: 'facebook' as const,
        id: `p${i}`,
        displayName: `Leyla Aliyeva${'abcdefghijkl'[i]}`,
        accountType: 'page',
      })),
      ...Array.from({ length: 8 }, (_, i) => ({
        platform: 'facebook' as const,
        id: `u${i}`,
        displayName: `Anar Guliyev`,
        accountType: 'user',
      })),
    ];
    const ds = datasetFromRecords([{ accounts }]);
    const membership = Array.from({ length: ds.accounts.count }, (_, a) =>
      ds.accounts.extId[a].startsWith('p') ? 0 : 1,
    );
    const [posing, people] = pagesAsPeople(ds, members(membership));
    expect(posing.evidence.value).toBe(1);
    expect(posing.evidence.strength).toBe(1);
    expect(people.evidence.value).toBe(0);
  });
});

describe('where a community comments', () => {
  it('names the Pages and posts whose comment sections members fill, with their share', () => {
    const posts: PostRecord[] = [];
    for (let p = 0; p < 6; p++) {
      posts.push(fb({ id: `P${p}`, authorId: p < 3 ? 'ministry' : 'news', kind: 'original', time: T0 }));
      for (let k = 0; k < 12; k++) {
        const author = p < 3 && k < 9 ? `bot${k}` : `person${(k * 7 + p) % 30}`;
        posts.push(fb({ id: `c${p}-${k}`, authorId: author, kind: 'comment', parentId: `P${p}`, time: T0 + k }));
      }
    }
    const ds = datasetFromRecords([
      { posts, accounts: [{ platform: 'facebook', id: 'ministry', displayName: 'Ministry of Youth' }] },
    ]);
    const threads = commentThreads(ds, postParents(ds));
    const membership = Array.from({ length: ds.accounts.count }, (_, a) =>
      ds.accounts.extId[a].startsWith('bot') ? 0 : ds.accounts.extId[a].startsWith('person') ? 1 : -1,
    );
    const { signals, targets } = commentTargets(ds, threads, members(membership));
    expect(targets[0].pages[0]).toEqual({
      accountId: 'ministry',
      name: 'Ministry of Youth',
      comments: 36,
      memberComments: 27,
      share: 0.75,
    });
    expect(targets[0].posts).toHaveLength(3);
    expect(targets[0].posts.every((p) => p.share === 0.75 && p.pageId === 'ministry')).toBe(true);
    const domination = signals[0].find((s) => s.evidence.key === 'comment_domination')!;
    expect(domination.group).toBe('context');
  });
});
