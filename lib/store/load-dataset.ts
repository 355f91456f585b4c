import type { DatasetMeta, LensDb } from './db';

/** The parts of a validated dataset that the store keeps (see lib/dataset/load.ts). */
export interface StorableDataset {
  manifest: { id: string; version: string };
  sources: readonly import('../dataset/schema').Source[];
  subjects: readonly import('../dataset/schema').Subject[];
  claims: readonly import('../dataset/schema').Claim[];
  assessments: readonly import('../dataset/schema').CrossAssessment[];
}

export type LoadOutcome = { status: 'unchanged' | 'loaded' | 'replaced'; previous: string | null; meta: DatasetMeta };

/**
 * Puts the dataset into the database unless that exact version is there already.
 * A different version replaces every dataset table in one transaction, so a
 * failure half-way leaves the old dataset whole. The reader's annotations are
 * outside the transaction's scope and cannot be touched by it.
 */
export async function loadDatasetIntoDb(db: LensDb, dataset: StorableDataset, now: () => Date = () => new Date()): Promise<LoadOutcome> {
  return db.transaction('rw', [db.meta, db.sources, db.subjects, db.claims, db.assessments], async () => {
    const current = (await db.meta.get('dataset')) as DatasetMeta | undefined;
    if (current && current.id === dataset.manifest.id && current.version === dataset.manifest.version) {
      return { status: 'unchanged', previous: current.version, meta: current };
    }
    await Promise.all([db.sources.clear(), db.subjects.clear(), db.claims.clear(), db.assessments.clear()]);
    await db.sources.bulkPut([...dataset.sources]);
    await db.subjects.bulkPut([...dataset.subjects]);
    await db.claims.bulkPut([...dataset.claims]);
    await db.assessments.bulkPut([...dataset.assessments]);
    const meta: DatasetMeta = {
      key: 'dataset',
      id: dataset.manifest.id,
      version: dataset.manifest.version,
      loadedAt: now().toISOString(),
      claimCount: dataset.claims.length,
    };
    await db.meta.put(meta);
    return { status: current ? 'replaced' : 'loaded', previous: current?.version ?? null, meta };
  });
}
