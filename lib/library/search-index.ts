import MiniSearch, { type SearchOptions } from 'minisearch';
import type { LibraryNote } from './note';
import { foldTerm, tokenize } from './fold';

/**
 * Two fields rather than five: what the reader wrote or highlighted (quote,
 * note, tags) counts double over where it was (page title and address). Each
 * field is one more posting list per word, and a search keystroke walks them
 * all, so fewer fields keep a keystroke within a frame at 10,000 notes.
 */
const FIELDS = ['text', 'page'] as const;
const BOOST = { text: 2, page: 1 };

function field(note: LibraryNote, name: string): string {
  if (name === 'id') return note.id;
  if (name === 'text') {
    const text = `${note.quote}\n${note.note}\n${note.tags.join(' ')}`;
    // A deleted note's edit from another device is listed in the trash: it is found by its words too.
    const kept = note.editedAfterDeletion;
    return kept ? `${text}\n${kept.note}\n${kept.tags.join(' ')}` : text;
  }
  // Host and path words ("elfaro", "cecot", "deportados"), not the scheme.
  return `${note.title}\n${note.canonicalUrl.replace(/^https?:\/\//i, '').replace(/[/?#=&_\-.+%]+/g, ' ')}`;
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
  // The kept edit counts: it can arrive (by sync) while the tombstone's own version stays the same.
  return `${n.revision}|${n.updatedAt}|${n.deletedAt ?? ''}|${n.editedAfterDeletion?.updatedAt ?? ''}`;
}
