import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../lib/annotations/schema';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_VERSION, type LensDb } from '../../lib/store/db';
import { putAnnotation, putAnnotations, saveEdit, tombstoneAnnotation } from '../../lib/store/annotations-repo';
import { addTagToAnnotations, deleteAnnotations, restoreAnnotations } from '../../lib/store/library-repo';
import { mergeIntoStore } from '../../lib/store/merge-into-store';
import { listAnchorsForPage } from '../../lib/store/note-anchors-repo';
import { packNoteAnchors, unpackNoteAnchors } from '../../lib/store/note-anchors-packed';
import { buildPageAnchors, readPageAnchors, writeNotes } from '../../lib/store/page-anchors';
import { hostOf } from '../../lib/store/host-of';
import { openedDbs } from './fresh-db';
import { PRIVATE_WORDS, numberedNote } from './note-anchors-fixtures';

const open = openedDbs('page-anchors');
const PAGE = 'https://news.example/cecot';
const OTHER = 'https://news.example/other';

function note(n: number, page = PAGE, over: Partial<Annotation> = {}): Annotation {
  return numberedNote(page, n, over);
}

const stored = (a: Annotation) => ({ ...a, host: hostOf(a.canonicalUrl) });

/** Every page's stored row against the one rebuilt from the notes table now: they must be the same. */
async function expectInStep(db: LensDb): Promise<void> {
  const rows = await db.annotations.toArray();
  const pages = [...new Set(rows.map((r) => r.canonicalUrl))].sort();
  expect((await db.pageAnchors.toCollection().primaryKeys()).sort()).toEqual(pages);
  for (const page of pages) {
    expect(await db.pageAnchors.get(page)).toEqual(buildPageAnchors(page, rows.filter((r) => r.canonicalUrl === page)));
  }
}

