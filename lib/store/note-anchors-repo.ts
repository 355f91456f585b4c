import Dexie from 'dexie';
import { z } from '../schema/zod';
import { Annotation } from '../annotations/schema';
import type { LensDb } from './db';
import type { InvalidRecord } from './annotations-repo';

/**
 * What the page session needs to draw one of the reader's notes: where it is
 * (its selectors) and its colour. The note's text, tags, verdict and claim
 * links stay in the extension's own pages: the page session runs inside a web
 * page, and what it never receives no page can learn.
 */
export const NoteAnchor = Annotation.pick({ id: true, color: true, selectors: true });
export type NoteAnchor = z.infer<typeof NoteAnchor>;

/** The notes of one page as the page session receives them. */
export interface NoteAnchorList {
  notes: NoteAnchor[];
  /** Records that no longer validate: reported (the library lists them), never drawn from guesses. */
  invalid: InvalidRecord[];
}

/**
 * Records read back are still validated with Zod, but only the fields that
 * are sent: a full `Annotation` parse of 1,000 records (URLs, dates, kept
 * versions) cost a third of the page session's wait for its notes. One array
 * schema parses them all in one call; only when that fails is each record
 * parsed on its own, to say which ones are bad.
 */
const StoredAnchor = Annotation.pick({ id: true, color: true, selectors: true, deletedAt: true });
const StoredAnchors = z.array(StoredAnchor);

function live(rows: ReadonlyArray<z.infer<typeof StoredAnchor>>): NoteAnchor[] {
  const notes: NoteAnchor[] = [];
  for (const r of rows) if (r.deletedAt === null) notes.push({ id: r.id, color: r.color, selectors: r.selectors });
  return notes;
}

export function readAnchorsBack(rows: readonly unknown[]): NoteAnchorList {
  const all = StoredAnchors.safeParse(rows);
  if (all.success) return { notes: live(all.data), invalid: [] };
  const valid: Array<z.infer<typeof StoredAnchor>> = [];
  const invalid: InvalidRecord[] = [];
  for (const row of rows) {
    const parsed = StoredAnchor.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else {
      const id = typeof row === 'object' && row && 'id' in row ? String((row as { id: unknown }).id) : '(no id)';
      invalid.push({ id, error: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ') });
    }
  }
  return { notes: live(valid), invalid };
}

/** The live notes filed under a canonical URL, in one indexed read. */
export async function listAnchorsForPage(db: LensDb, canonicalUrl: string, timed: StepTimer = (_step, work) => work()): Promise<NoteAnchorList> {
  const rows = await timed('notes-read-db', () => db.annotations.where('canonicalUrl').equals(canonicalUrl).toArray());
  return timed('notes-read-validate', async () => readAnchorsBack(rows));
}

/** Times one step (the background's timeline, for `npm run bench`). */
type StepTimer = <T>(step: string, work: () => Promise<T>) => Promise<T>;

/**
 * Calls `onWrite` after every committed write transaction touching the
 * annotations table, whoever made it (a save, a deletion, an import, a sync).
 * Returns the unsubscribe function.
 */
export function onAnnotationsWritten(db: LensDb, onWrite: () => void): () => void {
  const table = `idb://${db.name}/annotations/`;
  const listener = (parts: Record<string, unknown>): void => {
    if (Object.keys(parts).some((key) => key.startsWith(table))) onWrite();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
