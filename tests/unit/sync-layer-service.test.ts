/**
 * The background's sync carries the reader's dataset layer: two installs
 * (fake-indexeddb stores, the real data and layer services) sync through the
 * real Apache WebDAV server and through a file; a claim added on one arrives on
 * the other, which republishes its terms and re-analyses its pages.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataService } from '../../lib/background/data-service';
import { makeLayerService } from '../../lib/background/dataset-layer-service';
import { TabRegistry } from '../../lib/background/tab-registry';
import { bundledDataset } from '../../lib/dataset/bundled';
import { makeChange, withdrawChange } from '../../lib/dataset/layer-edit';
import type { UserTerm } from '../../lib/dataset/layer-schema';
import { exportBundleJson } from '../../lib/exchange/bundle';
import { readImportFile } from '../../lib/exchange/import';
import { listAllAnnotations, putAnnotations } from '../../lib/store/annotations-repo';
import { listLayer, saveLayerChange } from '../../lib/store/layer-repo';
import { loadDatasetIntoDb } from '../../lib/store/load-dataset';
import { effectiveDatasetKey, readEffectiveDataset } from '../../lib/store/read-effective';
import { startWebDavServer, storedFiles, type WebDavServer } from '../webdav/server';
import { ctx, makeAnnotation } from './exchange-fixtures';
import { guardsSubject, userClaim } from './layer-fixtures';
import type { LensDb } from '../../lib/store/db';
import { openedDbs } from './fresh-db';

const openDb = openedDbs('sync-layer');

/** One install: its store, its data service and its layer service, with the browser effects recorded. */
async function install(name: string, fetchImpl: (u: string, i: RequestInit) => Promise<Response> = (u, i) => fetch(u, i)) {
  const db = openDb();
  const ready = loadDatasetIntoDb(db, bundledDataset());
  await ready;
  const seen = { published: [] as UserTerm[][], reanalyzed: 0 };
  const layer = makeLayerService(db, () => ready, new TabRegistry(), {
    now: () => new Date(),
    topicId: 'cecot',
    publishTerms: async (terms) => void seen.published.push(terms),
    reanalyzeAll: () => void (seen.reanalyzed += 1),
    keepVisits: async () => false,
  });
  const data = makeDataService(db, { fetch: fetchImpl, scheduleSync: () => {}, now: () => new Date() }, () => layer.refresh());
  const ctx = () => ({ now: new Date(), deviceId: name, origin: { url: 'https://news.example/story', title: 'A story' }, baseVersion: null });
  return { db, data, layer, seen, ctx };
}

/** What the matcher compares pages with. */
const claimIds = async (db: LensDb) => (await readEffectiveDataset(db)).activeClaims.map((c) => c.id);

