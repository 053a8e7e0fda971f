import { describe, expect, it } from 'vitest';
import { keepStableUrls, type MediaUrls } from '../../../renderer/features/viewers/stable-urls';

const first: MediaUrls = { blobId: 'a', mediaUrl: '/media/1', stillUrls: { s1: '/media/2' } };

describe('media URLs kept across refetches', () => {
  it('keeps the first URL of a file and of each still', () => {
    const refetched = { blobId: 'a', mediaUrl: '/media/3', stillUrls: { s1: '/media/4' } };
    expect(keepStableUrls(first, refetched)).toBe(first);
  });

  it('changes nothing for an item without a file', () => {
    const none: MediaUrls = { blobId: undefined, mediaUrl: null, stillUrls: {} };
    expect(keepStableUrls(none, { blobId: undefined, mediaUrl: null, stillUrls: {} })).toBe(none);
  });

  it('adds the URL of a new still, keeping the others', () => {
    const refetched = {
      blobId: 'a',
      mediaUrl: '/media/5',
      stillUrls: { s1: '/media/6', s2: '/media/7' },
    };
    expect(keepStableUrls(first, refetched)).toEqual({
      blobId: 'a',
      mediaUrl: '/media/1',
      stillUrls: { s1: '/media/2', s2: '/media/7' },
    });
  });

  it('takes the new URL for another file, or where there was none', () => {
    expect(
      keepStableUrls(first, { blobId: 'b', mediaUrl: '/media/8', stillUrls: {} }).mediaUrl,
    ).toBe('/media/8');
    const none: MediaUrls = { blobId: 'a', mediaUrl: null, stillUrls: {} };
    expect(keepStableUrls(none, { ...first, mediaUrl: '/media/9' }).mediaUrl).toBe('/media/9');
  });
});
