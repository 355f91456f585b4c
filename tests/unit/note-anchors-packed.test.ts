import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations/schema';
import { makeHandlers, type BackgroundEffects } from '../../lib/background/handlers';
import { TabRegistry } from '../../lib/background/tab-registry';
import type { DataService } from '../../lib/background/data-service';
import type { LayerService } from '../../lib/background/dataset-layer-service';
import { putAnnotations, tombstoneAnnotation } from '../../lib/store/annotations-repo';
import { packNoteAnchors, unpackNoteAnchors, type PackedNoteAnchors } from '../../lib/store/note-anchors-packed';
import type { NoteAnchor } from '../../lib/store/note-anchors-repo';
import { freshDbs } from './fresh-db';
import { PRIVATE_WORDS, privateNote } from './note-anchors-fixtures';

const PAGE = 'https://news.example/long-read';

function anchor(n: number, over: Partial<NoteAnchor['selectors']> = {}): NoteAnchor {
  const exact = `words the reader marked, number ${n}`;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    color: (['yellow', 'green', 'pink'] as const)[n % 3] as NoteAnchor['color'],
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: `text just before ${n} `, suffix: ` text just after ${n}` },
      position: { type: 'TextPositionSelector', start: n * 120, end: n * 120 + exact.length },
      ...over,
    },
  };
}

/** What the page session reads of a note: the selectors anchoring uses, without code points. */
const drawn = (a: NoteAnchor): NoteAnchor => ({ id: a.id, color: a.color, selectors: { quote: a.selectors.quote, ...(a.selectors.position ? { position: a.selectors.position } : {}) } });

/** Through the wire as the browser carries a message (JSON), back to anchors. */
const roundTrip = (notes: NoteAnchor[]): NoteAnchor[] => unpackNoteAnchors(JSON.parse(JSON.stringify(packNoteAnchors({ notes, invalid: [] }))) as PackedNoteAnchors);

describe('note anchors packed in columns for the page session', () => {
  it('come back as the same anchors, in order, with and without context or position', () => {
    const notes = [anchor(1), anchor(2), { ...anchor(3), selectors: { quote: { type: 'TextQuoteSelector' as const, exact: 'bare quote' } } }, anchor(4)];
    expect(roundTrip(notes)).toEqual(notes.map(drawn));
    expect(roundTrip([])).toEqual([]);
  });

  it('leave the code points behind and carry each colour name once', () => {
    const withCodePoints = Array.from({ length: 300 }, (_, i) => anchor(i, { codePoints: { start: i * 120, end: i * 120 + 10 } }));
    const packed = packNoteAnchors({ notes: withCodePoints, invalid: [] });
    expect(packed.palette.sort()).toEqual(['green', 'pink', 'yellow']);
    expect(JSON.stringify(packed)).not.toContain('codePoints');
    // Half the bytes of the same anchors sent as objects, or less.
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(withCodePoints).length * 0.5);
  });

  it('count the records that did not validate without sending them', () => {
    expect(packNoteAnchors({ notes: [anchor(1)], invalid: [{ id: 'x', error: 'bad' }, { id: 'y', error: 'bad' }] }).invalid).toBe(2);
  });

  it('are refused, not guessed at, when the columns do not line up or a field is malformed', () => {
    const good = packNoteAnchors({ notes: [anchor(1), anchor(2)], invalid: [] });
    const broken: Array<Partial<PackedNoteAnchors>> = [
      { suffix: [null] },
      { colors: [0, 7] },
      { exact: ['', 'b'] },
      { start: [5, null] },
      { start: [10, 10], end: [10, 20] },
      { ids: [good.ids[0] as string, 4 as never] },
    ];
    for (const change of broken) expect(() => unpackNoteAnchors({ ...good, ...change })).toThrow(/note anchors/);
  });
});

describe("the background's answer to the page session's notes request", () => {
  const freshDb = freshDbs('note-anchors-packed');

  function note(n: number, over: Partial<Annotation> = {}): Annotation {
    return privateNote(PAGE, n, anchor(n), over);
  }

  it("is the page's live notes, packed, without their text, read fresh after a write", async () => {
    const db = await freshDb();
    await putAnnotations(db, [note(1), note(2), note(3), note(4, { canonicalUrl: 'https://news.example/other' })]);
    await tombstoneAnnotation(db, note(2).id, 'dev');
    const handlers = makeHandlers(db, async () => ({}) as never, new TabRegistry(), {} as BackgroundEffects, {} as DataService, {} as LayerService);
    const tab = { kind: 'content-script' as const, tabId: 3 };
    const reply = await handlers['annotations/anchors']({ type: 'annotations/anchors', canonicalUrl: PAGE }, tab);
    const sent = JSON.stringify(reply);
    // The notes stored do carry every private word, so their absence from what is sent means something.
    for (const secret of PRIVATE_WORDS) expect(JSON.stringify(note(1))).toContain(secret);
    for (const secret of PRIVATE_WORDS) expect(sent).not.toContain(secret);
    expect(unpackNoteAnchors(JSON.parse(sent))).toEqual([note(1), note(3)].map((n) => drawn({ id: n.id, color: n.color, selectors: n.selectors })));
    await putAnnotations(db, [note(5)]);
    const again = await handlers['annotations/anchors']({ type: 'annotations/anchors', canonicalUrl: PAGE }, tab);
    expect(unpackNoteAnchors(again).map((a) => a.id)).toEqual([note(1).id, note(3).id, note(5).id]);
  });
});
