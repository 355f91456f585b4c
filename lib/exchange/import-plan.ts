import type { Annotation } from '../annotations/schema';
import { sameContent } from '../merge/same-content';
import { isConcurrent } from '../merge/merge-annotations';
import { compareWrites } from '../merge/write-order';

/**
 * What importing a record would do:
 * - added: no record with this id yet;
 * - updated: the incoming version is a later write of the local one;
 * - unchanged: the local version is the same or later; nothing to write;
 * - merged: both sides changed the record independently (same revision,
 *   different content): a conflict, resolved by the merge rule. `kept` says
 *   which side won; when the local side wins there is nothing to write.
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
    local.set(record.id, seen === undefined || compareWrites(record, seen) > 0 ? record : seen);
  }
  // Incoming records with one id are resolved first, so each id gets one entry.
  const byId = new Map<string, Annotation>();
  for (const record of incoming) {
    const seen = byId.get(record.id);
    byId.set(record.id, seen === undefined || compareWrites(record, seen) > 0 ? record : seen);
  }
  const entries: ImportPreviewEntry[] = [];
  const counts = { added: 0, updated: 0, unchanged: 0, merged: 0, conflicts: 0 };
  for (const record of [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const mine = local.get(record.id);
    let entry: ImportPreviewEntry;
    if (mine === undefined) {
      entry = { id: record.id, status: 'added', conflict: false, kept: 'incoming', local: undefined, incoming: record, result: record };
    } else {
      const order = compareWrites(record, mine);
      const kept = order > 0 ? 'incoming' : 'local';
      const result = order > 0 ? record : mine;
      if (isConcurrent(record, mine)) {
        entry = { id: record.id, status: 'merged', conflict: true, kept, local: mine, incoming: record, result };
      } else if (order > 0 && !sameContent(record, mine)) {
        entry = { id: record.id, status: 'updated', conflict: false, kept, local: mine, incoming: record, result };
      } else {
        entry = { id: record.id, status: 'unchanged', conflict: false, kept: 'local', local: mine, incoming: record, result: mine };
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
  const put = preview.entries.filter((e) => e.kept === 'incoming' && e.status !== 'unchanged').map((e) => e.result);
  return { put, preview };
}
