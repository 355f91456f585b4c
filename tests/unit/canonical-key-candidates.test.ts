import { describe, expect, it } from 'vitest';
import { canonicalKeyCandidates } from '../../lib/url/canonical-key';
import { canonicalUrl } from '../../lib/url/canonical-url';
import { stripAmpPath } from '../../lib/url/amp';

describe('canonicalKeyCandidates (the keys the every-page gate looks up)', () => {
  const cases: Array<[string, string | null]> = [
    ['https://news.example.com/a?utm_source=x#top', null],
    ['https://news.example.com/a', '   '],
    ['https://news.example.com/a', ''],
    ['https://m.example.com/story/1/amp', 'https://www.example.com/story/1'],
    ['https://alice.github.io/post', 'https://bob.github.io/post'],
    ['https://news.example.com/a', 'https://elsewhere.example.org/b'],
    ['https://news.example.com/a', '/'],
    ['https://news.example.com/a', 'not a url ::'],
  ];
  for (const [url, link] of cases) {
    it(`holds the key the background files ${url} under (link ${JSON.stringify(link)})`, () => {
      expect(canonicalKeyCandidates(url, link)).toContain(canonicalUrl(url, link));
    });
  }

  it('is one key when the page has no usable link, two when the link may name another page', () => {
    expect(canonicalKeyCandidates('https://news.example.com/a?utm_source=x', null)).toEqual(['https://news.example.com/a']);
    expect(canonicalKeyCandidates('https://news.example.com/a', '  ')).toEqual(['https://news.example.com/a']);
    expect(canonicalKeyCandidates('https://news.example.com/a', 'https://news.example.com/a')).toEqual(['https://news.example.com/a']);
    expect(canonicalKeyCandidates('https://alice.github.io/post', 'https://bob.github.io/post')).toEqual(['https://alice.github.io/post', 'https://bob.github.io/post']);
  });
});

describe('stripAmpPath', () => {
  // As it was before it skipped paths without ".amp": the paths must come out the same.
  const before = (pathname: string): string => {
    const trailing = /^(.*\/)amp(\/?)$/.exec(pathname);
    if (trailing && trailing[1] && trailing[1] !== '/') return trailing[2] ? trailing[1] : trailing[1].slice(0, -1);
    return pathname.replace(/\.amp(\.html?)?$/i, (_, ext: string | undefined) => ext ?? '');
  };
  it('maps the same paths to the same paths', () => {
    for (const p of ['/a/b.amp', '/a/b.AMP.HTML', '/a/b.Amp.htm', '/a/amp', '/a/amp/', '/amp', '/a/b.ampx', '/a/b.html', '/', '/news/2025/story', '/x.amp/y']) {
      expect(stripAmpPath(p), p).toBe(before(p));
    }
  });
});
