import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../lib/extract/render-text';

/**
 * The whitespace collapsing of renderText as it was written before its runs were found by a regular
 * expression: a character loop over each Text node. The two must give the same text and the same
 * segments for any text, whitespace of every kind included.
 */
function byCharacterLoop(datas: readonly string[]): { text: string; segments: Array<{ node: number; nodeStart: number; start: number; end: number }> } {
  const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0;
  const parts: string[] = [];
  const segments: Array<{ node: number; nodeStart: number; start: number; end: number }> = [];
  let length = 0;
  let pendingSpace = false;
  datas.forEach((s, node) => {
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (isWs(s.charCodeAt(i))) {
        pendingSpace = true;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (!isWs(c)) {
          j++;
          continue;
        }
        if (c === 32 && j + 1 < n && !isWs(s.charCodeAt(j + 1))) {
          j++;
          continue;
        }
        break;
      }
      if (length > 0 && pendingSpace) {
        parts.push(' ');
        length++;
      }
      pendingSpace = false;
      segments.push({ node, nodeStart: i, start: length, end: length + (j - i) });
      parts.push(s.slice(i, j));
      length += j - i;
      i = j;
    }
  });
  return { text: parts.join(''), segments };
}

const piece = fc.constantFrom(' ', '  ', '\n', '\t', '\r', '\f', '\u00a0', ' \n', 'a', 'word', 'é', '.', 'x y', '\u2003');

describe('renderText collapses whitespace', () => {
  it('as the character loop did, for any inline text nodes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), { minLength: 1, maxLength: 6 }), (datas) => {
        const { document } = parseHTML('<html><body><span></span></body></html>');
        const span = document.querySelector('span') as unknown as Element;
        const nodes = datas.map((d) => span.appendChild(document.createTextNode(d)));
        const rendered = renderText(span as unknown as Node, () => true);
        const expected = byCharacterLoop(datas);
        expect(rendered.text).toBe(expected.text);
        expect(rendered.map.segments.map((s) => ({ node: nodes.indexOf(s.node as never), nodeStart: s.nodeStart, start: s.start, end: s.end }))).toEqual(expected.segments);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps single spaces inside a run and collapses every other whitespace to one space', () => {
    const { document } = parseHTML('<html><body><p>  one two\u00a0three \n four  five\t</p></body></html>');
    const rendered = renderText(document.body as unknown as Node, () => true);
    expect(rendered.text).toBe('one two three four five');
    expect(rendered.map.segments.map((s) => [s.nodeStart, s.start, s.end])).toEqual([
      [2, 0, 7],
      [10, 8, 13],
      [18, 14, 18],
      [24, 19, 23],
    ]);
  });
});

describe('renderText with maxChars', () => {
  const page = (n: number) => `<html><body><article>${Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} says  something,\n with <b>bold</b> words.</p>`).join('')}</article></body></html>`;

  it('gives the beginning of the whole rendering, offsets and nodes included, and stops walking there', () => {
    const { document } = parseHTML(page(400));
    const body = document.body as unknown as Node;
    const whole = renderText(body, () => true);
    let seen = 0;
    const part = renderText(
      body,
      () => {
        seen++;
        return true;
      },
      () => false,
      1_000,
    );
    expect(part.text.length).toBeGreaterThanOrEqual(1_000);
    // At most the Text node that crossed the bound is past it.
    expect(part.text.length).toBeLessThan(1_100);
    expect(whole.text.startsWith(part.text)).toBe(true);
    expect(part.map.segments).toEqual(whole.map.segments.slice(0, part.map.segments.length));
    // Not a walk of all 1,200 Text nodes.
    expect(seen).toBeLessThan(100);
  });

  it('is the whole rendering when the text is shorter than the bound', () => {
    const { document } = parseHTML(page(5));
    const body = document.body as unknown as Node;
    const whole = renderText(body, () => true);
    expect(renderText(body, () => true, () => false, 100_000)).toEqual(whole);
  });
});
