import type { Annotation } from '../annotations/schema';
import { canonicalJson } from './canonical-json';
import { sameContent } from './same-content';

/**
 * The order that decides which version of an annotation survives a merge.
 * `compareWrites(a, b) > 0` means `a` wins over `b`. Keys, most significant first:
 *
 * 1. `revision`, higher wins. Every edit adds one to the revision of the version
 *    it was made from, so a version made after seeing another always has the
 *    higher revision: an edit that follows another in fact (on any device) wins
 *    whatever the devices' clocks say. Comparing `updatedAt` first would let a
 *    device whose clock runs slow lose its newest edits to older ones.
 * 2. At equal revision, a tombstone wins over a live record. Equal revisions
 *    mean both writes were made from the same base without seeing each other;
 *    for a delete against a concurrent edit we keep the delete (the reader asked
 *    for it) and the merge reports the discarded edit as a conflict. An edit made
 *    after seeing the delete (an explicit undelete) has a higher revision and
 *    wins under rule 1.
 * 3. `updatedAt`, later wins (concurrent edits from the same base: last writer wins).
 * 4. `deviceId`, compared as strings, so the result never depends on arrival order.
 * 5. The canonical JSON of the whole record, compared as strings: two different
 *    records never compare equal, which makes the order total and the merge a
 *    join-semilattice (commutative, associative, idempotent).
 *
 * Returns 0 only for records with identical content.
 */
/** What the order looks at: a whole record, or one kept version of it. */
export type Write = Pick<Annotation, 'revision' | 'deletedAt' | 'updatedAt' | 'deviceId'>;

export function compareWrites(a: Write, b: Write): number {
  if (a.revision !== b.revision) return a.revision > b.revision ? 1 : -1;
  const aDeleted = a.deletedAt !== null;
  const bDeleted = b.deletedAt !== null;
  if (aDeleted !== bDeleted) return aDeleted ? 1 : -1;
  const at = instant(a.updatedAt);
  const bt = instant(b.updatedAt);
  if (at !== bt) return at > bt ? 1 : -1;
  if (a.deviceId !== b.deviceId) return a.deviceId > b.deviceId ? 1 : -1;
  if (sameContent(a, b)) return 0;
  const ac = canonicalJson(a);
  const bc = canonicalJson(b);
  return ac > bc ? 1 : ac < bc ? -1 : 0;
}

/** The winner of two versions of one record (either argument when they are identical). */
export function newerWrite<T extends Write>(a: T, b: T): T {
  return compareWrites(a, b) >= 0 ? a : b;
}

function instant(iso: string): number {
  const t = Date.parse(iso);
  // Validated records always parse; an unparsable date sorts first rather than throwing.
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}
