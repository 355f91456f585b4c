import MiniSearch, { type SearchOptions } from 'minisearch';
import type { LibraryNote } from './note';
import { foldTerm, tokenize } from './fold';

/** The fields a search looks in; the quote and the reader's note count most. */
const FIELDS = ['quote', 'note', 'tags', 'title', 'address'] as const;
const BOOST = { quote: 2, note: 2, tags: 1.5, title: 1, address: 0.5 };

function field(note: LibraryNote, name: string): string {
  switch (name) {
    case 'tags':
      return note.tags.join(' ');
    case 'address':
      // Host and path words ("elfaro", "cecot", "deportados"), not the scheme.
      return note.canonicalUrl.replace(/^https?:\/\//i, '').replace(/[/?#=&_\-.+%]+/g, ' ');
    default:
      return String((note as unknown as Record<string, unknown>)[name] ?? '');
  }
}

/**
 * Prefix for every word (results while typing), typo tolerance only for words
 * long enough that one wrong letter is a typo rather than another word, and
 * every word must match (narrowing as the reader types more).
 */
const SEARCH: SearchOptions = {
  prefix: true,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  combineWith: 'AND',
  boost: BOOST,
};

/**
 * Full-text search over the reader's notes, kept in step with them one note
 * at a time (add, replace, remove) rather than rebuilt. MiniSearch: an inverted
 * index on a radix tree with prefix and fuzzy search and incremental updates,
 * small and without dependencies.
 */
export class NoteIndex {
  private readonly mini: MiniSearch<LibraryNote>;
  /** The version indexed per note, so that an unchanged note is not re-indexed. */
  private readonly indexed = new Map<string, string>();

  constructor() {
    this.mini = new MiniSearch<LibraryNote>({
      idField: 'id',
      fields: [...FIELDS],
      extractField: field,
      tokenize,
      processTerm: foldTerm,
      searchOptions: SEARCH,
      // Edits discard old entries; vacuuming in the background keeps the index small without a pause.
      autoVacuum: { batchSize: 2_000, batchWait: 10, minDirtCount: 50, minDirtFactor: 0.1 },
    });
  }

  get size(): number {
    return this.mini.documentCount;
  }

  has(id: string): boolean {
    return this.indexed.has(id);
  }

  /** Adds or replaces notes; a note whose revision is already indexed is skipped. */
  upsert(notes: readonly LibraryNote[]): number {
    const fresh: LibraryNote[] = [];
    for (const n of notes) {
      const version = versionOf(n);
      const known = this.indexed.get(n.id);
      if (known === version) continue;
      if (known !== undefined) this.mini.discard(n.id);
      this.indexed.set(n.id, version);
      fresh.push(n);
    }
    if (fresh.length) this.mini.addAll(fresh);
    return fresh.length;
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      if (!this.indexed.delete(id)) continue;
      this.mini.discard(id);
    }
  }

  /** Ids of the notes matching every word of the query, best first; null for an empty query (no text filter). */
  search(query: string): string[] | null {
    if (!tokenize(query).some((t) => foldTerm(t))) return null;
    return this.mini.search(query).map((r) => r.id as string);
  }
}

function versionOf(n: LibraryNote): string {
  return `${n.revision}|${n.updatedAt}|${n.deletedAt ?? ''}`;
}
