/**
 * The library with 10,000 notes: what the reader waits for before the first
 * screen (the background reading the notes back and shaping them, then the
 * page selecting, grouping and laying them out), building the search index
 * (after the first screen), and one search keystroke (search, filter, group).
 * Targets: first screen < 300 ms, a keystroke < 16 ms (one frame).
 */
import { layoutRows } from '../lib/library/layout';
import { toLibraryNote, isListed } from '../lib/library/note';
import { EMPTY_QUERY, facetsOf, selectNotes } from '../lib/library/query';
import { NoteIndex } from '../lib/library/search-index';
import { RowOffsets } from '../lib/library/windowing';
import { readBack } from '../lib/store/annotations-repo';
import type { BenchCase } from './harness';
import { libraryCorpus } from './library-corpus';

export function cases(): BenchCase[] {
  const records = libraryCorpus(10_000);
  const stored = records.map((r) => ({ ...r, host: new URL(r.canonicalUrl).hostname }));
  const notes = records.map(toLibraryNote);
  const baselineText = notes.map((n) => `${n.quote} ${n.note} ${n.title}`).join('\n');
  const now = new Date('2027-01-01T00:00:00Z');
  const ctx = { now, orphans: new Set<string>(), hits: null };
  const index = new NoteIndex();
  index.upsert(notes);
  const firstScreen = () => {
    const map = new Map(notes.map((n) => [n.id, n]));
    const shown = selectNotes([...map.values()], EMPTY_QUERY, ctx);
    const rows = layoutRows(shown, 'date', null);
    const offsets = new RowOffsets(rows.map((r) => (r.kind === 'page' ? 48 : r.note.note ? 100 : 74)));
    return [facetsOf(notes).sites.length, offsets.visible(0, 800)];
  };
  const keystroke = (text: string) => () => {
    const hits = index.search(text);
    const shown = selectNotes(notes, { ...EMPTY_QUERY, text, sort: 'relevance' }, { ...ctx, hits });
    return layoutRows(shown, 'relevance', hits).length;
  };
  // The first screen's slice: the 12 latest changed notes and every other note of their pages.
  const latest = [...stored].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)).slice(0, 12);
  const pages = new Set(latest.map((r) => r.canonicalUrl));
  const slice = stored.filter((r) => pages.has(r.canonicalUrl));
  return [
    {
      name: `library: background shapes the first screen's slice (${slice.length} notes of 10,000)`,
      run: () => readBack(slice).annotations.map(toLibraryNote).filter((n) => isListed(n, now)).length,
      baselineText,
      targetMs: 300,
      note: 'Zod validation of each record read, then the lean shape sent to the page (the IndexedDB read is in the browser bench)',
    },
    {
      name: 'library: background reads back and shapes all 10,000 notes (after the first screen)',
      run: () => readBack(stored).annotations.map(toLibraryNote).filter((n) => isListed(n, now)).length,
      baselineText,
      note: 'Zod validation of every stored record, then the lean shape sent to the page',
    },
    { name: 'library: page prepares the first screen, 10,000 notes', run: firstScreen, baselineText, targetMs: 300, note: 'select, group by page, sort by date, row offsets, filter menus' },
    {
      name: 'library: build the search index, 10,000 notes',
      run: () => {
        const fresh = new NoteIndex();
        fresh.upsert(notes);
        return fresh.size;
      },
      baselineText,
      note: 'after the first screen, in slices of 1,000',
    },
    { name: 'library: search keystroke "megacárcel", 10,000 notes', run: keystroke('megacárcel'), baselineText, targetMs: 16 },
    { name: 'library: search keystroke "dep" (prefix, many hits)', run: keystroke('dep'), baselineText, targetMs: 16 },
    { name: 'library: search keystroke "deportacion vuelos" (fuzzy, two words)', run: keystroke('deportacion vuelos'), baselineText, targetMs: 16 },
    {
      name: 'library: re-index one edited note',
      run: () => index.upsert([{ ...notes[42]!, note: `edited ${Math.random()}`, revision: Math.floor(Math.random() * 1e9) }]),
      baselineText,
      targetMs: 16,
    },
  ];
}
