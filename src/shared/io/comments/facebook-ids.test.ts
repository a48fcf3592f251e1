import { describe, expect, it } from 'vitest';
import { parseCount } from '../tables/values';
import { decodeGraphqlId, facebookPostKey } from './facebook-ids';

describe('Facebook post references and counts', () => {
  it('keys a post by its numeric id however the export writes it', () => {
    for (const ref of [
      '901',
      '200500_901',
      'https://www.facebook.com/200500/posts/901',
      'https://www.facebook.com/DailyTruth/posts/901/?comment_id=5',
      'https://m.facebook.com/story.php?story_fbid=901&id=200500',
      'https://www.facebook.com/permalink.php?story_fbid=901&id=200500',
      'https://www.facebook.com/DailyTruth/videos/901/',
    ]) {
      expect(facebookPostKey(ref), ref).toBe('901');
    }
    expect(facebookPostKey('https://www.facebook.com/DailyTruth/posts/pfbid02abc')).toBe(
      'https://www.facebook.com/DailyTruth/posts/pfbid02abc',
    );
  });

  it('decodes GraphQL comment and feedback ids, and nothing else', () => {
    expect(decodeGraphqlId('Y29tbWVudDo5MDFfODAwMg==')).toEqual({ kind: 'comment', postId: '901', commentId: '8002' });
    expect(decodeGraphqlId('ZmVlZGJhY2s6OTAx')).toEqual({ kind: 'feedback', postId: '901' });
    expect(decodeGraphqlId('8002')).toBeUndefined();
    expect(decodeGraphqlId('not base64!')).toBeUndefined();
  });

  it('reads counts as pages display them', () => {
    expect([parseCount('12'), parseCount('1,234'), parseCount('1.2K'), parseCount('3M'), parseCount(7)]).toEqual([
      12, 1234, 1200, 3_000_000, 7,
    ]);
    expect([parseCount(''), parseCount('many'), parseCount(undefined), parseCount(-1)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
