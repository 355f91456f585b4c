import type { LibraryNote } from './note';
import type { LibrarySort } from './query';

/** One row of the library's list: a page heading, or a note under it. */
export type LibraryRow =
  | { kind: 'page'; key: string; canonicalUrl: string; url: string; title: string; host: string; count: number }
  | { kind: 'note'; key: string; note: LibraryNote };

/** The date order is by last change (a deletion is one): the database's `updatedAt` index serves the first screen in that order. */
const stampOf = (n: LibraryNote) => n.updatedAt;

/**
 * Groups notes by page (with the page's title) and orders them: by date
 * (the page with the latest change first, latest change first within it), by page
 * (titles A–Z, notes in reading order), or by relevance to a search (the page
 * with the best hit first, best hit first within it).
 *
 * Runs on every keystroke of a search: the notes are put in order once and the
 * groups formed in that order (a page's place is that of its first note), so
 * the cost is one sort, or none for relevance (the hits come ordered).
 */
export function layoutRows(notes: readonly LibraryNote[], sort: LibrarySort, hits: readonly string[] | null, locale = 'en'): LibraryRow[] {
  const effective: LibrarySort = sort === 'relevance' && !hits ? 'date' : sort;
  let ordered: LibraryNote[];
  if (effective === 'relevance') {
    const byId = new Map(notes.map((n) => [n.id, n]));
    ordered = [];
    for (const id of hits ?? []) {
      const n = byId.get(id);
      if (n) ordered.push(n);
    }
  } else if (effective === 'date') {
    ordered = [...notes].sort((a, b) => {
      const x = stampOf(a);
      const y = stampOf(b);
      return x < y ? 1 : x > y ? -1 : 0;
    });
  } else {
    ordered = [...notes].sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  const groups = new Map<string, LibraryNote[]>();
  for (const n of ordered) {
    const g = groups.get(n.canonicalUrl);
    if (g) g.push(n);
    else groups.set(n.canonicalUrl, [n]);
  }
  let pages = [...groups.values()].map((g) => ({ notes: g, title: pageTitle(g) }));
  if (effective === 'page') {
    const collator = collatorFor(locale);
    pages = pages.sort((a, b) => collator.compare(a.title, b.title) || (a.notes[0] as LibraryNote).canonicalUrl.localeCompare((b.notes[0] as LibraryNote).canonicalUrl));
  }

  const rows: LibraryRow[] = [];
  for (const { notes: g, title } of pages) {
    const first = g[0] as LibraryNote;
    rows.push({ kind: 'page', key: `page:${first.canonicalUrl}`, canonicalUrl: first.canonicalUrl, url: first.url, title, host: first.host, count: g.length });
    for (const n of g) rows.push({ kind: 'note', key: n.id, note: n });
  }
  return rows;
}

const collators = new Map<string, Intl.Collator>();
/** Building a collator costs about a millisecond: one per locale. */
function collatorFor(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return c;
}

/** The page's title as its latest note saw it; the address when no note recorded one. */
function pageTitle(notes: readonly LibraryNote[]): string {
  let best: LibraryNote | undefined;
  for (const n of notes) if (n.title.trim() && (!best || n.updatedAt > best.updatedAt)) best = n;
  return best?.title.trim() ?? notes[0]?.canonicalUrl ?? '';
}
