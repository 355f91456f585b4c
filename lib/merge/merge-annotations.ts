import type { Annotation } from '../annotations/schema';
import { sameContent } from './same-content';
import { compareWrites } from './write-order';

/**
 * Two versions of one record that were written without either seeing the other
 * (same revision, different content), and which of them the merge kept. The
 * discarded one is handed back so that the caller can keep it somewhere
 * (a conflict copy, a notice to the reader): nothing is silently dropped.
 */
export interface MergeConflict {
  id: string;
  kept: Annotation;
  discarded: Annotation;
}

export interface MergeResult {
  /** One version per id, sorted by id. */
  annotations: Annotation[];
  conflicts: MergeConflict[];
}

/**
 * Merges any number of sets of annotations. For each id the version that is
 * greatest under `compareWrites` survives; records are never dropped (a deletion
 * is a tombstone record, not an absence). The result does not depend on the
 * order of the sets or of the records in them, and merging a result again with
 * any of its inputs gives the same result: commutative, associative, idempotent.
 */
export function mergeAnnotationSets(...sets: ReadonlyArray<readonly Annotation[]>): MergeResult {
  const winners = new Map<string, Annotation>();
  const conflicts = new Map<string, MergeConflict>();
  for (const set of sets) {
    for (const record of set) {
      const current = winners.get(record.id);
      if (current === undefined) {
        winners.set(record.id, record);
        continue;
      }
      const order = compareWrites(record, current);
      if (order === 0) continue;
      const [kept, discarded] = order > 0 ? [record, current] : [current, record];
      winners.set(record.id, kept);
      if (isConcurrent(kept, discarded)) noteConflict(conflicts, kept, discarded);
    }
  }
  const annotations = [...winners.values()].sort(byId);
  // A conflict found early may involve a version that a later set then beat;
  // report it against the final winner so callers see what was actually kept.
  const reported: MergeConflict[] = [];
  for (const conflict of [...conflicts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const kept = winners.get(conflict.id);
    if (kept === undefined) continue;
    if (kept.revision !== conflict.discarded.revision) continue;
    reported.push({ id: conflict.id, kept, discarded: conflict.discarded });
  }
  return { annotations, conflicts: reported };
}

/** Merges two sets; shorthand for the common case. */
export function mergeAnnotations(a: readonly Annotation[], b: readonly Annotation[]): MergeResult {
  return mergeAnnotationSets(a, b);
}

/**
 * Same revision and different content means two devices each made an edit from
 * the same base. Two concurrent deletions are not worth reporting: both sides
 * wanted the record gone.
 */
export function isConcurrent(a: Annotation, b: Annotation): boolean {
  if (a.revision !== b.revision) return false;
  if (a.deletedAt !== null && b.deletedAt !== null) return false;
  return !sameContent(a, b);
}

function noteConflict(conflicts: Map<string, MergeConflict>, kept: Annotation, discarded: Annotation): void {
  const previous = conflicts.get(kept.id);
  // Keep the strongest discarded version: with three concurrent versions the
  // reader most wants to see the runner-up.
  if (previous === undefined || compareWrites(discarded, previous.discarded) > 0) {
    conflicts.set(kept.id, { id: kept.id, kept, discarded });
  }
}

function byId(a: Annotation, b: Annotation): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
