import { describe, expect, it } from 'vitest';
import { nextAnchorStatus } from '../../lib/library/anchor-status';
import { layoutRows } from '../../lib/library/layout';
import { inTrash, toLibraryNote, type LibraryNote } from '../../lib/library/note';
import { EMPTY_QUERY, facetsOf, selectNotes, type LibraryQuery } from '../../lib/library/query';
import { NoteIndex } from '../../lib/library/search-index';
import { RowOffsets } from '../../lib/library/windowing';
import { makeAnnotation, uuidFor } from './exchange-fixtures';

let n = 0;
function note(overrides: Partial<LibraryNote> = {}): LibraryNote {
  n += 1;
  const base = toLibraryNote(makeAnnotation({ id: uuidFor(0x500000 + n), quote: `quote number ${n}` }));
  return { ...base, ...overrides };
}

const NOW = new Date('2026-06-30T12:00:00.000Z');
const query = (q: Partial<LibraryQuery>): LibraryQuery => ({ ...EMPTY_QUERY, ...q });

describe('library note', () => {
  it('keeps what the library needs, with the site, the linked claims and the conflict flag', () => {
    const a = makeAnnotation({
      canonicalUrl: 'https://www.laprensagrafica.com/elsalvador/cecot',
      claims: [{ claimId: 'cecot.capacity', relation: 'conflicts' }, { claimId: 'deal.money' }],
      tags: ['cifras'],
    });
    const lib = toLibraryNote(a);
    expect(lib).toMatchObject({ host: 'www.laprensagrafica.com', claims: [{ claimId: 'cecot.capacity', relation: 'conflicts' }, { claimId: 'deal.money' }], conflicts: true, tags: ['cifras'], position: 100 });
    expect(lib).not.toHaveProperty('selectors');
    expect(toLibraryNote(makeAnnotation({ claims: [{ claimId: 'x', relation: 'agrees' }] })).conflicts).toBe(false);
  });

  it('shows a deleted note in the trash for 30 days, not after', () => {
    expect(inTrash({ deletedAt: null }, NOW)).toBe(false);
    expect(inTrash({ deletedAt: '2026-06-01T12:00:01.000Z' }, NOW)).toBe(true);
    expect(inTrash({ deletedAt: '2026-05-31T12:00:00.000Z' }, NOW)).toBe(false);
  });
});

describe('search index', () => {
  const notes = [
    note({ quote: 'La megacárcel tiene capacidad para 40,000 reos', note: 'cifra del gobierno', tags: ['capacidad'] }),
    note({ quote: 'The flights landed in San Salvador', note: 'deportation flights in March', tags: ['vuelos'], title: 'Deportation deal explained' }),
    note({ quote: 'Something else', note: '', tags: [], canonicalUrl: 'https://www.elfaro.net/es/deportados-venezolanos', host: 'www.elfaro.net' }),
  ];

  it('finds words in the quote, the note, the tags, the title and the address', () => {
    const index = new NoteIndex();
    index.upsert(notes);
    expect(index.search('megacárcel')).toEqual([notes[0]!.id]);
    expect(index.search('gobierno')).toEqual([notes[0]!.id]);
    expect(index.search('vuelos')).toEqual([notes[1]!.id]);
    expect(index.search('explained')).toEqual([notes[1]!.id]);
    expect(index.search('venezolanos')).toEqual([notes[2]!.id]);
  });

  it('ignores accents both ways, matches prefixes while typing, and forgives a typo in a long word', () => {
    const index = new NoteIndex();
    index.upsert(notes);
    expect(index.search('megacarcel')).toEqual([notes[0]!.id]);
    expect(index.search('MEGACÁR')).toEqual([notes[0]!.id]);
    expect(index.search('deport')?.sort()).toEqual([notes[1]!.id, notes[2]!.id].sort());
    expect(index.search('deportaton')).toContain(notes[1]!.id);
    // Every word must match.
    expect(index.search('deport vuelos')).toEqual([notes[1]!.id]);
    expect(index.search('deport nada-de-esto')).toEqual([]);
    expect(index.search('  ¿? ')).toBeNull();
  });

  it("finds a deleted note by the words of an edit another device kept in its tombstone, and follows that edit's arrival", () => {
    const index = new NoteIndex();
    const deleted = note({ quote: 'otra cita', note: '', tags: [], deletedAt: '2026-06-20T00:00:00.000Z', revision: 2 });
    index.upsert([deleted]);
    expect(index.search('boasberg')).toEqual([]);
    // The same tombstone, now holding an edit made elsewhere: same revision, same deletion time.
    const withKept = { ...deleted, editedAfterDeletion: { note: 'el juez Boasberg ordenó detener los vuelos', tags: ['tribunales'], verdict: null, updatedAt: '2026-06-21T00:00:00.000Z', deviceId: 'device-b' } };
    expect(index.upsert([withKept])).toBe(1);
    expect(index.search('boasberg')).toEqual([deleted.id]);
    expect(index.search('tribunales')).toEqual([deleted.id]);
  });

  it('follows edits and deletions one note at a time', () => {
    const index = new NoteIndex();
    expect(index.upsert(notes)).toBe(3);
    expect(index.upsert(notes)).toBe(0);
    const edited = { ...notes[2]!, note: 'ahora menciona Bukele', revision: 2, updatedAt: '2026-01-01T00:00:00.000Z' };
    expect(index.upsert([edited])).toBe(1);
    expect(index.search('bukele')).toEqual([edited.id]);
    expect(index.size).toBe(3);
    index.remove([edited.id]);
    expect(index.search('bukele')).toEqual([]);
    expect(index.has(edited.id)).toBe(false);
    expect(index.size).toBe(2);
  });
});

