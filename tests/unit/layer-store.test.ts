import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION } from '../../lib/store/db';
import { loadDatasetIntoDb } from '../../lib/store/load-dataset';
import { listLayer, mergeLayer, saveLayerChange } from '../../lib/store/layer-repo';
import { effectiveDatasetKey, readEffectiveDataset } from '../../lib/store/read-effective';
import { makeChange } from '../../lib/dataset/layer-edit';
import type { LayerChange } from '../../lib/dataset/layer-schema';
import { loadSeedsFromDir } from '../../scripts/load-seeds';
import { vi } from 'vitest';
import { makePageAnalyzer } from '../../lib/background/page-analyzer';
import { bundledTopic } from '../../lib/topic/bundled';
import { guardsSubject, userClaim } from './layer-fixtures';
import { openedDbs } from './fresh-db';

const seeds = loadSeedsFromDir('seeds');
const open = openedDbs('layer-db');
const ctx = { now: new Date('2026-12-01T10:00:00Z'), deviceId: 'dev-a', origin: null, baseVersion: seeds.manifest.version };

describe('layer store', () => {
  it('opens a version-2 database: annotations and dataset intact, an empty layer', async () => {
    const name = `layer-db-v2-${process.pid}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.table('claims').put({ ...seeds.claims[0] });
    await old.table('meta').put({ key: 'dataset', id: 'x', version: '2025.12.01', loadedAt: '2025-12-01T00:00:00.000Z', claimCount: 1 });
    old.close();
    const db = open(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.claims.count()).toBe(1);
    expect(await db.layer.count()).toBe(0);
  });

  it('a saved change gets the next revision, changes the matcher key, and survives a bundled update', async () => {
    const db = open();
    await loadDatasetIntoDb(db, seeds);
    const key0 = await effectiveDatasetKey(db);
    const fix = makeChange({ kind: 'correction', target: seeds.claims[0]!.id, patch: { statement: 'Fixed.' } }, ctx);
    expect((await saveLayerChange(db, fix)).revision).toBe(0);
    expect((await saveLayerChange(db, { ...fix, patch: { statement: 'Fixed again.' } })).revision).toBe(1);
    const key1 = await effectiveDatasetKey(db);
    expect(key1).not.toBe(key0);
    await loadDatasetIntoDb(db, { ...seeds, manifest: { ...seeds.manifest, version: '2099.01.01' } });
    const eff = await readEffectiveDataset(db);
    expect(eff.version).toBe('2099.01.01');
    expect(eff.claims.find((c) => c.id === seeds.claims[0]!.id)?.statement).toBe('Fixed again.');
    expect(eff.stamp).not.toBe(key1);
  });

  it('a merge with one bad record writes nothing', async () => {
    const db = open();
    const good = makeChange({ kind: 'retirement', target: seeds.claims[0]!.id, retired: true }, ctx);
    const bad = { ...good, id: 'retirement:other', target: 'other', revision: -1 } as LayerChange;
    await expect(mergeLayer(db, [good, bad])).rejects.toThrow();
    expect((await listLayer(db)).changes).toEqual([]);
    expect((await mergeLayer(db, [good])).added).toBe(1);
  });

  it('the background matcher is rebuilt when the layer changes and only then: a saved claim is matched on the next analysis', async () => {
    const db = open();
    await loadDatasetIntoDb(db, seeds);
    const read = vi.fn(async () => {
      const e = await readEffectiveDataset(db);
      return { version: e.stamp, claims: e.activeClaims, subjects: e.subjects };
    });
    const analyze = makePageAnalyzer(read, () => effectiveDatasetKey(db), bundledTopic);
    const page = { url: 'https://news.example/guards', title: 'CECOT guards', text: 'Inside CECOT, the mega-prison of El Salvador, about 1,200 guards watch the inmates, officials said.' };
    const ids = async () => (await analyze(page)).claims.flatMap((c) => c.matches.map((m) => m.claimId));
    expect(await ids()).not.toContain(userClaim.id);
    await ids();
    expect(read).toHaveBeenCalledTimes(1);
    await saveLayerChange(db, makeChange({ kind: 'subject', subject: guardsSubject }, ctx));
    await saveLayerChange(db, makeChange({ kind: 'claim', claim: userClaim }, ctx));
    expect(await ids()).toContain(userClaim.id);
    expect(read).toHaveBeenCalledTimes(2);
    await saveLayerChange(db, makeChange({ kind: 'retirement', target: userClaim.id, retired: true }, ctx));
    expect(await ids()).not.toContain(userClaim.id);
  });
});
