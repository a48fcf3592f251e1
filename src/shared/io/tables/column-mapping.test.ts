import { describe, expect, it } from 'vitest';
import { edgesParser } from './edges';
import { guessMapping, isMappable, MAPPABLE_FORMATS, missingFields, renameHeader } from './column-mapping';

describe('column mapping', () => {
  it('renames the chosen columns to their fields and moves look-alikes out of the way', () => {
    expect(renameHeader(['Who', 'Whom', 'source'], { source: 'who', target: 'WHOM' })).toEqual([
      'source',
      'target',
      'source__unmapped',
    ]);
    expect(renameHeader(['a', 'b'], undefined)).toEqual(['a', 'b']);
    // A mapped column the file lacks changes nothing: the parser then names what it expected.
    expect(renameHeader(['a', 'b'], { source: 'nope' })).toEqual(['a', 'b']);
  });

  it('lets a parser read a header it would refuse', () => {
    const header = ['actor', 'acted_on', 'when'];
    expect('expected' in edgesParser(header, 'generic')).toBe(true);
    const verdict = edgesParser(renameHeader(header, { source: 'actor', target: 'acted_on', time: 'when' }), 'generic');
    expect('parser' in verdict).toBe(true);
  });

  it('guesses from aliases and names the required fields still missing', () => {
    expect(guessMapping('follows', ['User_ID', 'friend', 'x'])).toEqual({ follower: 'User_ID', followed: 'friend' });
    expect(missingFields('edges', { source: 'a' })).toEqual(['target']);
    expect(missingFields('share-table', guessMapping('share-table', ['object_id', 'account_id']))).toEqual([
      'content_id',
      'timestamp_share',
    ]);
    expect(MAPPABLE_FORMATS.comments.filter((f) => f.required).map((f) => f.field)).toEqual(['commenter_id']);
    expect(isMappable('edges')).toBe(true);
    expect(isMappable('io-tweets')).toBe(false);
    expect(isMappable('__proto__')).toBe(false);
  });
});
