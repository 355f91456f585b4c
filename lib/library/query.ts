import { Verdict } from '../annotations/schema';
import type { LibraryNote } from './note';
import { inTrash } from './note';

/** Which notes the library shows: all live notes, only orphans, or the trash. */
export type LibraryView = 'notes' | 'orphans' | 'trash';
export type LibrarySort = 'date' | 'page' | 'relevance';

/** The reader's filters. Empty strings mean "any". */
export interface LibraryQuery {
  text: string;
  view: LibraryView;
  site: string;
  tag: string;
  /** A verdict, 'none' for notes without one, '' for any. */
  verdict: Verdict | 'none' | '';
  claimId: string;
  /** Inclusive, YYYY-MM-DD, on the note's creation day (UTC). */
  from: string;
  to: string;
  /** Only notes linked to a dataset claim as "conflicts". */
  conflicts: boolean;
  sort: LibrarySort;
}

export const EMPTY_QUERY: LibraryQuery = { text: '', view: 'notes', site: '', tag: '', verdict: '', claimId: '', from: '', to: '', conflicts: false, sort: 'date' };

/** The view a link to the library asks for (`library.html#trash`, `#orphans`), or null for any other fragment. */
export function viewOfHash(hash: string): LibraryView | null {
  const name = hash.replace(/^#/, '').toLowerCase();
  return name === 'trash' || name === 'orphans' || name === 'notes' ? name : null;
}

export interface SelectContext {
  now: Date;
  /** Ids of orphaned notes. */
  orphans: ReadonlySet<string>;
  /** The search's hits best first, or null when there is no text to search for. */
  hits: readonly string[] | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The notes that pass every filter, unordered (see `layoutRows` for the order). */
export function selectNotes(notes: readonly LibraryNote[], q: LibraryQuery, ctx: SelectContext): LibraryNote[] {
  const from = DAY.test(q.from) ? Date.parse(`${q.from}T00:00:00Z`) : -Infinity;
  const to = DAY.test(q.to) ? Date.parse(`${q.to}T00:00:00Z`) + 86_400_000 - 1 : Infinity;
  const tag = q.tag.toLowerCase();
  const hits = ctx.hits ? new Set(ctx.hits) : null;
  const verdict = q.verdict === 'none' ? null : q.verdict === '' ? undefined : Verdict.parse(q.verdict);
  return notes.filter((n) => {
    if (q.view === 'trash') {
      if (!inTrash(n, ctx.now)) return false;
    } else {
      if (n.deletedAt !== null) return false;
      if (q.view === 'orphans' && !ctx.orphans.has(n.id)) return false;
    }
    if (hits && !hits.has(n.id)) return false;
    if (q.site && n.host !== q.site && !n.host.endsWith(`.${q.site}`)) return false;
    if (tag && !n.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (verdict !== undefined && n.verdict !== verdict) return false;
    if (q.claimId && !n.claims.some((c) => c.claimId === q.claimId)) return false;
    if (q.conflicts && !n.conflicts) return false;
    if (from !== -Infinity || to !== Infinity) {
      const t = Date.parse(n.createdAt);
      if (t < from || t > to) return false;
    }
    return true;
  });
}

/** What the filter menus offer, counted over the notes in view (live or trash). */
export interface Facets {
  sites: { value: string; count: number }[];
  tags: { value: string; count: number }[];
  claims: { value: string; count: number }[];
}

export function facetsOf(notes: readonly LibraryNote[]): Facets {
  const sites = new Map<string, number>();
  const tags = new Map<string, { label: string; count: number }>();
  const claims = new Map<string, number>();
  for (const n of notes) {
    if (n.deletedAt !== null) continue;
    sites.set(n.host, (sites.get(n.host) ?? 0) + 1);
    for (const t of n.tags) {
      const key = t.toLowerCase();
      const e = tags.get(key);
      if (e) e.count += 1;
      else tags.set(key, { label: t, count: 1 });
    }
    for (const c of new Set(n.claims.map((l) => l.claimId))) claims.set(c, (claims.get(c) ?? 0) + 1);
  }
  const byCount = (a: { value: string; count: number }, b: { value: string; count: number }) => b.count - a.count || a.value.localeCompare(b.value);
  return {
    sites: [...sites].map(([value, count]) => ({ value, count })).sort(byCount),
    tags: [...tags.values()].map(({ label, count }) => ({ value: label, count })).sort(byCount),
    claims: [...claims].map(([value, count]) => ({ value, count })).sort(byCount),
  };
}
