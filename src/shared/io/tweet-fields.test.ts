import { describe, expect, it } from 'vitest';
import { clientName, count, entityObjects, entityText, urlDomain, xId } from './tweet-fields';

describe('tweet fields', () => {
  it('keeps ids as strings and refuses rounded JSON numbers', () => {
    expect(xId('1450000000000000001', 'id')).toBe('1450000000000000001');
    expect(xId(12345, 'id')).toBe('12345');
    expect(xId(undefined, 'id')).toBeUndefined();
    expect(() => xId(1450000000000000001, 'id')).toThrow(/id: id .* not exact as a JSON number/);
    expect(() => xId('12a', 'user.id')).toThrow(/user.id: expected a numeric id/);
  });

  it('reads counts and refuses non-counts', () => {
    expect(count('12', 'n')).toBe(12);
    expect(count('12.0', 'n')).toBe(12);
    expect(count('', 'n')).toBeUndefined();
    expect(() => count('-1', 'follower_count')).toThrow(/follower_count: expected a non-negative whole number/);
    // An object from JSON that names its own toString: a plain data error, not a TypeError from String().
    const hostile = JSON.parse('{"toString": ""}') as unknown;
    expect(() => count(hostile, 'followers_count')).toThrow(/followers_count: expected a non-negative whole number/);
    expect(() => count(hostile, 'n')).not.toThrow(TypeError);
  });

  it('reads entity text only from strings and numbers', () => {
    expect(entityText('LongForm')).toBe('LongForm');
    expect(entityText(42)).toBe('42');
    expect(entityText(JSON.parse('{"toString": ""}'))).toBe('');
    expect(entityText(undefined)).toBe('');
  });

  it('extracts URL domains', () => {
    expect(urlDomain('http://WWW.News.example.co.uk:8080/x')).toBe('news.example.co.uk');
    expect(urlDomain('https://user:pw@example.org/a,b?q#f')).toBe('example.org');
    expect(urlDomain('not a url')).toBeUndefined();
  });

  it('turns hashtags and urls into deduplicated post objects', () => {
    expect(entityObjects(['#Vote', 'vote', 'Other'], ['https://a.example/x', 'https://a.example/y'])).toEqual([
      { kind: 'hashtag', value: 'vote' },
      { kind: 'hashtag', value: 'other' },
      { kind: 'url', value: 'https://a.example/x' },
      { kind: 'domain', value: 'a.example' },
      { kind: 'url', value: 'https://a.example/y' },
    ]);
  });

  it('keeps only the client name of an HTML source', () => {
    expect(clientName('<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>')).toBe(
      'Twitter for iPhone',
    );
    expect(clientName('<a href="x">Tom &amp; Jerry</a>')).toBe('Tom & Jerry');
    expect(clientName('web')).toBe('web');
    expect(clientName('')).toBeUndefined();
  });
});
