import { Annotation } from '../annotations/schema';
import { normaliseTags } from '../annotations/edit';
import { nextAnchorStatus, type AnchorStatus } from '../library/anchor-status';
import { isListed, keptEditOf, toLibraryNote, TRASH_DAYS, type LibraryNote } from '../library/note';
import { clockOf, stampWrite } from '../merge/versions';
import type { KeptVersion } from '../annotations/schema';
import type { PageReport } from '../page/page-report';
import type { LensDb, StoredAnnotation } from './db';
import { hostOf } from './host-of';
import { readBack, tombstoneAnnotations, type InvalidRecord } from './annotations-repo';
import { TrashCopy } from './trash';
import { writeNotes } from './page-anchors';

export interface LibraryList {
  notes: LibraryNote[];
  /** Ids of live notes that were not found on their page at its last visit. */
  orphans: string[];
  invalid: InvalidRecord[];
  /** The background's clock, which decides what is still in the trash. */
  now: string;
  /** False for the first screen's slice (see `listLibraryFirst`): more notes follow. */
  complete: boolean;
}

const toStored = (a: Annotation): StoredAnnotation => ({ ...a, host: hostOf(a.canonicalUrl) });

/** Every note the library shows (live ones and the trash), or only those with the given ids. */
export async function listLibrary(db: LensDb, now: Date, ids?: readonly string[]): Promise<LibraryList> {
  const rows = ids ? (await db.annotations.bulkGet([...ids])).filter((r) => r !== undefined) : await db.annotations.toArray();
  const { annotations, invalid } = readBack(rows);
  const notes = annotations.map(toLibraryNote).filter((n) => isListed(n, now));
  const live = new Set(notes.filter((n) => n.deletedAt === null).map((n) => n.id));
  const statuses = ids ? (await db.anchorStatus.bulkGet([...ids])).filter((s) => s !== undefined) : await db.anchorStatus.where('state').equals('orphaned').toArray();
  const orphans = statuses.filter((s) => s.state === 'orphaned' && live.has(s.id)).map((s) => s.id);
  return { notes, orphans, invalid, now: now.toISOString(), complete: !ids };
}

/**
 * The first screen, without reading every note: the `count` most recently
 * changed notes, then every note of their pages, so that those pages' groups
 * are complete and in their final order (a page's place in the date order is
 * that of its latest note). The rest follows with a full `listLibrary`.
 */
export async function listLibraryFirst(db: LensDb, now: Date, count: number): Promise<LibraryList> {
  const newest = await db.annotations.orderBy('updatedAt').reverse().limit(count).toArray();
  const pages = [...new Set(newest.map((r) => r.canonicalUrl))];
  const rows = await db.annotations.where('canonicalUrl').anyOf(pages).toArray();
  const { annotations, invalid } = readBack(rows);
  const notes = annotations.map(toLibraryNote).filter((n) => isListed(n, now));
  const statuses = (await db.anchorStatus.bulkGet(notes.map((n) => n.id))).filter((s) => s !== undefined);
  const live = new Set(notes.filter((n) => n.deletedAt === null).map((n) => n.id));
  const orphans = statuses.filter((s) => s.state === 'orphaned' && live.has(s.id)).map((s) => s.id);
  return { notes, orphans, invalid, now: now.toISOString(), complete: false };
}

/**
 * Un-deletes notes: a new revision with `deletedAt` cleared, so that the
 * restore syncs and wins over the tombstone on other devices; the text comes
 * back from this device's trash copy. One transaction for all of them.
 */
export async function restoreAnnotations(db: LensDb, ids: readonly string[], deviceId: string, now: Date = new Date()): Promise<Annotation[]> {
  return db.transaction('rw', db.annotations, db.trash, db.pageAnchors, async () => {
    const restored: Annotation[] = [];
    const rows = await db.annotations.bulkGet([...ids]);
    const copies = await db.trash.bulkGet([...ids]);
    rows.forEach((row, i) => {
      if (!row) return;
      const current = Annotation.parse(row);
      if (current.deletedAt === null) return;
      const kept = keptEditOf(current);
      if (kept) {
        // Another device edited the note without seeing the deletion: its edit comes back (the text this
        // device deleted was the reader's choice to remove), and the restore has seen both versions.
        const { conflicts: _resolved, ...rest } = current;
        restored.push(Annotation.parse({ ...rest, ...restoreEditStamp(current, kept, deviceId), note: kept.note, tags: kept.tags, verdict: kept.verdict, color: kept.color, claims: kept.claims, deletedAt: null, updatedAt: now.toISOString(), deviceId }));
        return;
      }
      const copy = TrashCopy.safeParse(copies[i]);
      const fields = copy.success && copy.data.deletedAt === current.deletedAt ? copy.data.fields : {};
      // A new write over the tombstone (its clock covers it), so the restore wins wherever the two meet,
      // instead of both staying as concurrent versions.
      restored.push(Annotation.parse({ ...current, ...fields, ...stampWrite(current, deviceId), deletedAt: null, updatedAt: now.toISOString(), deviceId }));
    });
    await writeNotes(db, restored.map(toStored));
    await db.trash.bulkDelete(restored.map((a) => a.id));
    return restored;
  });
}

