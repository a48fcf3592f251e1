import { describe, expect, it } from 'vitest';
import { resolveAccount } from './account-ref';

describe('resolveAccount', () => {
  it('gives one Facebook account however the export names it', () => {
    const byId = [
      { id: '100004' },
      { id: '100004.0' },
      { url: 'https://www.facebook.com/profile.php?id=100004' },
      { url: 'https://m.facebook.com/profile.php?id=100004&refid=52&__tn__=R' },
      { url: 'facebook.com/people/Jane-Doe/100004/' },
      { id: 'https://www.facebook.com/profile.php?id=100004' },
    ];
    for (const naming of byId)
      expect(resolveAccount('facebook', naming), JSON.stringify(naming)).toEqual({ id: '100004' });
    const byHandle = [
      { handle: 'jane.doe' },
      { handle: '@Jane.Doe' },
      { url: 'facebook.com/jane.doe' },
      { url: 'https://m.facebook.com/Jane.Doe/' },
      { url: 'https://www.facebook.com/jane.doe?fref=nf' },
      { id: 'jane.doe' },
    ];
    for (const naming of byHandle)
      expect(resolveAccount('facebook', naming)?.id, JSON.stringify(naming)).toBe('jane.doe');
  });

  it('takes the numeric id as the account and the handle as its screen name when a row gives both', () => {
    expect(
      resolveAccount('facebook', { id: '100004', handle: 'Jane.Doe', url: 'https://www.facebook.com/jane.doe' }),
    ).toEqual({
      id: '100004',
      screenName: 'Jane.Doe',
    });
    expect(resolveAccount('facebook', { url: 'https://www.facebook.com/jane.doe', id: '100004' })).toEqual({
      id: '100004',
      screenName: 'jane.doe',
    });
    expect(resolveAccount('facebook', { handle: 'Jane.Doe' })).toEqual({ id: 'jane.doe', screenName: 'Jane.Doe' });
  });

  it("reads other platforms' links: VK users and communities, Instagram, YouTube channels", () => {
    expect(resolveAccount('vk', { url: 'https://vk.com/id302' })).toEqual({ id: '302' });
    expect(resolveAccount('vk', { url: 'https://vk.com/club4040' })).toEqual({ id: '-4040' });
    expect(resolveAccount('vk', { url: 'https://m.vk.com/public4040' })).toEqual({ id: '-4040' });
    expect(resolveAccount('vk', { id: '-4040' })).toEqual({ id: '-4040' });
    expect(resolveAccount('vk', { url: 'https://vk.com/CityNews' })).toEqual({
      id: 'citynews',
      screenName: 'CityNews',
    });
    expect(resolveAccount('instagram', { url: 'https://www.instagram.com/Anna.Berg/' })?.id).toBe('anna.berg');
    // Channel ids are case-sensitive: kept as written, wherever they come from.
    expect(resolveAccount('youtube', { id: 'UCannabergBBBBBBBBBBBBBB' })).toEqual({ id: 'UCannabergBBBBBBBBBBBBBB' });
    expect(resolveAccount('youtube', { url: 'https://www.youtube.com/channel/UCannabergBBBBBBBBBBBBBB' })).toEqual({
      id: 'UCannabergBBBBBBBBBBBBBB',
    });
    expect(resolveAccount('youtube', { url: 'https://www.youtube.com/@AnnaBerg' })?.id).toBe('annaberg');
  });

  it('keeps generic ids as written and says nothing for an empty naming', () => {
    expect(resolveAccount('generic', { id: 'Anna' })).toEqual({ id: 'Anna', screenName: 'Anna' });
    expect(resolveAccount('facebook', {})).toBeUndefined();
    expect(resolveAccount('facebook', { id: '  ', handle: '', url: 'https://www.facebook.com/' })).toBeUndefined();
    // A feature page is not an account.
    expect(resolveAccount('facebook', { url: 'https://www.facebook.com/groups/123/posts/456' })).toBeUndefined();
  });
});
