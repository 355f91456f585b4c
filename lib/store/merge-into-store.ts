import { Annotation } from '../annotations/schema';
import { planImport, type ImportPreview } from '../exchange/import-plan';
import type { LensDb } from './db';
import { hostOf } from './host-of';
import { writeNotes } from './page-anchors';

/**
 * Merges records into the store in one transaction: every record lands, or
 * none does. The plan is made inside the transaction against what the store
 * holds at that moment, so an edit the reader made while a sync was on the
 * network is merged, not overwritten.
 */
export async function mergeIntoStore(db: LensDb, incoming: readonly Annotation[]): Promise<ImportPreview> {
  return db.transaction('rw', db.annotations, db.pageAnchors, async () => {
    const current = await db.annotations.bulkGet(incoming.map((a) => a.id));
    const existing = current.filter((r) => r !== undefined).map((r) => Annotation.parse(r));
    const plan = planImport(existing, incoming);
    await writeNotes(db, plan.put.map((a) => ({ ...a, host: hostOf(a.canonicalUrl) })));
    return plan.preview;
  });
}

/** What an import would do, without writing. */
export async function previewAgainstStore(db: LensDb, incoming: readonly Annotation[]): Promise<ImportPreview> {
  const current = await db.annotations.bulkGet(incoming.map((a) => a.id));
  const existing = current.filter((r) => r !== undefined).map((r) => Annotation.parse(r));
  return planImport(existing, incoming).preview;
}
