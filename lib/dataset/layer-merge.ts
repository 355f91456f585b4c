import { compareWrites } from '../merge/write-order';
import type { LayerChange } from './layer-schema';

/**
 * The order that decides which version of a layer record survives a merge:
 * the annotations' own order (lib/merge/write-order.ts, called here):
 * revision, then a withdrawal over an edit, then the later time, then the
 * device id, then the canonical JSON. Total, so merging is deterministic,
 * commutative and idempotent.
 */
export function compareLayerWrites(a: LayerChange, b: LayerChange): number {
  return compareWrites(a, b);
}

export interface LayerMergePlan {
  /** Records to write: new ids, and incoming versions that win over the stored ones. */
  put: LayerChange[];
  added: number;
  updated: number;
  unchanged: number;
  /** Stored versions that win over the incoming ones (kept; the incoming version is not written). */
  keptOurs: number;
}

/** What merging `incoming` into `existing` writes; one version per id survives. */
export function planLayerMerge(existing: readonly LayerChange[], incoming: readonly LayerChange[]): LayerMergePlan {
  const byId = new Map(existing.map((c) => [c.id, c]));
  const winners = new Map<string, LayerChange>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let keptOurs = 0;
  for (const record of incoming) {
    const prior = winners.get(record.id) ?? byId.get(record.id);
    if (!prior) {
      winners.set(record.id, record);
      continue;
    }
    const order = compareLayerWrites(record, prior);
    if (order > 0) winners.set(record.id, record);
  }
  for (const id of winners.keys()) {
    if (byId.has(id)) updated += 1;
    else added += 1;
  }
  for (const record of new Map(incoming.map((r) => [r.id, r])).values()) {
    if (winners.has(record.id)) continue;
    const prior = byId.get(record.id);
    if (prior && compareLayerWrites(record, prior) === 0) unchanged += 1;
    else keptOurs += 1;
  }
  return { put: [...winners.values()], added, updated, unchanged, keptOurs };
}

/** Both sides' records after a merge, sorted by id: one winning version per id, nothing dropped. */
export function mergeLayerSets(a: readonly LayerChange[], b: readonly LayerChange[]): LayerChange[] {
  const byId = new Map<string, LayerChange>();
  for (const record of [...a, ...b]) {
    const prior = byId.get(record.id);
    if (!prior || compareLayerWrites(record, prior) > 0) byId.set(record.id, record);
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Same ids, and each id's version compares equal: nothing to write. */
export function sameLayer(a: readonly LayerChange[], b: readonly LayerChange[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((c) => [c.id, c]));
  return byId.size === b.length && a.every((c) => {
    const other = byId.get(c.id);
    return other !== undefined && compareLayerWrites(c, other) === 0;
  });
}
