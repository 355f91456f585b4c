import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dropPreparedSheet, prepareSheet, takePreparedSheet } from '../../platform/highlight-sheet';
import { Highlighter } from '../../platform/highlighter';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

/** A constructed sheet that counts its rewrites (each one restyles the whole page in a browser). */
class FakeSheet {
  text = '';
  writes = 0;
  replaceSync(text: string): void {
    this.text = text;
    this.writes++;
  }
}

const fakeDoc = () => ({ adoptedStyleSheets: [] as FakeSheet[] }) as unknown as Document & { adoptedStyleSheets: FakeSheet[] };

describe('the highlight sheet prepared by the always-on script (platform/highlight-sheet.ts)', () => {
  let registry: Map<string, unknown>;
  beforeEach(() => {
    registry = new Map();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', class {
      ranges: unknown[];
      constructor(...ranges: unknown[]) {
        this.ranges = ranges;
      }
    });
    vi.stubGlobal('CSSStyleSheet', FakeSheet);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    takePreparedSheet(fakeDoc());
  });

  it('is adopted at once, and the session takes its names and sheet without rewriting it in the default colours', () => {
    const doc = fakeDoc();
    const prepared = prepareSheet(doc);
    expect(prepared).not.toBeNull();
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    const sheet = doc.adoptedStyleSheets[0] as FakeSheet;
    expect(sheet.writes).toBe(1);
    const highlighter = new Highlighter(doc);
    highlighter.setStyle(DEFAULT_SETTINGS.colors, DEFAULT_SETTINGS.showUnmatched);
    // Same text: no second write (which would restyle the page in the frame of the first highlight), no second sheet.
    expect(sheet.writes).toBe(1);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    // The marks go under the prepared names, which the sheet styles.
    highlighter.set('claims', [{ id: 'c1', kind: 'agrees', range: {} as Range }]);
    expect([...registry.keys()]).toEqual([prepared?.names.agrees]);
    expect(sheet.text).toContain(`::highlight(${prepared?.names.agrees})`);
  });

  it('is rewritten when the reader chose other colours, or hides the unmatched sentences', () => {
    const doc = fakeDoc();
    prepareSheet(doc);
    const sheet = doc.adoptedStyleSheets[0] as FakeSheet;
    const highlighter = new Highlighter(doc);
    highlighter.setStyle({ ...DEFAULT_SETTINGS.colors, agrees: '#112233' }, true);
    expect(sheet.writes).toBe(2);
    expect(sheet.text).toContain('#112233');
    highlighter.setStyle({ ...DEFAULT_SETTINGS.colors, agrees: '#112233' }, false);
    expect(sheet.writes).toBe(3);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
  });

  it('is taken once, by a session of the same document only', () => {
    const doc = fakeDoc();
    prepareSheet(doc);
    expect(takePreparedSheet(fakeDoc())).toBeNull();
    prepareSheet(doc);
    expect(takePreparedSheet(doc)).not.toBeNull();
    expect(takePreparedSheet(doc)).toBeNull();
    // Without one, the highlighter makes and writes its own sheet, under names of its own.
    const own = new Highlighter(doc);
    own.setStyle(DEFAULT_SETTINGS.colors, true);
    expect(doc.adoptedStyleSheets).toHaveLength(3);
  });

  it('leaves the page when no session came for it, and stays when one took it', () => {
    const doc = fakeDoc();
    prepareSheet(doc);
    dropPreparedSheet(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
    prepareSheet(doc);
    new Highlighter(doc).setStyle(DEFAULT_SETTINGS.colors, true);
    dropPreparedSheet(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
  });

  it('is not made where the Custom Highlight API is missing (the session draws its own elements there)', () => {
    vi.stubGlobal('Highlight', undefined);
    const doc = fakeDoc();
    expect(prepareSheet(doc)).toBeNull();
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });
});
