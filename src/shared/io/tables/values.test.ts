import { describe, expect, it } from 'vitest';
import { domainOf, fingerprint, integerId, parseTimeWithZoneName, requiredTime } from './values';
import { matchCommentProfile } from './comment-profiles';

describe('table cell values', () => {
  it('reads integer ids written as floats, and nothing else', () => {
    expect(integerId('129235')).toBe('129235');
    expect(integerId('129235.0')).toBe('129235');
    expect(integerId('12.5')).toBeUndefined();
    expect(integerId('abc')).toBeUndefined();
  });

  it("reads CrowdTangle's zone abbreviations and ordinary times", () => {
    expect(parseTimeWithZoneName('2021-09-01 08:00:00 EDT')).toBe(Date.UTC(2021, 8, 1, 12) / 1000);
    expect(parseTimeWithZoneName('2021-01-01 08:00:00 CET')).toBe(Date.UTC(2021, 0, 1, 7) / 1000);
    expect(parseTimeWithZoneName('1629589836.0')).toBe(1629589836);
    expect(parseTimeWithZoneName('2021-09-01 08:00:00 XYZ')).toBeUndefined();
    expect(requiredTime('soon', 'timestamp')).toBe('bad timestamp "soon": expected Unix seconds or an ISO 8601 time');
  });

  it('takes the host of a URL as its domain', () => {
    expect(domainOf('https://www.Example.org/a?b=1')).toBe('example.org');
    expect(domainOf('http://user@news.example.com:8080/x')).toBe('news.example.com');
    expect(domainOf('not a url')).toBeUndefined();
  });

  it('fingerprints are stable and distinguish inputs', () => {
    expect(fingerprint('a\u0001b')).toBe(fingerprint('a\u0001b'));
    expect(fingerprint('a\u0001b')).not.toBe(fingerprint('b\u0001a'));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('matches 4CAT Telegram before the generic 4CAT profile, CrowdTangle by its own columns', () => {
    const telegram = ['id', 'thread_id', 'chat', 'author', 'author_username', 'body', 'reply_to', 'timestamp'];
    expect(matchCommentProfile(telegram)?.name).toBe('4cat-telegram');
    expect(matchCommentProfile(['id', 'thread_id', 'author', 'body', 'timestamp'])?.name).toBe('4cat');
    expect(matchCommentProfile(['Page Name', 'User Name', 'Facebook Id', 'Post Created', 'URL'])?.name).toBe(
      'crowdtangle-facebook',
    );
    expect(matchCommentProfile(['from_id', 'owner_id'])).toBeUndefined();
  });
});