describe('filters', () => {
  const a = note({ host: 'www.elfaro.net', tags: ['Cifras'], verdict: 'inaccurate', claims: [{ claimId: 'c1', relation: 'conflicts' }], conflicts: true, createdAt: '2026-03-01T10:00:00.000Z' });
  const b = note({ host: 'elfaro.net', tags: [], verdict: null, createdAt: '2026-03-05T23:59:00.000Z' });
  const c = note({ host: 'apnews.com', tags: ['vuelos'], verdict: 'accurate', claims: [{ claimId: 'c2' }], createdAt: '2026-04-01T10:00:00.000Z' });
  const gone = note({ deletedAt: '2026-06-20T00:00:00.000Z' });
  const old = note({ deletedAt: '2026-01-01T00:00:00.000Z' });
  const all = [a, b, c, gone, old];
  const ctx = { now: NOW, orphans: new Set([b.id]), hits: null };
  const ids = (q: Partial<LibraryQuery>, hits: string[] | null = null) => selectNotes(all, query(q), { ...ctx, hits }).map((x) => x.id);

  it('keeps live notes and narrows by site (with subdomains), tag, verdict, claim and conflicts', () => {
    expect(ids({})).toEqual([a.id, b.id, c.id]);
    expect(ids({ site: 'elfaro.net' })).toEqual([a.id, b.id]);
    expect(ids({ site: 'www.elfaro.net' })).toEqual([a.id]);
    expect(ids({ tag: 'cifras' })).toEqual([a.id]);
    expect(ids({ verdict: 'accurate' })).toEqual([c.id]);
    expect(ids({ verdict: 'none' })).toEqual([b.id]);
    expect(ids({ claimId: 'c2' })).toEqual([c.id]);
    expect(ids({ conflicts: true })).toEqual([a.id]);
  });

  it('applies the date range by whole days, the orphan and trash views, and the search hits', () => {
    expect(ids({ from: '2026-03-02', to: '2026-03-05' })).toEqual([b.id]);
    expect(ids({ to: '2026-03-01' })).toEqual([a.id]);
    expect(ids({ view: 'orphans' })).toEqual([b.id]);
    expect(ids({ view: 'trash' })).toEqual([gone.id]);
    expect(ids({}, [c.id, a.id])).toEqual([a.id, c.id]);
  });

  it('counts sites, tags and claims for the menus, live notes only', () => {
    const f = facetsOf(all);
    expect(f.sites).toContainEqual({ value: 'www.elfaro.net', count: 1 });
    expect(f.tags.map((t) => t.value).sort()).toEqual(['Cifras', 'vuelos']);
    expect(f.claims).toEqual([
      { value: 'c1', count: 1 },
      { value: 'c2', count: 1 },
    ]);
  });
});