describe('schema version 5: the pages’ anchors', () => {
  it('builds every page’s anchors from the notes of a version-4 database, leaving the notes as they were', async () => {
    const name = `page-anchors-v4-${process.pid}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    const deleted = { ...note(3), note: '', tags: [], verdict: null, deletedAt: '2026-11-02T00:00:00.000Z', updatedAt: '2026-11-02T00:00:00.000Z', revision: 2 };
    // A record an older build or another tool left that no longer validates: counted, never drawn.
    const broken = { ...note(4), selectors: { quote: { type: 'TextQuoteSelector' as const, exact: '' } } };
    const records = [note(1), note(2), deleted, broken, note(5, OTHER)].map(stored);
    await old.table('annotations').bulkPut(records);
    old.close();

    const db = open(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(records);
    const page = await db.pageAnchors.get(PAGE);
    expect(page?.anchors.ids).toEqual([note(1).id, note(2).id]);
    expect(page?.anchors.invalid).toBe(1);
    expect(unpackNoteAnchors(page!.anchors)).toEqual([note(1), note(2)].map((n) => ({ id: n.id, color: n.color, selectors: n.selectors })));
    expect((await db.pageAnchors.get(OTHER))?.anchors.ids).toEqual([note(5).id]);
    // What the session is sent comes from these rows, and is what the notes table would have given.
    expect(await readPageAnchors(db, PAGE)).toEqual(packNoteAnchors(await listAnchorsForPage(db, PAGE)));
  });

  it('holds no word the reader wrote', async () => {
    const db = open();
    await putAnnotations(db, [note(1), note(2)]);
    const row = JSON.stringify(await db.pageAnchors.get(PAGE));
    for (const secret of PRIVATE_WORDS) expect(JSON.stringify(note(1))).toContain(secret);
    for (const secret of PRIVATE_WORDS) expect(row).not.toContain(secret);
  });
});

describe('every write to the notes keeps the pages’ anchors in step', () => {
  it('after saves, edits, deletions, restores, tags, merges and a note moved to another page', async () => {
    const db = open();
    const NOW = new Date('2026-11-05T00:00:00.000Z');
    await putAnnotation(db, note(1));
    await expectInStep(db);
    await putAnnotations(db, [note(2), note(3), note(4, OTHER)]);
    await expectInStep(db);
    const created = await saveEdit(db, { target: { url: PAGE, canonicalUrl: PAGE, title: '', quote: 'fresh words', selectors: { quote: { type: 'TextQuoteSelector', exact: 'fresh words' } } }, fields: { note: '', tags: [], verdict: null, color: 'blue', claims: [] } }, 'dev', NOW);
    await expectInStep(db);
    expect((await db.pageAnchors.get(PAGE))?.anchors.ids).toContain(created.id);
    await saveEdit(db, { id: note(2).id, fields: { note: 'changed', tags: [], verdict: null, color: 'pink', claims: [] } }, 'dev', NOW);
    await expectInStep(db);
    expect((await db.pageAnchors.get(PAGE))?.anchors.palette).toContain('pink');
    await tombstoneAnnotation(db, note(1).id, 'dev', NOW);
    await expectInStep(db);
    expect((await db.pageAnchors.get(PAGE))?.anchors.ids).not.toContain(note(1).id);
    await deleteAnnotations(db, [note(2).id, note(3).id, note(2).id], 'dev', NOW);
    await expectInStep(db);
    await restoreAnnotations(db, [note(3).id], 'dev', NOW);
    await expectInStep(db);
    expect((await db.pageAnchors.get(PAGE))?.anchors.ids).toContain(note(3).id);
    await addTagToAnnotations(db, [note(3).id], 'tagged', 'dev', NOW);
    await expectInStep(db);
    // An import moves note 3 to the other page (a newer revision): both pages are rebuilt.
    await mergeIntoStore(db, [{ ...note(3, OTHER), revision: 9, updatedAt: '2026-11-09T00:00:00.000Z' }, note(6, OTHER)]);
    await expectInStep(db);
    expect((await db.pageAnchors.get(PAGE))?.anchors.ids).not.toContain(note(3).id);
    expect((await db.pageAnchors.get(OTHER))?.anchors.ids).toEqual(expect.arrayContaining([note(3).id, note(4).id, note(6).id]));
  });

  it('refuses a write to the notes in a transaction without the anchors, and writes nothing', async () => {
    const db = open();
    await expect(db.annotations.put(stored(note(1)))).rejects.toThrow(/pageAnchors/);
    await expect(db.transaction('rw', db.annotations, () => db.annotations.bulkPut([stored(note(2))]))).rejects.toThrow(/pageAnchors/);
    expect(await db.annotations.count()).toBe(0);
  });

  it('writes the notes and their anchors in one transaction: a failure after leaves neither', async () => {
    const db = open();
    await putAnnotations(db, [note(1)]);
    const failing = db.transaction('rw', db.annotations, db.pageAnchors, async () => {
      await writeNotes(db, [stored(note(2)), stored(note(5, OTHER))]);
      throw new Error('later step failed');
    });
    await expect(failing).rejects.toThrow('later step failed');
    expect(await db.annotations.count()).toBe(1);
    expect(await db.pageAnchors.get(OTHER)).toBeUndefined();
    expect((await db.pageAnchors.get(PAGE))?.anchors.ids).toEqual([note(1).id]);
  });
});

describe('reading a page’s anchors', () => {
  it('serves the page’s row as it is stored', async () => {
    const db = open();
    await putAnnotations(db, [note(1), note(2)]);
    // A row that differs from the notes (written by hand) shows which of the two was read.
    const row = buildPageAnchors(PAGE, [stored(note(7))]);
    await db.pageAnchors.put(row);
    expect(await readPageAnchors(db, PAGE)).toEqual(row.anchors);
  });

  it('falls back to the notes table when the row is missing', async () => {
    const db = open();
    await putAnnotations(db, [note(1), note(2)]);
    await db.pageAnchors.delete(PAGE);
    const report = vi.fn();
    expect((await readPageAnchors(db, PAGE, undefined, report)).ids).toEqual([note(1).id, note(2).id]);
    expect(report).not.toHaveBeenCalled();
    expect((await readPageAnchors(db, 'https://news.example/none', undefined, report)).ids).toEqual([]);
  });

  it('reports a malformed row and reads the notes table instead', async () => {
    const db = open();
    await putAnnotations(db, [note(1), note(2)]);
    const good = (await db.pageAnchors.get(PAGE))!;
    const broken = [
      { ...good, anchors: { ...good.anchors, exact: [good.anchors.exact[0]] } },
      { ...good, anchors: { ...good.anchors, colors: [0, 7] } },
      { ...good, anchors: { ...good.anchors, start: [5, null] } },
      { ...good, anchors: { ...good.anchors, palette: ['red'] } },
      { ...good, anchors: 'not columns' },
    ];
    for (const row of broken) {
      await db.pageAnchors.put(row as never);
      const report = vi.fn();
      const read = await readPageAnchors(db, PAGE, undefined, report);
      expect(read).toEqual(packNoteAnchors(await listAnchorsForPage(db, PAGE)));
      expect(read.ids).toEqual([note(1).id, note(2).id]);
      expect(report).toHaveBeenCalledTimes(1);
      expect(report).toHaveBeenCalledWith(expect.stringMatching(/stored anchors of https:\/\/news\.example\/cecot are malformed \(anchors.*: .+\)/));
    }
  });
});
