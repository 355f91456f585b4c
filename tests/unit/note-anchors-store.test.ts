import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations/schema';
import { PageNotesPrefetch, PREFETCH_TTL_MS } from '../../lib/background/page-notes-prefetch';
import { putAnnotation, putAnnotations, tombstoneAnnotation } from '../../lib/store/annotations-repo';
import { listAnchorsForPage, onAnnotationsWritten, readAnchorsBack, type NoteAnchorList } from '../../lib/store/note-anchors-repo';
import { freshDbs } from './fresh-db';
import { PRIVATE_WORDS, numberedNote } from './note-anchors-fixtures';

const freshDb = freshDbs('note-anchors');
const PAGE = 'https://news.example/cecot';

function note(n: number, over: Partial<Annotation> = {}): Annotation {
  return numberedNote(PAGE, n, over);
}

describe("a page's notes as the page session receives them", () => {
  it('carries place and colour of every live note, never what the reader wrote', async () => {
    const db = await freshDb();
    await putAnnotations(db, [note(1), note(2), note(3), { ...note(4), canonicalUrl: 'https://news.example/other' }]);
    await tombstoneAnnotation(db, note(3).id, 'dev');
    const list = await listAnchorsForPage(db, PAGE);
    expect(list.invalid).toEqual([]);
    expect(list.notes.map((n) => n.id)).toEqual([note(1).id, note(2).id]);
    expect(list.notes[1]).toEqual({ id: note(2).id, color: 'yellow', selectors: note(2).selectors });
    const sent = JSON.stringify(list);
    // The notes stored do carry every private word, so their absence from what is sent means something.
    for (const secret of PRIVATE_WORDS) expect(JSON.stringify(note(1))).toContain(secret);
    for (const secret of PRIVATE_WORDS) expect(sent).not.toContain(secret);
  });

  it('reports a record that no longer validates by its id, and still sends the valid ones', () => {
    const broken = { ...note(2), selectors: { quote: { type: 'TextQuoteSelector', exact: '' } } };
    const list = readAnchorsBack([note(1), broken, { nothing: true }, note(3)]);
    expect(list.notes.map((n) => n.id)).toEqual([note(1).id, note(3).id]);
    expect(list.invalid.map((i) => i.id)).toEqual([note(2).id, '(no id)']);
    expect(list.invalid[0]?.error).toMatch(/selectors\.quote\.exact/);
  });

  it('is told of every committed write to the notes, not of other tables', async () => {
    const db = await freshDb();
    let writes = 0;
    const stop = onAnnotationsWritten(db, () => (writes += 1));
    await putAnnotation(db, note(1));
    await db.meta.put({ key: 'unrelated', value: 1 } as never);
    await new Promise((r) => setTimeout(r, 20));
    stop();
    await putAnnotation(db, note(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toBe(1);
  });
});

describe('notes read during activation', () => {
  const list = (id: string): NoteAnchorList => ({ notes: [{ id, color: 'yellow', selectors: note(1).selectors }], invalid: [] });

  it("serves the session's first request from the read started at activation, once", async () => {
    let reads = 0;
    const prefetch = new PageNotesPrefetch(async () => list(`read ${++reads}`), () => 0);
    prefetch.prefetch(PAGE);
    expect(reads).toBe(1);
    expect((await prefetch.take(PAGE)).notes[0]?.id).toBe('read 1');
    expect((await prefetch.take(PAGE)).notes[0]?.id).toBe('read 2');
  });

  it('reads afresh after a write, for another page, and when the prefetch is stale', async () => {
    let reads = 0;
    let now = 0;
    const prefetch = new PageNotesPrefetch(async (url) => list(`${url} ${++reads}`), () => now);
    prefetch.prefetch(PAGE);
    prefetch.invalidate();
    expect((await prefetch.take(PAGE)).notes[0]?.id).toBe(`${PAGE} 2`);
    prefetch.prefetch(PAGE);
    expect((await prefetch.take('https://news.example/b')).notes[0]?.id).toBe('https://news.example/b 4');
    now = PREFETCH_TTL_MS + 1;
    expect((await prefetch.take(PAGE)).notes[0]?.id).toBe(`${PAGE} 5`);
  });

  it('hands a read done before the deadline over to the injection, once; a later request reads again', async () => {
    let reads = 0;
    const prefetch = new PageNotesPrefetch(async () => list(`read ${++reads}`), () => 0);
    prefetch.prefetch(PAGE);
    expect((await prefetch.handOver(PAGE, new Promise(() => {})))?.notes[0]?.id).toBe('read 1');
    expect(await prefetch.handOver(PAGE, Promise.resolve())).toBeUndefined();
    expect((await prefetch.take(PAGE)).notes[0]?.id).toBe('read 2');
  });

  it('hands nothing over when the read is late, failed or outdated, and leaves a late one for the request', async () => {
    let reads = 0;
    let finish: (l: NoteAnchorList) => void = () => {};
    const prefetch = new PageNotesPrefetch(() => (++reads === 1 ? new Promise<NoteAnchorList>((resolve) => (finish = resolve)) : Promise.resolve(list(`read ${reads}`))), () => 0);
    prefetch.prefetch(PAGE);
    expect(await prefetch.handOver(PAGE, Promise.resolve())).toBeUndefined();
    finish(list('read 1'));
    // The late read is still the session's first request's (no second read).
    expect((await prefetch.take(PAGE)).notes[0]?.id).toBe('read 1');
    expect(reads).toBe(1);
    // A write while it was read: not handed over.
    let again: (l: NoteAnchorList) => void = () => {};
    const slow = new PageNotesPrefetch(() => new Promise<NoteAnchorList>((resolve) => (again = resolve)), () => 0);
    slow.prefetch(PAGE);
    const handed = slow.handOver(PAGE, new Promise(() => {}));
    slow.invalidate();
    again(list('before the write'));
    expect(await handed).toBeUndefined();
    // A failed read, and no read at all.
    const failing = new PageNotesPrefetch(() => Promise.reject(new Error('disk gone')), () => 0);
    failing.prefetch(PAGE);
    expect(await failing.handOver(PAGE, new Promise(() => {}))).toBeUndefined();
    expect(await failing.handOver('https://news.example/never-read', new Promise(() => {}))).toBeUndefined();
  });

  it('passes a failed read on to the request, without an unhandled rejection before it', async () => {
    const prefetch = new PageNotesPrefetch(() => Promise.reject(new Error('disk gone')), () => 0);
    prefetch.prefetch(PAGE);
    await new Promise((r) => setTimeout(r, 10));
    await expect(prefetch.take(PAGE)).rejects.toThrow('disk gone');
  });
});
