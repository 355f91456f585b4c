import { LayerChange } from '../dataset/layer-schema';
import { layerStamp } from '../dataset/layer';
import { planLayerMerge, type LayerMergePlan } from '../dataset/layer-merge';
import type { LayerMeta, LensDb } from './db';

export interface LayerList {
  changes: LayerChange[];
  /** Stored records that no longer validate: reported, never dropped. */
  invalid: { id: string; error: string }[];
}

/** Every layer record, withdrawn ones included, validated on the way out. */
export async function listLayer(db: LensDb): Promise<LayerList> {
  const rows = await db.layer.toArray();
  const changes: LayerChange[] = [];
  const invalid: LayerList['invalid'] = [];
  for (const row of rows) {
    const parsed = LayerChange.safeParse(row);
    if (parsed.success) changes.push(parsed.data);
    else invalid.push({ id: String((row as { id?: unknown }).id), error: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  return { changes, invalid };
}

export async function currentLayerStamp(db: LensDb): Promise<string> {
  const row = (await db.meta.get('layer')) as LayerMeta | undefined;
  return row?.stamp ?? '0';
}

async function restamp(db: LensDb) {
  const all = await db.layer.toArray();
  const meta: LayerMeta = { key: 'layer', stamp: layerStamp(all as LayerChange[]) };
  await db.meta.put(meta);
}

/**
 * Writes one change made here: its revision is one more than the stored
 * version's, so it wins over every version it was made from (as annotation edits do).
 */
export async function saveLayerChange(db: LensDb, change: LayerChange): Promise<LayerChange> {
  return db.transaction('rw', [db.layer, db.meta], async () => {
    const prior = await db.layer.get(change.id);
    const next = LayerChange.parse({
      ...change,
      revision: prior ? prior.revision + 1 : change.revision,
      createdAt: prior?.createdAt ?? change.createdAt,
    });
    await db.layer.put(next);
    await restamp(db);
    return next;
  });
}

/** Merges records from a pack or a sync in one transaction: all land, or none does. */
export async function mergeLayer(db: LensDb, records: readonly unknown[], write = true): Promise<LayerMergePlan> {
  // Validated before the transaction: one bad record and nothing is written.
  const incoming = records.map((r, i) => {
    const parsed = LayerChange.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`layer record ${i} (${String((r as { id?: unknown })?.id ?? '?')}): ${issue?.path.join('.') || '(record)'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  });
  return db.transaction('rw', [db.layer, db.meta], async () => {
    const stored = await db.layer.bulkGet(incoming.map((c) => c.id));
    const existing = stored.filter((r) => r !== undefined).map((r) => LayerChange.parse(r));
    const plan = planLayerMerge(existing, incoming);
    if (write && plan.put.length) {
      await db.layer.bulkPut(plan.put);
      await restamp(db);
    }
    return plan;
  });
}
