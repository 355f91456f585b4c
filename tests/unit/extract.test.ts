import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFromText, extractMainText, type ExtractedText } from '../../lib/extract/extract-main-text';
import type { ReadabilityLike } from '../../lib/extract/readability-content';
import { domPiecesForRange, mapHolds, offsetToDomPoint, rangeToDomPoints } from '../../lib/extract/text-map';

const EVAL = join(__dirname, '../fixtures/eval');
const R = Readability as unknown as ReadabilityLike;
const doc = (html: string) => parseHTML(html).document as unknown as Document;

/** Every segment is a piece of a Text node of `d` itself, and says exactly what the text says. */
function expectMapIntoDocument(d: Document, x: ExtractedText): void {
  expect(x.map).not.toBeNull();
  let last = 0;
  for (const s of x.map!.segments) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    last = s.end;
    expect(s.node.ownerDocument).toBe(d);
    expect(d.documentElement.contains(s.node)).toBe(true);
    expect(x.text.slice(s.start, s.end)).toBe(s.node.data.slice(s.nodeStart, s.nodeStart + s.end - s.start));
  }
  // Characters outside segments are only the separators the extractor adds.
  const covered = new Uint8Array(x.text.length);
  for (const s of x.map!.segments) covered.fill(1, s.start, s.end);
  for (let i = 0; i < x.text.length; i++) if (!covered[i]) expect([' ', '\n']).toContain(x.text[i]);
}

const ARTICLE = `<!doctype html><html lang="en"><head><title>Story | Site</title></head><body>
<header><nav><a href="/">Home</a> <a href="/w">World</a> <a href="/p">Politics</a></nav></header>
<main><article>
<h1>Deportees arrive at CECOT</h1>
<p>The first   group of
   deportees arrived on <b>Sunday</b>, officials said.<br>More flights are expected.</p>
<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>
<p>The prison can hold about 40,000 inmates, according to the government, which calls it the largest in the Americas and a model for the region.</p>
<p hidden>Hidden teaser text.</p>
<p>Rights groups say detainees have no access to lawyers, and relatives say they have not heard from them since March.</p>
<ul class="related-links"><li><a href="/1">Bitcoin falls again</a></li><li><a href="/2">Surf season opens</a></li></ul>
</article></main>
<section id="comments"><p>Comment: this is fake news, the real number is 100,000 and everybody knows it, trust me on that.</p></section>
<footer>Copyright Site</footer></body></html>`;

describe.each([
  ['built-in extractor', null],
  ['Readability', R],
] as const)('extractMainText with the %s', (_name, readability) => {
  it('keeps the article and drops navigation, share bars, related links, comments and hidden text', () => {
    const d = doc(ARTICLE);
    const x = extractMainText(d, { readability });
    expect(x.text).toContain('The prison can hold about 40,000 inmates');
    for (const junk of ['Home', 'Share', 'Bitcoin falls', '100,000', 'Copyright', 'Hidden teaser']) expect(x.text).not.toContain(junk);
    expect(x.language).toBe('en');
    expectMapIntoDocument(d, x);
  });

  it('renders what a reader sees: collapsed whitespace, a space for <br>, a line per block', () => {
    const x = extractMainText(doc(ARTICLE), { readability });
    expect(x.text).toContain('The first group of deportees arrived on Sunday, officials said. More flights are expected.');
    expect(x.text).toMatch(/expected\.\nThe prison/);
  });

  it.each(['en-capacity-agree.html', 'es-capacidad.html', 'en-conditions.html', 'es-tren-de-aragua.html'])('maps %s into its own document', (file) => {
    const d = doc(readFileSync(join(EVAL, file), 'utf8'));
    const x = extractMainText(d, { readability });
    expect(x.text.length).toBeGreaterThan(300);
    expectMapIntoDocument(d, x);
  });
});

