import { applyLayer, type EffectiveDataset } from '../dataset/layer';
import { Claim, CrossAssessment, Subject } from '../dataset/schema';
import type { DatasetMeta, LensDb } from './db';
import { currentLayerStamp, listLayer } from './layer-repo';

/**
 * The dataset pages are compared with: the bundled tables with the reader's
 * layer applied, read in one transaction so that a layer write cannot land half-way.
 */
export async function readEffectiveDataset(db: LensDb): Promise<EffectiveDataset & { stamp: string }> {
  return db.transaction('r', [db.meta, db.claims, db.subjects, db.assessments, db.layer], async () => {
    const meta = (await db.meta.get('dataset')) as DatasetMeta | undefined;
    if (!meta) throw new Error('the dataset is not loaded yet');
    const [claims, subjects, assessments, layer, stamp] = await Promise.all([
      db.claims.toArray(),
      db.subjects.toArray(),
      db.assessments.toArray(),
      listLayer(db),
      currentLayerStamp(db),
    ]);
    const effective = applyLayer(
      { version: meta.version, claims: claims.map((c) => Claim.parse(c)), subjects: subjects.map((s) => Subject.parse(s)), assessments: assessments.map((a) => CrossAssessment.parse(a)) },
      layer.changes,
    );
    return { ...effective, stamp: effectiveKey(meta.version, stamp) };
  });
}

/** Changes when the bundled version or the reader's layer does: the matcher's cache key. */
export function effectiveKey(version: string, stamp: string): string {
  return `${version}+${stamp}`;
}

export async function effectiveDatasetKey(db: LensDb): Promise<string> {
  const meta = (await db.meta.get('dataset')) as DatasetMeta | undefined;
  return effectiveKey(meta?.version ?? '', await currentLayerStamp(db));
}
