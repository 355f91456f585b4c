import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2 } from '../../lib/store/db';
import { putAnnotations, saveEdit, tombstoneAnnotation } from '../../lib/store/annotations-repo';
import { mergeIntoStore } from '../../lib/store/merge-into-store';
import { mergeRecords } from '../../lib/merge/merge-annotations';
import { Annotation } from '../../lib/annotations/schema';
import { addTagToAnnotations, deleteAnnotations, listLibrary, listLibraryFirst, purgeOldTrash, recordAnchoring, restoreAnnotations } from '../../lib/store/library-repo';
import { afterTabReport, makeLibraryHandlers, type LibraryEffects } from '../../lib/background/library-handlers';
import { TabRegistry } from '../../lib/background/tab-registry';
import { routeMessage, type Handlers } from '../../lib/messages/route';
import { makeAnnotation, uuidFor } from './exchange-fixtures';
import { openedDbs } from './fresh-db';

const open = openedDbs('library-db');

const NOW = new Date('2026-06-30T12:00:00.000Z');
const page = 'https://www.elfaro.net/es/2025/03/cecot';

describe('schema version 3', () => {
  it('opens a version-2 database with its notes intact and the new tables empty', async () => {
    const name = `library-db-v2-${process.pid}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    const records = [makeAnnotation({ note: 'uno' }), makeAnnotation({ note: 'dos' })].map((a) => ({ ...a, host: 'www.elfaro.net' }));
    await old.table('annotations').bulkPut(records);
    old.close();
    const db = open(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect((await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(records.sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.anchorStatus.count()).toBe(0);
    expect(await db.trash.count()).toBe(0);
  });
});

describe('trash and restore', () => {
  it('restores a deleted note with its text, as a new revision that syncs', async () => {
    const db = open();
    const a = makeAnnotation({ note: 'lo que escribí', tags: ['cifras'], verdict: 'misleading', claims: [{ claimId: 'c1', relation: 'conflicts' }] });
    await putAnnotations(db, [a]);
    const tomb = await tombstoneAnnotation(db, a.id, 'device-b', new Date('2026-06-20T00:00:00.000Z'));
    expect(tomb).toMatchObject({ note: '', tags: [], revision: 2 });
    const inTrash = await listLibrary(db, NOW);
    expect(inTrash.notes.map((x) => [x.id, x.deletedAt])).toEqual([[a.id, '2026-06-20T00:00:00.000Z']]);

    const [back] = await restoreAnnotations(db, [a.id], 'device-b', NOW);
    expect(back).toMatchObject({ note: 'lo que escribí', tags: ['cifras'], verdict: 'misleading', claims: [{ claimId: 'c1', relation: 'conflicts' }], deletedAt: null, revision: 3, deviceId: 'device-b' });
    expect(await db.trash.count()).toBe(0);
    // A live note is not restored again.
    expect(await restoreAnnotations(db, [a.id], 'device-b', NOW)).toEqual([]);
  });

  it('a plain restore is a new write: it wins over the tombstone it restores on every device, with nothing kept as a conflict', async () => {
    const a = open();
    const b = open();
    const note = makeAnnotation({ note: 'kept words', tags: ['cifras'], deviceId: 'device-a' });
    await putAnnotations(a, [note]);
    const tomb = await tombstoneAnnotation(a, note.id, 'device-a', new Date('2026-06-20T00:00:00.000Z'));
    // The other device received the deletion before the restore.
    await putAnnotations(b, [tomb!]);
    const [back] = await restoreAnnotations(a, [note.id], 'device-a', NOW);
    expect(back).toMatchObject({ note: 'kept words', deletedAt: null });
    for (const merged of [mergeRecords(back!, tomb!), mergeRecords(tomb!, back!)]) {
      expect(merged).toEqual(back);
      expect(merged.conflicts).toBeUndefined();
    }
    await mergeIntoStore(b, [back!]);
    const there = Annotation.parse(await b.annotations.get(note.id));
    expect(there).toMatchObject({ note: 'kept words', deletedAt: null });
    expect(there.conflicts).toBeUndefined();
  });

  it('a note deleted on one device and edited on another shows the edit in the trash, for good, and a restore brings the edit back on both', async () => {
    const a = open();
    const b = open();
    const note = makeAnnotation({ note: 'first words', tags: ['cifras'], deviceId: 'device-a' });
    await putAnnotations(a, [note]);
    await putAnnotations(b, [note]);
    // Neither device has seen the other's change.
    const edited = await saveEdit(b, { id: note.id, fields: { note: 'words added on the laptop', tags: ['cifras', 'laptop'], verdict: 'disputed', color: 'blue', claims: [] } }, 'device-b', new Date('2026-06-01T10:00:00.000Z'));
    await tombstoneAnnotation(a, note.id, 'device-a', new Date('2026-06-01T11:00:00.000Z'));
    await mergeIntoStore(a, [edited]);
    const merged = Annotation.parse(await a.annotations.get(note.id));
    expect(merged.deletedAt).not.toBeNull();

    // Months later the tombstone is past the trash's 30 days, yet the edit it holds is still listed there.
    const later = new Date('2026-11-01T00:00:00.000Z');
    const [listed] = (await listLibrary(a, later)).notes;
    expect(listed).toMatchObject({ id: note.id, editedAfterDeletion: { note: 'words added on the laptop', tags: ['cifras', 'laptop'], verdict: 'disputed', deviceId: 'device-b' } });

    const [back] = await restoreAnnotations(a, [note.id], 'device-a', later);
    expect(back).toMatchObject({ note: 'words added on the laptop', tags: ['cifras', 'laptop'], verdict: 'disputed', color: 'blue', deletedAt: null });
    expect(back!.conflicts).toBeUndefined();
    expect((await listLibrary(a, later)).notes[0]!.editedAfterDeletion).toBeUndefined();
    // The restore has seen the deletion and the edit: it wins over both, whichever way they meet.
    for (const other of [edited, merged]) {
      expect(mergeRecords(back!, other)).toEqual(back);
      expect(mergeRecords(other, back!)).toEqual(back);
    }
  });

  it('leaves out tombstones older than 30 days and purges their copies', async () => {
    const db = open();
    const a = makeAnnotation();
    await putAnnotations(db, [a]);
    await tombstoneAnnotation(db, a.id, 'd', new Date('2026-05-01T00:00:00.000Z'));
    expect((await listLibrary(db, NOW)).notes).toEqual([]);
    expect(await purgeOldTrash(db, NOW)).toBe(1);
    expect(await db.annotations.count()).toBe(1);
  });
});

describe('bulk actions', () => {
  it('adds a tag once per note and deletes many notes in one go', async () => {
    const db = open();
    const notes = [makeAnnotation({ tags: ['Vuelos'] }), makeAnnotation(), makeAnnotation()];
    await putAnnotations(db, notes);
    const tagged = await addTagToAnnotations(db, notes.map((x) => x.id), 'vuelos', 'd', NOW);
    expect(tagged.map((x) => x.id)).toEqual([notes[1]!.id, notes[2]!.id]);
    expect(tagged[0]).toMatchObject({ tags: ['vuelos'], revision: 2 });
    await expect(addTagToAnnotations(db, [notes[0]!.id], '  ', 'd', NOW)).rejects.toThrow('tag');
    const gone = await deleteAnnotations(db, [notes[0]!.id, notes[1]!.id, uuidFor(999)], 'd', NOW);
    expect(gone.map((x) => x.id)).toEqual([notes[0]!.id, notes[1]!.id]);
    expect(await db.trash.count()).toBe(2);
  });
});

describe('anchor status', () => {
  it('records orphans from a report, only for notes of the reported page', async () => {
    const db = open();
    const mine = makeAnnotation({ canonicalUrl: page });
    const other = makeAnnotation({ canonicalUrl: 'https://apnews.com/other', url: 'https://apnews.com/other' });
    await putAnnotations(db, [mine, other]);
    expect(await recordAnchoring(db, { canonicalUrl: page, anchoring: { attached: [], orphans: [mine.id, other.id] } }, NOW)).toEqual([mine.id]);
    expect((await listLibrary(db, NOW)).orphans).toEqual([mine.id]);
    // The same visit again writes nothing; finding the note again clears it.
    expect(await recordAnchoring(db, { canonicalUrl: page, anchoring: { attached: [], orphans: [mine.id] } }, NOW)).toEqual([]);
    expect(await recordAnchoring(db, { canonicalUrl: page, anchoring: { attached: [mine.id], orphans: [] } }, NOW)).toEqual([mine.id]);
    expect((await listLibrary(db, NOW)).orphans).toEqual([]);
  });
});

function effects(): LibraryEffects & { calls: Record<string, unknown[][]> } {
  const calls: Record<string, unknown[][]> = { notesChanged: [], notifyAnnotationsChanged: [], showTab: [], openTab: [], scrollTabToNote: [] };
  return {
    calls,
    notesChanged: (...a) => void calls.notesChanged!.push(a),
    notifyAnnotationsChanged: (...a) => void calls.notifyAnnotationsChanged!.push(a),
    showTab: async (...a) => void calls.showTab!.push(a),
    openTab: async (...a) => {
      calls.openTab!.push(a);
      return 42;
    },
    scrollTabToNote: (...a) => void calls.scrollTabToNote!.push(a),
    now: () => NOW,
  };
}

describe('library messages', () => {
  const self = { id: 'self', origin: 'chrome-extension://self' };
  const libraryPage = { id: 'self', url: 'chrome-extension://self/library.html' };
  const contentScript = { id: 'self', tabId: 3, frameId: 0, url: 'https://news.example/story' };
  const page = { kind: 'extension-page' as const };

  it('are refused from a content script, answered for an extension page', async () => {
    const db = open();
    await putAnnotations(db, [makeAnnotation()]);
    const handlers = makeLibraryHandlers(db, new TabRegistry(), effects()) as unknown as Handlers;
    const id = uuidFor(1);
    for (const message of [
      { type: 'library/list' },
      { type: 'library/restore', ids: [id] },
      { type: 'library/bulk', ids: [id], action: { kind: 'delete' } },
      { type: 'tab/open-note', id },
    ]) {
      const reply = await routeMessage(message, contentScript, self, handlers);
      expect(reply, message.type).toEqual({ ok: false, error: expect.stringMatching(/^refused/) });
    }
    const reply = await routeMessage({ type: 'library/list' }, libraryPage, self, handlers);
    expect(reply).toMatchObject({ ok: true, data: { notes: [expect.objectContaining({ quote: expect.any(String) })] } });
  });

  it('opens a note in a new tab and scrolls once the page reports it anchored', async () => {
    const db = open();
    const a = makeAnnotation();
    await putAnnotations(db, [a]);
    const tabs = new TabRegistry();
    const fx = effects();
    const handlers = makeLibraryHandlers(db, tabs, fx);
    expect(await handlers['tab/open-note']({ type: 'tab/open-note', id: a.id }, page)).toEqual({ tabId: 42, opened: 'new' });
    expect(fx.calls.openTab).toEqual([[a.url]]);
    const report = { canonicalUrl: a.canonicalUrl, anchoring: { attached: [] as string[], orphans: [] as string[] } } as never;
    await afterTabReport(db, tabs, fx, 42, report);
    expect(fx.calls.scrollTabToNote).toEqual([]);
    await afterTabReport(db, tabs, fx, 42, { canonicalUrl: a.canonicalUrl, anchoring: { attached: [a.id], orphans: [] } } as never);
    expect(fx.calls.scrollTabToNote).toEqual([[42, a.id]]);
    // Only once.
    await afterTabReport(db, tabs, fx, 42, { canonicalUrl: a.canonicalUrl, anchoring: { attached: [a.id], orphans: [] } } as never);
    expect(fx.calls.scrollTabToNote).toHaveLength(1);
  });

  it('focuses the tab already showing the page and scrolls at once', async () => {
    const db = open();
    const a = makeAnnotation();
    await putAnnotations(db, [a]);
    const tabs = new TabRegistry();
    await tabs.setReport(7, { canonicalUrl: a.canonicalUrl, anchoring: { attached: [a.id], orphans: [] } } as never);
    const fx = effects();
    const handlers = makeLibraryHandlers(db, tabs, fx);
    expect(await handlers['tab/open-note']({ type: 'tab/open-note', id: a.id }, page)).toEqual({ tabId: 7, opened: 'existing' });
    expect(fx.calls.showTab).toEqual([[7]]);
    expect(fx.calls.scrollTabToNote).toEqual([[7, a.id]]);
  });

  it('opens a new tab when the tab that showed the page is gone', async () => {
    const db = open();
    const a = makeAnnotation();
    await putAnnotations(db, [a]);
    const tabs = new TabRegistry();
    await tabs.setReport(7, { canonicalUrl: a.canonicalUrl, anchoring: { attached: [a.id], orphans: [] } } as never);
    const fx = effects();
    fx.showTab = async () => {
      throw new Error('No tab with id: 7');
    };
    const handlers = makeLibraryHandlers(db, tabs, fx);
    expect(await handlers['tab/open-note']({ type: 'tab/open-note', id: a.id }, page)).toEqual({ tabId: 42, opened: 'new' });
    expect(await tabs.tabsShowing(a.canonicalUrl)).toEqual([]);
  });

  it('tells pages and tabs what a bulk action changed', async () => {
    const db = open();
    const a = makeAnnotation();
    await putAnnotations(db, [a]);
    const fx = effects();
    const handlers = makeLibraryHandlers(db, new TabRegistry(), fx);
    expect(await handlers['library/bulk']({ type: 'library/bulk', ids: [a.id], action: { kind: 'tag', tag: 'x' } }, page)).toEqual({ changed: 1 });
    expect(fx.calls.notesChanged).toEqual([[[a.id]]]);
    expect(fx.calls.notifyAnnotationsChanged).toEqual([[undefined, a.canonicalUrl]]);
    vi.restoreAllMocks();
  });
});

describe('first screen', () => {
  it('returns the latest changed notes and the rest of their pages, complete, in the same order as the whole list', async () => {
    const { layoutRows } = await import('../../lib/library/layout');
    const db = open();
    const records = Array.from({ length: 60 }, (_, i) =>
      makeAnnotation({
        id: uuidFor(0x700000 + i),
        canonicalUrl: `https://news.example.org/p/${i % 6}`,
        url: `https://news.example.org/p/${i % 6}`,
        updatedAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 60) * 3_600_000).toISOString(),
      }),
    );
    await putAnnotations(db, records);
    const first = await listLibraryFirst(db, NOW, 5);
    expect(first.complete).toBe(false);
    const whole = await listLibrary(db, NOW);
    expect(whole.complete).toBe(true);
    const pages = new Set(first.notes.map((n) => n.canonicalUrl));
    expect(pages.size).toBeLessThan(6);
    // Every note of those pages is there, and the first screen's rows are the top of the whole list's rows.
    expect(first.notes.length).toBe(whole.notes.filter((n) => pages.has(n.canonicalUrl)).length);
    const firstRows = layoutRows(first.notes, 'date', null).map((r) => r.key);
    expect(layoutRows(whole.notes, 'date', null).map((r) => r.key).slice(0, firstRows.length)).toEqual(firstRows);
  });
});