describe('extractMainText', () => {
  it('says which method chose the text, and falls back when Readability finds nothing', () => {
    expect(extractMainText(doc(ARTICLE), { readability: R }).method).toBe('readability');
    expect(extractMainText(doc(ARTICLE)).method).toBe('heuristic');
    const tiny = extractMainText(doc('<html><body><p>Short.</p></body></html>'), { readability: R });
    expect(tiny.method).toBe('heuristic');
    expect(tiny.text).toBe('Short.');
  });

  it('takes the language from <html lang> or, failing that, from the text', () => {
    expect(extractMainText(doc('<html lang="es-SV"><body><p>Hello there.</p></body></html>')).language).toBe('es');
    expect(extractMainText(doc('<html><body><p>La cárcel de máxima seguridad fue construida para los pandilleros.</p></body></html>')).language).toBe('es');
  });

  it('prefers og:title, then h1, then <title>', () => {
    expect(extractMainText(doc(ARTICLE)).title).toBe('Deportees arrive at CECOT');
    expect(extractMainText(doc('<html><head><meta property="og:title" content="OG"><title>T</title></head><body><h1>H</h1></body></html>')).title).toBe('OG');
  });
});

describe('extractMainText with maxChars', () => {
  it.each([
    ['built-in extractor', null],
    ['Readability', R],
  ] as const)('gives the beginning of the unbounded text and map, with the %s', (_name, readability) => {
    const d = doc(readFileSync(join(EVAL, 'en-conditions.html'), 'utf8'));
    const whole = extractMainText(d, { readability });
    const part = extractMainText(d, { readability, maxChars: 300 });
    expect(whole.text.length).toBeGreaterThan(600);
    expect(part.text.length).toBeGreaterThanOrEqual(300);
    expect(part.text.length).toBeLessThan(whole.text.length);
    expect(whole.text.startsWith(part.text)).toBe(true);
    expect(part.map!.segments).toEqual(whole.map!.segments.slice(0, part.map!.segments.length));
    expect([part.method, part.title, part.language]).toEqual([whole.method, whole.title, whole.language]);
    expectMapIntoDocument(d, part);
  });
});

describe('mapHolds', () => {
  it('holds while the text nodes are in the document with the same characters, and not after either changes', () => {
    const d = doc(ARTICLE);
    const x = extractMainText(d, { readability: null });
    expect(mapHolds(x.text, x.map!)).toBe(true);
    // A change outside the extracted text leaves it be.
    d.querySelector('footer')!.textContent = 'Other footer';
    expect(mapHolds(x.text, x.map!)).toBe(true);
    const edited = extractMainText(doc(ARTICLE), { readability: null });
    const node = edited.map!.segments[3]!.node;
    node.data = node.data.replace(/[a-z]/, 'Q');
    expect(mapHolds(edited.text, edited.map!)).toBe(false);
    const removed = extractMainText(doc(ARTICLE), { readability: null });
    removed.map!.segments[5]!.node.parentNode!.removeChild(removed.map!.segments[5]!.node);
    expect(mapHolds(removed.text, removed.map!)).toBe(false);
  });
});

describe('text map', () => {
  const d = doc(ARTICLE);
  const x = extractMainText(d);
  const map = x.map!;

  it('turns an offset into the node and offset holding that character', () => {
    const at = x.text.indexOf('40,000');
    const p = offsetToDomPoint(map, at)!;
    expect(p.node.data.slice(p.offset, p.offset + 6)).toBe('40,000');
  });

  it('sends an offset in an added separator to the segment before or after it', () => {
    const gap = x.text.indexOf('\nThe prison');
    const back = offsetToDomPoint(map, gap, 'backward')!;
    const fwd = offsetToDomPoint(map, gap, 'forward')!;
    expect(back.node.data.slice(0, back.offset)).toMatch(/expected\.$/);
    expect(fwd.node.data.slice(fwd.offset)).toMatch(/^The prison/);
  });

  it('gives DOM range points and per-node pieces whose text is the range text', () => {
    const start = x.text.indexOf('arrived on Sunday');
    const end = start + 'arrived on Sunday, officials'.length;
    const points = rangeToDomPoints(map, start, end)!;
    expect(points.startContainer.data.slice(points.startOffset)).toMatch(/^arrived on/);
    const pieces = domPiecesForRange(map, start, end);
    // The space at the end of the first node is a separator the extractor wrote, not part of a segment.
    expect(pieces.map((p) => p.node.data.slice(p.from, p.to)).join('|')).toBe('arrived on|Sunday|, officials');
  });
});

describe('extractFromText', () => {
  it('keeps the text byte for byte and takes the first line as the title', () => {
    const text = 'A headline\n\nFirst paragraph. Second sentence.\n';
    const x = extractFromText(text);
    expect(x).toMatchObject({ title: 'A headline', text, language: 'en', map: null, method: 'plain-text' });
    expect(extractFromText('Just a sentence that ends.\nMore.').title).toBe('');
  });
});
