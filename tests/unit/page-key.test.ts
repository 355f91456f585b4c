import { describe, expect, it } from 'vitest';
import { readPageKey } from '../../lib/page/page-key';

describe('readPageKey: the key the background leaves for the page session', () => {
  it('reads a seed as the background writes it', () => {
    const seed = { url: 'https://news.example/a?utm_source=x', canonicalHref: 'https://news.example/a', canonicalUrl: 'https://news.example/a' };
    expect(readPageKey(seed)).toEqual(seed);
    expect(readPageKey({ ...seed, canonicalHref: null })).toEqual({ ...seed, canonicalHref: null });
    // As Chromium hands it over when the page has no canonical link: the null property is dropped.
    expect(readPageKey({ url: seed.url, canonicalUrl: seed.url })).toEqual({ url: seed.url, canonicalHref: null, canonicalUrl: seed.url });
  });

  it('takes nothing else for one: the session then asks the background (page/key)', () => {
    for (const bad of [undefined, null, 'https://news.example/a', {}, { url: 'https://news.example/a' }, { url: 1, canonicalHref: null, canonicalUrl: 'x' }, { url: 'a', canonicalHref: 3, canonicalUrl: 'b' }]) {
      expect(readPageKey(bad)).toBeNull();
    }
  });
});