describe('layout', () => {
  const p1 = { canonicalUrl: 'https://a.example/one', url: 'https://a.example/one', title: 'Zeta page' };
  const p2 = { canonicalUrl: 'https://b.example/two', url: 'https://b.example/two', title: 'Alpha page' };
  const x = note({ ...p1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', position: 50 });
  const y = note({ ...p1, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', position: 10 });
  const z = note({ ...p2, createdAt: '2026-01-15T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', position: 0 });

  it('groups notes under their page, by last change with the latest page first', () => {
    const rows = layoutRows([x, z, y], 'date', null);
    expect(rows.map((r) => r.key)).toEqual([`page:${p1.canonicalUrl}`, y.id, x.id, `page:${p2.canonicalUrl}`, z.id]);
    expect(rows[0]).toMatchObject({ kind: 'page', title: 'Zeta page', count: 2 });
  });

  it('orders by page title, notes in reading order; by relevance when searching', () => {
    expect(layoutRows([x, z, y], 'page', null).map((r) => r.key)).toEqual([`page:${p2.canonicalUrl}`, z.id, `page:${p1.canonicalUrl}`, y.id, x.id]);
    expect(layoutRows([x, z, y], 'relevance', [x.id, z.id, y.id]).map((r) => r.key)).toEqual([`page:${p1.canonicalUrl}`, x.id, y.id, `page:${p2.canonicalUrl}`, z.id]);
  });

  it('uses the address for a page without a title', () => {
    const untitled = note({ canonicalUrl: 'https://c.example/x', url: 'https://c.example/x', title: '' });
    expect(layoutRows([untitled], 'date', null)[0]).toMatchObject({ title: 'https://c.example/x' });
  });
});

describe('windowing', () => {
  const rows = new RowOffsets([40, 80, 80, 40, 80]);

  it('finds the rows in view, with overscan, and their tops', () => {
    expect(rows.total).toBe(320);
    expect(rows.rowAt(0)).toBe(0);
    expect(rows.rowAt(39)).toBe(0);
    expect(rows.rowAt(40)).toBe(1);
    expect(rows.rowAt(10_000)).toBe(4);
    expect(rows.visible(100, 100, 0)).toEqual([1, 3]);
    expect(rows.visible(100, 100, 1)).toEqual([0, 4]);
    expect(new RowOffsets([]).visible(0, 100)).toEqual([0, 0]);
  });

  it('says where to scroll to bring a row into view', () => {
    expect(rows.scrollToShow(4, 0, 100)).toBe(220);
    expect(rows.scrollToShow(0, 120, 100)).toBe(0);
    expect(rows.scrollToShow(1, 40, 100)).toBeNull();
  });
});

describe('anchor status', () => {
  const seen = { id: 'n1', canonicalUrl: 'https://a.example/', state: 'orphaned' as const };

  it('keeps the first time a note went missing, and clears it when the note is found again', () => {
    const first = nextAnchorStatus(undefined, seen, new Date('2026-01-01T00:00:00Z'))!;
    expect(first).toMatchObject({ state: 'orphaned', orphanedSince: '2026-01-01T00:00:00.000Z' });
    expect(nextAnchorStatus(first, seen, new Date('2026-01-01T01:00:00Z'))).toBeNull();
    const later = nextAnchorStatus(first, seen, new Date('2026-01-03T00:00:00Z'))!;
    expect(later).toMatchObject({ orphanedSince: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-03T00:00:00.000Z' });
    expect(nextAnchorStatus(later, { ...seen, state: 'attached' }, new Date('2026-01-04T00:00:00Z'))).toMatchObject({ state: 'attached', orphanedSince: null });
  });
});

describe('changes', () => {
  it('keeps unchanged notes, takes new revisions, drops notes that left, and follows orphans', async () => {
    const { applyChanges } = await import('../../lib/library/changes');
    const a = note();
    const b = note();
    const c = note();
    const current = { notes: new Map([a, b, c].map((x) => [x.id, x])), orphans: new Set([b.id]) };
    const b2 = { ...b, note: 'edited', revision: b.revision + 1 };
    const d = note();
    const partial = applyChanges(current, { notes: [b2, d], orphans: [] }, [b.id, c.id, d.id]);
    expect(partial.upserted.map((x) => x.id)).toEqual([b.id, d.id]);
    expect(partial.removed).toEqual([c.id]);
    expect(partial.notes.get(a.id)).toBe(a);
    expect([...partial.orphans]).toEqual([]);
    const full = applyChanges(partial, { notes: [a, b2], orphans: [a.id] }, null);
    expect(full.upserted).toEqual([]);
    expect(full.removed).toEqual([d.id]);
    expect([...full.orphans]).toEqual([a.id]);
  });
});

describe('export of selected notes', () => {
  it('keeps only the given ids, in every format', async () => {
    const { runExport } = await import('../../lib/data/run-export');
    const { ExportRequest } = await import('../../lib/data/export-request');
    const a = makeAnnotation({ note: 'primera' });
    const b = makeAnnotation({ note: 'segunda' });
    const inputs = { annotations: [a, b], claims: [], dataset: { id: 'd', version: '1' }, generator: { name: 'g', version: '1' }, now: NOW };
    for (const format of ['bundle', 'w3c', 'csv', 'markdown'] as const) {
      const out = runExport(ExportRequest.parse({ format, ids: [b.id] }), inputs);
      expect(out.count, format).toBe(1);
      expect(out.text, format).toContain('segunda');
      expect(out.text, format).not.toContain('primera');
    }
  });
});
