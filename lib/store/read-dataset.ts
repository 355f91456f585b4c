import { Claim, Subject } from '../dataset/schema';
import type { DatasetMeta, LensDb } from './db';

/** The dataset as stored, validated on the way out (a record written by an older build is not trusted blindly). */
export async function readDatasetFromDb(db: LensDb): Promise<{ version: string; claims: Claim[]; subjects: Subject[] }> {
  return db.transaction('r', [db.meta, db.claims, db.subjects], async () => {
    const meta = (await db.meta.get('dataset')) as DatasetMeta | undefined;
    if (!meta) throw new Error('the dataset is not loaded yet');
    const [claims, subjects] = await Promise.all([db.claims.toArray(), db.subjects.toArray()]);
    return { version: meta.version, claims: claims.map((c) => Claim.parse(c)), subjects: subjects.map((s) => Subject.parse(s)) };
  });
}

export async function datasetVersion(db: LensDb): Promise<string> {
  const meta = (await db.meta.get('dataset')) as DatasetMeta | undefined;
  return meta?.version ?? '';
}
