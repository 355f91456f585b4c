import type { LibraryNote } from './note';
import type { LibrarySort } from './query';

/** One row of the library's list: a page heading, or a note under it. */
export type LibraryRow =
  | { kind: 'page'; key: string; canonicalUrl: string; url: string; title: string; host: string; count: number }
  | { kind: 'note'; key: string; note: LibraryNote };

interface Group {
  canonicalUrl: string;
  notes: LibraryNote[];
  newest: string;
  best: number;
}

/**
 * Groups notes by page (with the page's title) and orders them: by date
 * (the page with the latest note first, newest note first within it), by page
 * (titles A–Z, notes in reading order), or by relevance to a search (the page
 * with the best hit first, best hit first within it).
 */
export function layoutRows(notes: readonly LibraryNote[], sort: LibrarySort, hits: readonly string[] | null, locale = 'en'): LibraryRow[] {
  const rank = new Map<string, number>();
  hits?.forEach((id, i) => rank.set(id, i));
  const effective: LibrarySort = sort === 'relevance' && !hits ? 'date' : sort;
  const groups = new Map<string, Group>();
  for (const n of notes) {
    let g = groups.get(n.canonicalUrl);
    if (!g) groups.set(n.canonicalUrl, (g = { canonicalUrl: n.canonicalUrl, notes: [], newest: '', best: Infinity }));
    g.notes.push(n);
    const stamp = n.deletedAt ?? n.createdAt;
    if (stamp > g.newest) g.newest = stamp;
    g.best = Math.min(g.best, rank.get(n.id) ?? Infinity);
  }
  const titleOf = (g: Group) => pageTitle(g.notes);
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const ordered = [...groups.values()];
  const byDate = (a: LibraryNote, b: LibraryNote) => ((b.deletedAt ?? b.createdAt) < (a.deletedAt ?? a.createdAt) ? -1 : (b.deletedAt ?? b.createdAt) > (a.deletedAt ?? a.createdAt) ? 1 : 0);
  if (effective === 'date') {
    ordered.sort((a, b) => (b.newest < a.newest ? -1 : b.newest > a.newest ? 1 : 0));
    for (const g of ordered) g.notes.sort(byDate);
  } else if (effective === 'page') {
    ordered.sort((a, b) => collator.compare(titleOf(a), titleOf(b)) || a.canonicalUrl.localeCompare(b.canonicalUrl));
    for (const g of ordered) g.notes.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.createdAt.localeCompare(b.createdAt));
  } else {
    ordered.sort((a, b) => a.best - b.best);
    for (const g of ordered) g.notes.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  }
  const rows: LibraryRow[] = [];
  for (const g of ordered) {
    const first = g.notes[0] as LibraryNote;
    rows.push({ kind: 'page', key: `page:${g.canonicalUrl}`, canonicalUrl: g.canonicalUrl, url: first.url, title: titleOf(g), host: first.host, count: g.notes.length });
    for (const n of g.notes) rows.push({ kind: 'note', key: n.id, note: n });
  }
  return rows;
}

/** The page's title as its latest note saw it; the address when no note recorded one. */
function pageTitle(notes: readonly LibraryNote[]): string {
  let best: LibraryNote | undefined;
  for (const n of notes) if (n.title.trim() && (!best || n.updatedAt > best.updatedAt)) best = n;
  return best?.title.trim() ?? notes[0]?.canonicalUrl ?? '';
}
