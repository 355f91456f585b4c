import type { Annotation, KeptVersion } from '../annotations/schema';
import { sameContent } from './same-content';
import { mergeRecordVersions, versionKey, versionsOf } from './versions';

/**
 * A record where the merge found versions written without seeing each other.
 * `kept` is the merged record (its `conflicts` hold the other versions);
 * `discarded` is the strongest version that did not become the record: it is
 * not lost, it is in `kept.conflicts` for the reader to choose.
 */
export interface MergeConflict {
  id: string;
  kept: Annotation;
  discarded: KeptVersion;
}

export interface MergeResult {
  /** One version per id, sorted by id. */
  annotations: Annotation[];
  /** Records that gained a concurrent version no input record already held. */
  conflicts: MergeConflict[];
}

/**
 * Merges any number of sets of annotations, record by record (see versions.ts):
 * records are never dropped (a deletion is a tombstone record, not an absence),
 * and concurrent edits of one record keep every version. The result does not
 * depend on the order of the sets or of the records in them, and merging a
 * result again with any of its inputs gives the same result.
 */
export function mergeAnnotationSets(...sets: ReadonlyArray<readonly Annotation[]>): MergeResult {
  // One record per id is the rule; a list only where versions differ.
  const byId = new Map<string, Annotation | Annotation[]>();
  const same = (a: Annotation, b: Annotation) =>
    a === b || (a.revision === b.revision && a.updatedAt === b.updatedAt && a.deviceId === b.deviceId && a.deletedAt === b.deletedAt && sameContent(a, b));
  for (const set of sets) {
    for (const record of set) {
      const seen = byId.get(record.id);
      if (seen === undefined) byId.set(record.id, record);
      else if (!Array.isArray(seen)) {
        if (!same(seen, record)) byId.set(record.id, [seen, record]);
      } else if (!seen.some((r) => same(r, record))) seen.push(record);
    }
  }
  const annotations: Annotation[] = [];
  const conflicts: MergeConflict[] = [];
  for (const [id, entry] of byId) {
    if (!Array.isArray(entry)) {
      annotations.push(mergeRecordVersions([entry]));
      continue;
    }
    const versions = entry;
    const merged = mergeRecordVersions(versions);
    annotations.push(merged);
    const found = newConflict(merged, versions);
    if (found !== undefined) conflicts.push({ id, kept: merged, discarded: found });
  }
  annotations.sort(byId_);
  conflicts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { annotations, conflicts };
}

/** Merges two sets; shorthand for the common case. */
export function mergeAnnotations(a: readonly Annotation[], b: readonly Annotation[]): MergeResult {
  return mergeAnnotationSets(a, b);
}

/** Merges two versions of one record. */
export function mergeRecords(a: Annotation, b: Annotation): Annotation {
  return sameContent(a, b) ? a : mergeRecordVersions([a, b]);
}

/** True when `merged` (the merge of `inputs`) holds a concurrent version none of the inputs kept already. */
export function foundConflict(merged: Annotation, inputs: readonly Annotation[]): boolean {
  return newConflict(merged, inputs) !== undefined;
}

/** The first kept version of `merged` that no input record held as kept (a conflict this merge found). */
function newConflict(merged: Annotation, inputs: readonly Annotation[]): KeptVersion | undefined {
  if (merged.conflicts === undefined) return undefined;
  const before = new Set<string>();
  for (const r of inputs) for (const k of r.conflicts ?? []) before.add(versionKey(k));
  // A deletion kept beside a deletion is not worth telling: both sides wanted the record gone.
  return merged.conflicts.find((k) => !before.has(versionKey(k)) && !(k.deletedAt !== null && merged.deletedAt !== null));
}

/**
 * True when two versions of a record were written without either seeing the
 * other (their merge keeps both). Two concurrent deletions are not worth
 * reporting: both sides wanted the record gone.
 */
export function isConcurrent(a: Annotation, b: Annotation): boolean {
  if (sameContent(a, b)) return false;
  const merged = mergeRecordVersions([a, b]);
  return newConflict(merged, [a, b]) !== undefined;
}

function byId_(a: Annotation, b: Annotation): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export { versionsOf };
