import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderText } from '../../lib/extract/render-text';
import { offsetToDomPoint } from '../../lib/extract/text-map';
import { OffsetLookup } from '../../lib/page/dom-offset';

function page(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const rendered = renderText(document.body, () => true);
  return { document, ...rendered, lookup: new OffsetLookup(rendered.map) };
}

describe('OffsetLookup', () => {
  it('inverts offsetToDomPoint for every offset inside rendered text', () => {
    const { text, map, lookup } = page('<h1>CECOT   holds</h1><p>up to <b>40,000</b> inmates.</p><p>Cárcel <i>máxima</i></p>');
    for (let i = 0; i < text.length; i++) {
      const inside = map.segments.some((s) => s.start <= i && i < s.end);
      if (!inside) continue; // separators the renderer adds belong to no node
      const p = offsetToDomPoint(map, i, 'forward');
      if (!p) throw new Error('no point');
      const back = lookup.offsetOf(p.node, p.offset, 'forward');
      expect(back).toBe(i);
    }
  });

  it('resolves a point inside an element to the nearest rendered text', () => {
    const { document, text, lookup } = page('<p id="a">First paragraph.</p><p id="b">Second one.</p>');
    const b = document.getElementById('b') as Element;
    const start = lookup.offsetOf(b, 0, 'forward');
    expect(text.slice(start ?? 0)).toBe('Second one.');
    const body = document.body;
    const end = lookup.offsetOf(body, 1, 'backward');
    expect(text.slice(0, end ?? 0)).toBe('First paragraph.');
  });
});