/**
 * Revision, clock and kept versions of a restore that brings back `kept`: the
 * write has seen the tombstone and that edit (so both give way to it on every
 * device), and any other kept version stays kept, as after any edit.
 */
function restoreEditStamp(current: Annotation, kept: KeptVersion, deviceId: string): Pick<Annotation, 'revision' | 'clock'> & { conflicts?: KeptVersion[] } {
  const others = (current.conflicts ?? []).filter((k) => k !== kept);
  const stamp = stampWrite({ ...current, conflicts: [kept] }, deviceId, { resolve: true });
  const revision = Math.max(stamp.revision, ...others.map((k) => k.revision + 1));
  const clock = stamp.clock;
  const conflicts = others.map((k, i) => {
    const kc = clockOf(k);
    const covered = Object.keys(kc).every((key) => (kc[key] ?? 0) <= (clock[key] ?? 0));
    return covered ? { ...k, clock: { ...kc, [`${deviceId}~${revision}~r${i}`]: 1 } } : k;
  });
  return conflicts.length ? { revision, clock, conflicts } : { revision, clock };
}

/** Adds one tag to live notes (a new revision each, only where it is missing). */
export async function addTagToAnnotations(db: LensDb, ids: readonly string[], tag: string, deviceId: string, now: Date = new Date()): Promise<Annotation[]> {
  const clean = tag.trim();
  if (!clean || clean.length > 100) throw new Error('a tag is 1 to 100 characters');
  return db.transaction('rw', db.annotations, db.pageAnchors, async () => {
    const changed: Annotation[] = [];
    for (const row of await db.annotations.bulkGet([...ids])) {
      if (!row) continue;
      const current = Annotation.parse(row);
      if (current.deletedAt !== null || current.tags.some((t) => t.toLowerCase() === clean.toLowerCase())) continue;
      if (current.tags.length >= 50) throw new Error(`a note can have at most 50 tags (note ${current.id})`);
      changed.push({ ...current, tags: normaliseTags([...current.tags, clean]), updatedAt: now.toISOString(), revision: current.revision + 1, deviceId });
    }
    await writeNotes(db, changed.map(toStored));
    return changed;
  });
}

/** Deletes many notes, all or none (each becomes a tombstone with its trash copy). */
export async function deleteAnnotations(db: LensDb, ids: readonly string[], deviceId: string, now: Date = new Date()): Promise<Annotation[]> {
  return db.transaction('rw', db.annotations, db.trash, db.pageAnchors, async () => {
    // Only the live ones: a note deleted before is not deleted again (nor returned).
    const live = (await db.annotations.bulkGet([...ids])).filter((row) => row !== undefined && row.deletedAt === null).map((row) => (row as StoredAnnotation).id);
    const gone = await tombstoneAnnotations(db, [...new Set(live)], deviceId, now);
    return gone.filter((a): a is Annotation => a !== null);
  });
}

/** Trash copies of notes deleted more than 30 days ago are of no more use. */
export async function purgeOldTrash(db: LensDb, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 86_400_000).toISOString();
  return db.trash.where('deletedAt').below(cutoff).delete();
}

/**
 * Records what a page's visit found: each note of that page attached or
 * orphaned. Only notes filed under the reported page are touched, so a tab can
 * speak for its own page's notes and nothing else. Writes only what changed.
 */
export async function recordAnchoring(db: LensDb, report: Pick<PageReport, 'canonicalUrl' | 'anchoring'>, now: Date = new Date()): Promise<string[]> {
  const seen = [
    ...report.anchoring.attached.map((id) => ({ id, state: 'attached' as const })),
    ...report.anchoring.orphans.map((id) => ({ id, state: 'orphaned' as const })),
  ];
  if (!seen.length) return [];
  return db.transaction('rw', db.annotations, db.anchorStatus, async () => {
    const ids = seen.map((s) => s.id);
    const [notes, previous] = await Promise.all([db.annotations.bulkGet(ids), db.anchorStatus.bulkGet(ids)]);
    const next: AnchorStatus[] = [];
    seen.forEach((s, i) => {
      if (notes[i]?.canonicalUrl !== report.canonicalUrl) return;
      const row = nextAnchorStatus(previous[i], { ...s, canonicalUrl: report.canonicalUrl }, now);
      if (row) next.push(row);
    });
    if (next.length) await db.anchorStatus.bulkPut(next);
    // Whose state changed (a mere lastSeenAt update is not news for the library).
    const before = new Map(previous.filter((p) => p !== undefined).map((p) => [p.id, p.state]));
    return next.filter((row) => before.get(row.id) !== row.state).map((row) => row.id);
  });
}
