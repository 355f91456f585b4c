import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { asNotesIndex, buildNotesIndex, notesIndexHas, notesIndexSize, urlKey, type NotesIndex } from '../../lib/notes-index/notes-index';
import { keepNotesIndex, type NotesIndexStore } from '../../lib/notes-index/keeper';
import { putAnnotations, saveEdit, tombstoneAnnotation } from '../../lib/store/annotations-repo';
import { makeAnnotation } from './exchange-fixtures';
import { openedDbs } from './fresh-db';

describe('notes index', () => {
  const urls = Array.from({ length: 500 }, (_, i) => `https://news.example/${i % 7}/story-${i}`);
  const index = buildNotesIndex(urls, 'salt-1', 'stamp');

  it('holds every URL it was built from, and (almost) nothing else', () => {
    for (const u of urls) expect(notesIndexHas(index, u)).toBe(true);
    const others = Array.from({ length: 5000 }, (_, i) => `https://news.example/other/${i}`);
    const falsePositives = others.filter((u) => notesIndexHas(index, u)).length;
    expect(falsePositives).toBeLessThanOrEqual(1);
    expect(notesIndexHas(buildNotesIndex([], 's', ''), urls[0] as string)).toBe(false);
  });

  it('stores hashes only: no URL, no note, one 8-digit key per page', () => {
    expect(notesIndexSize(index)).toBe(500);
    expect(index.keys).toMatch(/^[0-9a-f]+$/);
    expect(JSON.stringify(index)).not.toContain('news.example');
  });

  it('a new salt gives other keys, so stored hashes cannot be compared with a table of popular URLs', () => {
    expect(urlKey('a', 'https://x.example/')).not.toBe(urlKey('b', 'https://x.example/'));
    const again = buildNotesIndex(urls, 'salt-2', 'stamp');
    expect(again.keys).not.toBe(index.keys);
    for (const u of urls.slice(0, 20)) expect(notesIndexHas(again, u)).toBe(true);
  });

  it('reads back only a well-formed index', () => {
    expect(asNotesIndex(JSON.parse(JSON.stringify(index)))).toEqual(index);
    for (const bad of [null, 'x', {}, { ...index, v: 2 }, { ...index, keys: 'abc' }, { ...index, salt: 1 }]) expect(asNotesIndex(bad)).toBeNull();
  });
});

const openDb = openedDbs('notes-index');

function memoryStore(): NotesIndexStore & { current: NotesIndex | null; writes: number } {
  let salt = 0;
  const store = {
    current: null as NotesIndex | null,
    writes: 0,
    read: async () => store.current,
    write: async (index: NotesIndex) => {
      store.current = index;
      store.writes++;
    },
    newSalt: () => `salt-${++salt}`,
  };
  return store;
}

describe('keeping the index in step with the annotations table', () => {
  it('follows saves, deletions and bulk writes (imports, syncs), and lists live notes only', async () => {
    const db = openDb();
    const store = memoryStore();
    const keeper = keepNotesIndex(db, store);
    await keeper.settled();
    expect(store.current && notesIndexSize(store.current)).toBe(0);

    const page = 'https://news.example/a';
    const saved = await saveEdit(
      db,
      { target: { url: page, canonicalUrl: page, title: 'A', quote: 'some words', selectors: { quote: { type: 'TextQuoteSelector', exact: 'some words' } } }, fields: { note: 'n', tags: [], verdict: null, color: 'yellow', claims: [] } },
      'device-a',
    );
    await keeper.settled();
    expect(notesIndexHas(store.current as NotesIndex, page)).toBe(true);

    await putAnnotations(db, [
      makeAnnotation({ canonicalUrl: 'https://news.example/b', url: 'https://news.example/b' }),
      makeAnnotation({ canonicalUrl: 'https://news.example/gone', url: 'https://news.example/gone', deletedAt: '2025-03-21T00:00:00.000Z' }),
    ]);
    await keeper.settled();
    expect(notesIndexHas(store.current as NotesIndex, 'https://news.example/b')).toBe(true);
    expect(notesIndexHas(store.current as NotesIndex, 'https://news.example/gone')).toBe(false);

    await tombstoneAnnotation(db, saved.id, 'device-a');
    await keeper.settled();
    expect(notesIndexHas(store.current as NotesIndex, page)).toBe(false);
    expect(notesIndexSize(store.current as NotesIndex)).toBe(1);
    keeper.dispose();
  });

  it('at start, rebuilds an index that missed writes, and leaves a current one alone', async () => {
    const db = openDb();
    const store = memoryStore();
    await putAnnotations(db, [makeAnnotation({ canonicalUrl: 'https://news.example/c', url: 'https://news.example/c' })]);
    // Written while no keeper ran (the service worker stopped before the rebuild).
    const first = keepNotesIndex(db, store);
    await first.settled();
    first.dispose();
    expect(notesIndexHas(store.current as NotesIndex, 'https://news.example/c')).toBe(true);
    const writes = store.writes;

    const second = keepNotesIndex(db, store);
    await second.settled();
    second.dispose();
    expect(store.writes).toBe(writes);

    await putAnnotations(db, [makeAnnotation({ canonicalUrl: 'https://news.example/d', url: 'https://news.example/d' })]);
    const third = keepNotesIndex(db, store);
    await third.settled();
    third.dispose();
    expect(notesIndexHas(store.current as NotesIndex, 'https://news.example/d')).toBe(true);
  });
});
