import { sameVersion, type LibraryNote } from './note';

export interface NoteSet {
  notes: ReadonlyMap<string, LibraryNote>;
  orphans: ReadonlySet<string>;
}

export interface NoteChanges extends NoteSet {
  /** New or changed notes, to index. */
  upserted: LibraryNote[];
  /** Notes gone from the list (out of the trash, or no longer readable), to drop from the index. */
  removed: string[];
}

/**
 * Folds what the background sent after a change into what the library holds.
 * `asked` are the ids that were re-read (null: everything was); an asked id
 * missing from the answer has left the list. Unchanged notes keep their object,
 * so nothing is re-indexed or re-drawn for them.
 */
export function applyChanges(current: NoteSet, fetched: { notes: readonly LibraryNote[]; orphans: readonly string[] }, asked: readonly string[] | null): NoteChanges {
  const notes = new Map(current.notes);
  const orphans = new Set(current.orphans);
  const upserted: LibraryNote[] = [];
  const removed: string[] = [];
  const answered = new Set<string>();
  for (const n of fetched.notes) {
    answered.add(n.id);
    const before = notes.get(n.id);
    if (before && sameVersion(before, n)) continue;
    notes.set(n.id, n);
    upserted.push(n);
  }
  const scope = asked ?? [...current.notes.keys()];
  for (const id of scope) {
    if (answered.has(id) || !notes.has(id)) continue;
    notes.delete(id);
    removed.push(id);
  }
  for (const id of asked ?? [...orphans]) orphans.delete(id);
  for (const id of fetched.orphans) orphans.add(id);
  return { notes, orphans, upserted, removed };
}
