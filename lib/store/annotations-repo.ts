import { stampWrite } from '../merge/versions';
import { Annotation } from '../annotations/schema';
import { applyEdit, type AnnotationEdit } from '../annotations/edit';
import type { LensDb, StoredAnnotation } from './db';
import { hostOf } from './host-of';
import { writeNotes } from './page-anchors';

/** A stored record that no longer validates: reported, never silently dropped. */
export interface InvalidRecord {
  id: string;
  error: string;
}

export interface AnnotationList {
  annotations: Annotation[];
  invalid: InvalidRecord[];
}

function toStored(annotation: Annotation): StoredAnnotation {
  return { ...annotation, host: hostOf(annotation.canonicalUrl) };
}

/** Reads records back through the schema: storage written by an older build or another tool is not trusted blindly. */
export function readBack(rows: readonly unknown[]): AnnotationList {
  const annotations: Annotation[] = [];
  const invalid: InvalidRecord[] = [];
  for (const row of rows) {
    const parsed = Annotation.safeParse(row);
    if (parsed.success) annotations.push(parsed.data);
    else {
      const id = typeof row === 'object' && row && 'id' in row ? String((row as { id: unknown }).id) : '(no id)';
      invalid.push({ id, error: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ') });
    }
  }
  return { annotations, invalid };
}

export async function putAnnotation(db: LensDb, input: unknown): Promise<Annotation> {
  const annotation = Annotation.parse(input);
  await writeNotes(db, [toStored(annotation)]);
  return annotation;
}

/** Writes many records in one transaction: all of them land, or none. */
export async function putAnnotations(db: LensDb, records: readonly Annotation[]): Promise<void> {
  const stored = records.map((r) => toStored(Annotation.parse(r)));
  await writeNotes(db, stored);
}

export async function listAnnotationsForPage(db: LensDb, canonicalUrl: string, includeDeleted = false): Promise<AnnotationList> {
  const rows = await db.annotations.where('canonicalUrl').equals(canonicalUrl).toArray();
  const list = readBack(rows);
  if (!includeDeleted) list.annotations = list.annotations.filter((a) => a.deletedAt === null);
  return list;
}

export async function listAllAnnotations(db: LensDb): Promise<AnnotationList> {
  return readBack(await db.annotations.toArray());
}

/**
 * Deletion keeps the record as a tombstone (text cleared, ids and times kept) so
 * that sync can tell other devices the note was deleted rather than never made.
 */
export async function tombstoneAnnotation(db: LensDb, id: string, deviceId: string, now: Date = new Date()): Promise<Annotation | null> {
  const [gone] = await tombstoneAnnotations(db, [id], deviceId, now);
  return gone ?? null;
}

/**
 * Tombstones many notes in one transaction, written together (so that their pages' anchors are rebuilt
 * once, not once per note). Returns, for each id, its tombstone (a note deleted before comes back as it
 * is), or null when there is no such note.
 */
export async function tombstoneAnnotations(db: LensDb, ids: readonly string[], deviceId: string, now: Date = new Date()): Promise<Array<Annotation | null>> {
  return db.transaction('rw', db.annotations, db.trash, db.pageAnchors, async () => {
    const rows = await db.annotations.bulkGet([...ids]);
    const stamp = now.toISOString();
    const out: Array<Annotation | null> = [];
    const written = new Map<string, Annotation>();
    for (const [i, row] of rows.entries()) {
      if (!row) {
        out.push(null);
        continue;
      }
      const current = written.get(row.id) ?? Annotation.parse(row);
      if (current.deletedAt) {
        out.push(current);
        continue;
      }
      // What the note said stays on this device for the trash's 30 days, so that a restore brings it back.
      await db.trash.put({ id: ids[i] as string, deletedAt: stamp, fields: { note: current.note, tags: current.tags, verdict: current.verdict, color: current.color, claims: current.claims } });
      const tombstone: Annotation = {
        ...current,
        note: '',
        tags: [],
        verdict: null,
        claims: [],
        updatedAt: stamp,
        deletedAt: stamp,
        // Revision and version clock as for any edit (lib/merge/versions.ts); kept versions stay with the record.
        ...stampWrite(current, deviceId),
        deviceId,
      };
      written.set(tombstone.id, tombstone);
      out.push(tombstone);
    }
    await writeNotes(db, [...written.values()].map(toStored));
    return out;
  });
}

/** Creates or updates one annotation from the editor, read-modify-write in one transaction. */
export async function saveEdit(db: LensDb, edit: AnnotationEdit, deviceId: string, now: Date = new Date()): Promise<Annotation> {
  return db.transaction('rw', db.annotations, db.pageAnchors, async () => {
    const existing = 'id' in edit ? await db.annotations.get(edit.id) : undefined;
    const record = applyEdit(existing ? Annotation.parse(existing) : null, edit, { deviceId, now, newId: () => crypto.randomUUID() });
    await writeNotes(db, [toStored(record)]);
    return record;
  });
}
