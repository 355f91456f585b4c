import { describe, expect, it } from 'vitest';
import { escapeMarkdownBlock, escapeMarkdownInline } from '../../lib/exchange/markdown-escape';
import { highlightLink, toMarkdown } from '../../lib/exchange/to-markdown';
import { ctx, makeAnnotation } from './exchange-fixtures';

describe('Markdown export', () => {
  const pageA = 'https://www.elfaro.net/es/2025/03/cecot';
  const pageB = 'https://apnews.com/article/cecot';

  it('groups by page, quotes as block quotes, then note, verdict, tags, claims and a link', () => {
    const a1 = makeAnnotation({ canonicalUrl: pageA, quote: 'Second on the page', selectors: { quote: { type: 'TextQuoteSelector', exact: 'Second on the page' }, position: { type: 'TextPositionSelector', start: 500, end: 518 } } });
    const a2 = makeAnnotation({
      canonicalUrl: pageA,
      quote: 'First on the page',
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'First on the page' }, position: { type: 'TextPositionSelector', start: 10, end: 27 } },
      note: 'My **own** note',
      verdict: 'disputed',
      tags: ['cecot'],
      claims: [{ claimId: 'cecot.capacity.40000', relation: 'agrees' }],
    });
    const b1 = makeAnnotation({ canonicalUrl: pageB, title: 'AP story', createdAt: '2025-03-25T00:00:00.000Z' });
    const md = toMarkdown([b1, a1, a2], ctx);
    const sectionA = md.indexOf(`## [CECOT: la cárcel](${pageA})`);
    const sectionB = md.indexOf(`## [AP story](${pageB})`);
    expect(sectionA).toBeGreaterThan(0);
    expect(sectionB).toBeGreaterThan(sectionA);
    expect(md.indexOf('> First on the page')).toBeLessThan(md.indexOf('> Second on the page'));
    expect(md).toContain('My **own** note');
    expect(md).toContain('- Verdict: **Disputed**');
    expect(md).toContain('- Tags: cecot');
    expect(md).toContain('- Claim: CECOT can hold 40,000 inmates. (claim cecot.capacity.40000, agrees)');
    expect(md).toContain(`- [Open the highlight](${pageA}#:~:text=First%20on%20the%20page)`);
    expect(md).toContain('3 highlights on 2 pages');
  });

  it('escapes page text so that it cannot become headings, HTML or links', () => {
    const evil = makeAnnotation({
      title: '[click](javascript:alert(1)) <img src=x onerror=alert(1)>',
      quote: '# Not a heading\n> not nested\n1. not a list\n- not a bullet\n*not bold* `not code` &amp;',
    });
    const md = toMarkdown([evil], ctx);
    expect(md).not.toMatch(/^#{1,6} Not a heading/m);
    expect(md).toContain('> \\# Not a heading');
    expect(md).toContain('> \\> not nested');
    expect(md).toContain('> 1\\. not a list');
    expect(md).toContain('> \\- not a bullet');
    expect(md).toContain('\\*not bold\\* \\`not code\\` \\&amp;');
    expect(md).toContain('\\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>');
    // Every '<' and '[' from the page is escaped.
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).not.toMatch(/(^|[^\\])\[click/m);
  });

  it('links only to web URLs and keeps link targets from breaking out', () => {
    const odd = makeAnnotation({ canonicalUrl: 'https://example.org/a (b)', quote: 'x' });
    expect(toMarkdown([odd], ctx)).toContain('(https://example.org/a%20%28b%29)');
  });

  it('leaves out tombstones and escapes notes on request', () => {
    const gone = makeAnnotation({ quote: 'deleted quote', deletedAt: '2025-03-22T00:00:00.000Z', revision: 2 });
    const foreign = makeAnnotation({ note: '<b>x</b>' });
    expect(toMarkdown([gone], ctx)).not.toContain('deleted quote');
    expect(toMarkdown([foreign], ctx, { escapeNotes: true })).toContain('\\<b\\>x\\</b\\>');
  });

  it('text fragment links encode the directive syntax and use start,end for long quotes', () => {
    expect(highlightLink(makeAnnotation({ quote: 'a-b, c&d' }))).toMatch(/#:~:text=a%2Db%2C%20c%26d$/);
    const long = makeAnnotation({ quote: 'one two three four five six seven eight nine ten eleven twelve thirteen' });
    expect(highlightLink(long)).toMatch(/#:~:text=one%20two%20three%20four%20five,nine%20ten%20eleven%20twelve%20thirteen$/);
  });

  it('escape helpers', () => {
    expect(escapeMarkdownInline('a_b|c~d')).toBe('a\\_b\\|c\\~d');
    expect(escapeMarkdownBlock('+ x\n2) y')).toBe('\\+ x\n2\\) y');
  });
});
