import type { Annotation } from '../annotations/schema';
import { sameContent } from '../merge/same-content';
import { foundConflict, mergeRecords } from '../merge/merge-annotations';
import { compareWrites } from '../merge/write-order';

/**
 * What importing a record would do:
 * - added: no record with this id yet;
 * - updated: the incoming version is a later write of the local one;
 * - unchanged: the local version is the same or later; nothing to write;
 * - merged: both sides changed the record without seeing each other: a
 *   conflict. `kept` says which side became the record; the other is kept in
 *   its `conflicts` for the reader to choose, so the record is always written.
 */
export type ImportStatus = 'added' | 'updated' | 'unchanged' | 'merged';

export interface ImportPreviewEntry {
  id: string;
  status: ImportStatus;
  conflict: boolean;
  kept: 'incoming' | 'local';
  local: Annotation | undefined;
  incoming: Annotation;
  /** The version the store holds after the import. */
  result: Annotation;
}

export interface ImportPreview {
  entries: ImportPreviewEntry[];
  counts: Record<ImportStatus, number> & { conflicts: number };
}

export interface ImportPlan {
  /** Exactly the records to put, in one transaction. Nothing is ever deleted: deletions travel as tombstones. */
  put: Annotation[];
  preview: ImportPreview;
}

/** Says, for each incoming record, what an import would do. Pure: reads nothing, writes nothing. */
export function previewImport(existing: readonly Annotation[], incoming: readonly Annotation[]): ImportPreview {
  const local = new Map<string, Annotation>();
  for (const record of existing) {
    const seen = local.get(record.id);
    local.set(record.id, seen === undefined ? record : mergeRecords(seen, record));
  }
  // Incoming records with one id are merged first, so each id gets one entry.
  const byId = new Map<string, Annotation>();
  for (const record of incoming) {
    const seen = byId.get(record.id);
    byId.set(record.id, seen === undefined ? record : mergeRecords(seen, record));
  }
  const entries: ImportPreviewEntry[] = [];
  const counts = { added: 0, updated: 0, unchanged: 0, merged: 0, conflicts: 0 };
  for (const record of [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const mine = local.get(record.id);
    let entry: ImportPreviewEntry;
    if (mine === undefined) {
      entry = { id: record.id, status: 'added', conflict: false, kept: 'incoming', local: undefined, incoming: record, result: record };
    } else {
      const result = mergeRecords(mine, record);
      if (sameContent(result, mine)) {
        entry = { id: record.id, status: 'unchanged', conflict: false, kept: 'local', local: mine, incoming: record, result: mine };
      } else if (foundConflict(result, [mine, record])) {
        // Both versions are in `result`: the winner as the record, the other in its kept versions.
        const kept = compareWrites(record, mine) > 0 ? 'incoming' : 'local';
        entry = { id: record.id, status: 'merged', conflict: true, kept, local: mine, incoming: record, result };
      } else {
        entry = { id: record.id, status: 'updated', conflict: false, kept: 'incoming', local: mine, incoming: record, result };
      }
    }
    counts[entry.status] += 1;
    if (entry.conflict) counts.conflicts += 1;
    entries.push(entry);
  }
  return { entries, counts };
}

/** The preview plus the exact records the store must put (in one transaction) to carry it out. */
export function planImport(existing: readonly Annotation[], incoming: readonly Annotation[]): ImportPlan {
  const preview = previewImport(existing, incoming);
  // A merged entry is written whichever side won: the result holds the other version as kept.
  const put = preview.entries.filter((e) => e.status !== 'unchanged').map((e) => e.result);
  return { put, preview };
}