describe('WebDAV sync carries the dataset layer (real Apache server)', () => {
  let server: WebDavServer;
  beforeAll(async () => {
    server = await startWebDavServer();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });
  const configure = (data: Awaited<ReturnType<typeof install>>['data'], file: string) =>
    data.configureSync({ url: `${server.collectionUrl}${file}`, username: server.username, password: server.password, intervalMinutes: 0 });

  it('device A adds a claim and a term; device B receives them with the notes, rebuilds its matcher and republishes its terms', async () => {
    const a = await install('device-a');
    const b = await install('device-b');
    const note = makeAnnotation({ note: 'written on A' });
    await putAnnotations(a.db, [note]);
    await saveLayerChange(a.db, makeChange({ kind: 'subject', subject: guardsSubject }, a.ctx()));
    await saveLayerChange(a.db, makeChange({ kind: 'claim', claim: userClaim }, a.ctx()));
    const term: UserTerm = { id: 'mariona', kind: 'place', label: 'Mariona', phrases: ['Mariona prison'], strength: 'supporting' };
    await saveLayerChange(a.db, makeChange({ kind: 'term', term }, a.ctx()));
    await configure(a.data, 'layer.json');
    await configure(b.data, 'layer.json');

    expect(await a.data.syncNow()).toMatchObject({ ok: true, datasetPulled: 0, datasetPushed: 3 });
    // A received nothing new for its layer, so it has nothing to rebuild.
    expect(a.seen.reanalyzed).toBe(0);
    const onServer = readImportFile(storedFiles(server)['layer.json']!);
    expect(onServer.datasetLayer?.map((c) => c.id).sort()).toEqual(['claim:u-cecot-guards-1200', 'subject:cecot.guards', 'term:mariona']);

    const keyBefore = await effectiveDatasetKey(b.db);
    expect(await claimIds(b.db)).not.toContain(userClaim.id);
    const status = await b.data.syncNow();
    expect(status).toMatchObject({ ok: true, pulled: 1, datasetPulled: 3, datasetPushed: 0 });
    expect(status.message).toContain('dataset: 3 received, 0 sent');
    expect(await claimIds(b.db)).toContain(userClaim.id);
    expect((await listAllAnnotations(b.db)).annotations.map((x) => x.id)).toEqual([note.id]);
    expect(await effectiveDatasetKey(b.db)).not.toBe(keyBefore);
    expect(b.seen.reanalyzed).toBe(1);
    expect(b.seen.published.at(-1)?.map((t) => t.id)).toEqual(['mariona']);
    expect((await listLayer(b.db)).changes.sort((x, y) => x.id.localeCompare(y.id))).toEqual((await listLayer(a.db)).changes.sort((x, y) => x.id.localeCompare(y.id)));

    // B retires A's claim; the withdrawal travels back as a tombstone, and a further round changes nothing.
    const stored = (await listLayer(b.db)).changes.find((c) => c.id === 'claim:u-cecot-guards-1200')!;
    await saveLayerChange(b.db, withdrawChange(stored, { now: new Date(), deviceId: 'device-b' }));
    expect((await b.data.syncNow()).ok).toBe(true);
    expect((await a.data.syncNow()).ok).toBe(true);
    expect(await claimIds(a.db)).not.toContain(userClaim.id);
    expect((await listLayer(a.db)).changes.find((c) => c.id === 'claim:u-cecot-guards-1200')?.deletedAt).not.toBeNull();
    expect(a.seen.reanalyzed).toBe(1);
    const before = storedFiles(server)['layer.json'];
    expect((await a.data.syncNow()).ok).toBe(true);
    expect(storedFiles(server)['layer.json']).toBe(before);
    expect(a.seen.reanalyzed).toBe(1);
  });

  it('a write by another device between our read and our write (412) is read, merged and both layers kept', async () => {
    const b = await install('device-b');
    let interfere = true;
    const putStatuses: number[] = [];
    // Just before A's first conditional write, B writes: A's If-Match no longer holds.
    const a = await install('device-a', async (url, init) => {
      if (init.method === 'PUT' && interfere) {
        interfere = false;
        expect((await b.data.syncNow()).ok).toBe(true);
      }
      const res = await fetch(url, init);
      if (init.method === 'PUT') putStatuses.push(res.status);
      return res;
    });
    await saveLayerChange(a.db, makeChange({ kind: 'subject', subject: guardsSubject }, a.ctx()));
    await saveLayerChange(a.db, makeChange({ kind: 'claim', claim: userClaim }, a.ctx()));
    await saveLayerChange(b.db, makeChange({ kind: 'retirement', target: 'c000-capacity-40000', retired: true }, b.ctx()));
    await configure(a.data, 'contended.json');
    await configure(b.data, 'contended.json');
    // B's document must exist first, so A's write is an If-Match on its ETag.
    await putAnnotations(b.db, [makeAnnotation({ note: 'B first' })]);
    const seed = await install('seed');
    await configure(seed.data, 'contended.json');
    expect((await seed.data.syncNow()).ok).toBe(true);

    const status = await a.data.syncNow();
    expect(status.ok).toBe(true);
    expect(interfere).toBe(false);
    expect(putStatuses[0]).toBe(412);
    expect(putStatuses.at(-1)).toBeLessThan(300);
    const onServer = readImportFile(storedFiles(server)['contended.json']!);
    expect(onServer.datasetLayer?.map((c) => c.id).sort()).toEqual(['claim:u-cecot-guards-1200', 'retirement:c000-capacity-40000', 'subject:cecot.guards']);
    expect((await listLayer(a.db)).changes.map((c) => c.id).sort()).toEqual(onServer.datasetLayer?.map((c) => c.id).sort());
    expect(await claimIds(a.db)).not.toContain('c000-capacity-40000');
  });
});

describe('file sync through the background carries the dataset layer', () => {
  it('the layer and the notes land together, and the second device refreshes', async () => {
    const a = await install('laptop');
    const b = await install('desktop');
    await saveLayerChange(a.db, makeChange({ kind: 'subject', subject: guardsSubject }, a.ctx()));
    await saveLayerChange(a.db, makeChange({ kind: 'claim', claim: userClaim }, a.ctx()));
    await putAnnotations(a.db, [makeAnnotation({ note: 'on the stick' })]);
    // The stick holds a notes-only file from an older install.
    const written = await a.data.syncWithFile(exportBundleJson([], ctx));
    expect(written.fileText).not.toBeNull();
    const got = await b.data.syncWithFile(written.fileText!);
    expect(got).toMatchObject({ received: 1, datasetReceived: 2 });
    expect(await claimIds(b.db)).toContain(userClaim.id);
    expect(b.seen.reanalyzed).toBe(1);
    expect(got.fileText).toBeNull();
  });
});
