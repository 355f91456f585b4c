import { describe, expect, it } from 'vitest';
import { keptEditsOnPage, shorten, whereKeptEditsWereMade } from '../../lib/library/kept-edits';
import { viewOfHash } from '../../lib/library/query';
import type { Annotation, KeptVersion } from '../../lib/annotations/schema';
import { makeAnnotation } from './exchange-fixtures';

const kept = (over: Partial<KeptVersion> = {}): KeptVersion => ({
  note: 'Ask for the ministry’s own figure',
  tags: ['visit'],
  verdict: null,
  color: 'blue',
  claims: [],
  updatedAt: '2025-04-01T10:00:00.000Z',
  revision: 2,
  deviceId: 'laptop',
  deletedAt: null,
  ...over,
});
const tombstone = (conflicts: KeptVersion[], over: Partial<Annotation> = {}): Annotation =>
  makeAnnotation({ note: '', tags: [], deletedAt: '2025-04-01T11:00:00.000Z', conflicts, ...over });

/** This install's device id in these tests; the kept edits come from 'laptop' unless a test says otherwise. */
const HERE = 'desktop';

describe('keptEditsOnPage', () => {
  it('tells an edit made on this device (the deletion came from another) from one made elsewhere', () => {
    const mine = tombstone([kept({ deviceId: HERE })], { deviceId: 'phone' });
    const theirs = tombstone([kept({ deviceId: 'laptop', updatedAt: '2025-04-01T09:00:00.000Z' })], { deviceId: HERE });
    const listed = keptEditsOnPage([mine, theirs], HERE);
    expect(listed.map((k) => [k.id, k.editedHere])).toEqual([
      [mine.id, true],
      [theirs.id, false],
    ]);
    expect(whereKeptEditsWereMade(listed)).toBe('both');
    expect(whereKeptEditsWereMade(keptEditsOnPage([mine], HERE))).toBe('here');
    expect(whereKeptEditsWereMade(keptEditsOnPage([theirs], HERE))).toBe('elsewhere');
  });

  it('lists a deleted note that holds an edit made elsewhere, with the edit’s text and time', () => {
    const t = tombstone([kept()], { quote: 'the visit took place' });
    expect(keptEditsOnPage([t], HERE)).toEqual([
      { id: t.id, quote: 'the visit took place', text: 'Ask for the ministry’s own figure', tags: ['visit'], editedAt: '2025-04-01T10:00:00.000Z', editedHere: false, deletedAt: '2025-04-01T11:00:00.000Z' },
    ]);
  });

  it('leaves out live notes (even with kept versions), plain tombstones, and kept deletions', () => {
    const live = makeAnnotation({ conflicts: [kept()] });
    const plain = tombstone([]);
    const deletedToo = tombstone([kept({ deletedAt: '2025-04-01T09:00:00.000Z' })]);
    expect(keptEditsOnPage([live, plain, deletedToo], HERE)).toEqual([]);
  });

  it('takes the latest kept edit of a note, and lists the latest edits first', () => {
    const a = tombstone([kept({ note: 'older', updatedAt: '2025-04-01T08:00:00.000Z' }), kept({ note: 'newer', updatedAt: '2025-04-02T08:00:00.000Z' })]);
    const b = tombstone([kept({ note: 'newest of all', updatedAt: '2025-05-01T08:00:00.000Z' })]);
    expect(keptEditsOnPage([a, b], HERE).map((k) => k.text)).toEqual(['newest of all', 'newer']);
  });

  it('shortens a long kept text and quote', () => {
    const long = 'word '.repeat(100);
    const [k] = keptEditsOnPage([tombstone([kept({ note: long })], { quote: long })], HERE);
    expect([...k!.text].length).toBeLessThanOrEqual(160);
    expect(k!.text.endsWith('word…')).toBe(true);
    expect([...k!.quote].length).toBeLessThanOrEqual(160);
  });
});

describe('shorten', () => {
  it('keeps short text as it is, with its whitespace flattened', () => {
    expect(shorten('  two\n\nlines  ', 20)).toBe('two lines');
  });
  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(shorten('the quick brown fox jumps over the lazy dog', 20)).toBe('the quick brown fox…');
  });
  it('cuts inside a word that has no boundary near the end, and never splits a surrogate pair', () => {
    expect(shorten('a'.repeat(30), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(shorten('😀'.repeat(30), 10)).toBe(`${'😀'.repeat(9)}…`);
  });
});

describe('viewOfHash', () => {
  it('reads the library’s views from a link fragment, and nothing else', () => {
    expect(viewOfHash('#trash')).toBe('trash');
    expect(viewOfHash('#orphans')).toBe('orphans');
    expect(viewOfHash('')).toBeNull();
    expect(viewOfHash('#note-1')).toBeNull();
  });
});
