import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataService } from '../../lib/background/data-service';
import { freshDbs } from './fresh-db';
import type { LensDb } from '../../lib/store/db';
import { listAllAnnotations, putAnnotations } from '../../lib/store/annotations-repo';
import { readImportFile } from '../../lib/exchange/import';
import { makeAnnotation } from './exchange-fixtures';
import { startWebDavServer, type WebDavServer } from '../webdav/server';
import { makeChange, withdrawChange } from '../../lib/dataset/layer-edit';
import type { UserTerm } from '../../lib/dataset/layer-schema';
import { listLayer, saveLayerChange } from '../../lib/store/layer-repo';
import { guardsSubject, userClaim } from './layer-fixtures';

const freshDb = freshDbs('data-service');

const now = () => new Date('2026-11-22T12:00:00.000Z');
const noSync = { fetch: () => Promise.reject(new Error('no network in this test')), scheduleSync: () => {}, now };

function sample() {
  return [
    makeAnnotation({ quote: 'up to 40,000 inmates', note: 'capacity, not population', tags: ['capacity'], verdict: 'accurate', claims: [{ claimId: 'c000-capacity-40000', relation: 'agrees' }] }),
    makeAnnotation({ quote: '238 Venezuelan men', note: 'dataset says 261', tags: ['deportees'], verdict: 'inaccurate', canonicalUrl: 'https://news.example.org/story', url: 'https://news.example.org/story' }),
    makeAnnotation({ quote: 'deleted one', deletedAt: '2025-03-21T00:00:00.000Z', revision: 2, updatedAt: '2025-03-21T00:00:00.000Z' }),
  ];
}

describe('export', () => {
  it('the JSON bundle is lossless: exported, wiped, imported back gives exactly the same records', async () => {
    const a = await freshDb();
    const records = sample();
    await putAnnotations(a, records);
    const service = makeDataService(a, noSync);
    const out = await service.export({ format: 'bundle' });
    expect(out.count).toBe(3);
    expect(out.filename).toMatch(/^cecot-lens-annotations-.*\.json$/);

    const b = await freshDb();
    const imported = await makeDataService(b, noSync).importApply(out.text);
    expect(imported.counts.added).toBe(3);
    const back = (await listAllAnnotations(b)).annotations.sort((x, y) => x.id.localeCompare(y.id));
    expect(back).toEqual([...records].sort((x, y) => x.id.localeCompare(y.id)));
  });

  it('filters by site, tag and verdict, and names the linked dataset claim in the CSV', async () => {
    const db = await freshDb();
    await putAnnotations(db, sample());
    const service = makeDataService(db, noSync);
    const csv = await service.export({ format: 'csv', tags: ['capacity'], bom: false });
    expect(csv.count).toBe(1);
    expect(csv.text).toContain('CECOT can hold up to 40,000 prisoners.');
    expect(csv.text).not.toContain('238 Venezuelan');
    const bySite = await service.export({ format: 'markdown', hosts: ['news.example.org'] });
    expect(bySite.text).toContain('238 Venezuelan men');
    expect(bySite.text).not.toContain('40,000');
    const w3c = JSON.parse((await service.export({ format: 'w3c', verdicts: ['inaccurate'] })).text);
    expect(w3c.type).toBe('AnnotationCollection');
    expect(w3c.total ?? w3c.items?.length ?? w3c.first?.items?.length).toBe(1);
  });

  it('ClaimReview needs the reviewer, and gives one review per verdict', async () => {
    const db = await freshDb();
    await putAnnotations(db, sample());
    const service = makeDataService(db, noSync);
    await expect(service.export({ format: 'claimreview' })).rejects.toThrow(/review URL/);
    const out = await service.export({ format: 'claimreview', claimReview: { reviewUrl: 'https://checks.example.org/cecot', authorName: 'Example Checks' } });
    const reviews = JSON.parse(out.text);
    expect(reviews).toHaveLength(2);
    expect(reviews[0]['@type']).toBe('ClaimReview');
    expect(reviews[0].reviewRating.alternateName).toBeTruthy();
  });
});

describe('import', () => {
  it('previews without writing, then applies', async () => {
    const a = await freshDb();
    await putAnnotations(a, sample());
    const text = (await makeDataService(a, noSync).export({ format: 'bundle' })).text;
    const b = await freshDb();
    const service = makeDataService(b, noSync);
    const preview = await service.importPreview(text);
    if ('refused' in preview) throw new Error('refused');
    expect(preview.counts.added).toBe(3);
    expect((await listAllAnnotations(b)).annotations).toHaveLength(0);
    await service.importApply(text);
    const again = await service.importPreview(text);
    if ('refused' in again) throw new Error('refused');
    expect(again.counts.unchanged).toBe(3);
  });

  it('a file with one bad record changes nothing and the error names the record and field', async () => {
    const a = await freshDb();
    await putAnnotations(a, sample());
    const good = JSON.parse((await makeDataService(a, noSync).export({ format: 'bundle' })).text);
    good.annotations[1].revision = 'two';
    const b = await freshDb();
    await putAnnotations(b, [makeAnnotation({ quote: 'already here' })]);
    const before = (await listAllAnnotations(b)).annotations;
    await expect(makeDataService(b, noSync).importApply(JSON.stringify(good))).rejects.toThrow(/annotations\[1\].*revision/);
    expect((await listAllAnnotations(b)).annotations).toEqual(before);
  });

  it('the preview lists a bad record in plain terms; the reader may take the valid ones, all in one write', async () => {
    const a = await freshDb();
    await putAnnotations(a, sample());
    const good = JSON.parse((await makeDataService(a, noSync).export({ format: 'bundle' })).text);
    good.annotations[1].color = 'chartreuse';
    const b = await freshDb();
    const service = makeDataService(b, noSync);
    const preview = await service.importPreview(JSON.stringify(good));
    if ('refused' in preview) throw new Error('refused');
    expect(preview.total).toBe(2);
    expect(preview.invalid).toEqual([{ number: 2, id: good.annotations[1].id, field: 'color', code: 'not-allowed-value', allowed: ['yellow', 'green', 'blue', 'pink', 'purple'] }]);
    const done = await service.importApply(JSON.stringify(good), true);
    expect(done.counts.added).toBe(2);
    expect((await listAllAnnotations(b)).annotations).toHaveLength(2);
  });

  it('a file that is not one of ours is refused with a reason, not schema wording', async () => {
    const service = makeDataService(await freshDb(), noSync);
    expect(await service.importPreview('{"hello": 1')).toMatchObject({ refused: { reason: 'not-json' } });
    expect(await service.importPreview('{"hello": 1}')).toMatchObject({ refused: { reason: 'not-ours' } });
    expect(await service.importPreview('{"format":"cecot-lens-annotations","formatVersion":99}')).toMatchObject({ refused: { reason: 'newer' } });
  });
});

describe('sync to a real WebDAV server', () => {
  let server: WebDavServer;
  beforeAll(async () => {
    server = await startWebDavServer();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('two installs converge through the server; the password is never shown back', async () => {
    const effects = { fetch: (u: string, i: RequestInit) => fetch(u, i), scheduleSync: () => {}, now: () => new Date() };
    const a = await freshDb();
    const b = await freshDb();
    const [first, second] = sample();
    await putAnnotations(a, [first!]);
    await putAnnotations(b, [second!]);
    const url = `${server.collectionUrl}service-test.json`;
    const sa = makeDataService(a, effects);
    const sb = makeDataService(b, effects);
    const view = await sa.configureSync({ url, username: server.username, password: server.password, intervalMinutes: 15 });
    expect(view).toMatchObject({ url, username: server.username, hasPassword: true, intervalMinutes: 15 });
    expect(JSON.stringify(view)).not.toContain(server.password);
    await sb.configureSync({ url, username: server.username, password: server.password, intervalMinutes: 0 });

    expect((await sa.syncNow()).ok).toBe(true);
    expect((await sb.syncNow()).ok).toBe(true);
    expect((await sa.syncNow()).ok).toBe(true);
    const ids = async (db: LensDb) => (await listAllAnnotations(db)).annotations.map((x) => x.id).sort();
    expect(await ids(a)).toEqual([first!.id, second!.id].sort());
    expect(await ids(b)).toEqual(await ids(a));
    // What the server holds is a valid bundle with both records.
    const remote = await fetch(url, { headers: { authorization: `Basic ${btoa(`${server.username}:${server.password}`)}` } });
    expect(readImportFile(await remote.text()).annotations).toHaveLength(2);
  }, 60_000);

  it('a wrong password is a clear error, kept as the last status, and changes nothing', async () => {
    const effects = { fetch: (u: string, i: RequestInit) => fetch(u, i), scheduleSync: () => {}, now: () => new Date() };
    const db = await freshDb();
    await putAnnotations(db, sample());
    const service = makeDataService(db, effects);
    await service.configureSync({ url: `${server.collectionUrl}wrong.json`, username: server.username, password: 'not-it', intervalMinutes: 0 });
    const status = await service.syncNow();
    expect(status.ok).toBe(false);
    expect(status.message).toMatch(/password|credentials|401|auth/i);
    expect((await service.syncConfig()).status?.ok).toBe(false);
    expect((await listAllAnnotations(db)).annotations).toHaveLength(3);
  }, 30_000);
});

describe('the JSON backup carries the reader\'s dataset layer', () => {
  const changeCtx = () => ({ now: now(), deviceId: 'device-a', origin: { url: 'https://news.example/story', title: 'A story' }, baseVersion: null });
  const term: UserTerm = { id: 'izalco', kind: 'place', label: 'Izalco', phrases: ['Izalco prison'], strength: 'supporting' };

  async function withLayer() {
    const db = await freshDb();
    await putAnnotations(db, sample());
    await saveLayerChange(db, makeChange({ kind: 'subject', subject: guardsSubject }, changeCtx()));
    const claim = await saveLayerChange(db, makeChange({ kind: 'claim', claim: userClaim }, changeCtx()));
    await saveLayerChange(db, makeChange({ kind: 'term', term }, changeCtx()));
    // A withdrawn term travels as its tombstone, so a restore does not bring it back to life.
    await saveLayerChange(db, withdrawChange((await listLayer(db)).changes.find((c) => c.id === 'term:izalco')!, { now: now(), deviceId: 'device-a' }));
    return { db, claim };
  }

  it('a full backup holds the layer, tombstones included; restored on a fresh install, notes and layer come back and the dataset refreshes', async () => {
    const { db } = await withLayer();
    const out = await makeDataService(db, noSync).export({ format: 'bundle' });
    expect(out).toMatchObject({ count: 3, datasetChanges: 3 });
    const stored = (await listLayer(db)).changes.sort((x, y) => x.id.localeCompare(y.id));
    expect(readImportFile(out.text).datasetLayer?.sort((x, y) => x.id.localeCompare(y.id))).toEqual(stored);

    const fresh = await freshDb();
    let refreshed = 0;
    const restore = makeDataService(fresh, noSync, async () => {
      refreshed++;
    });
    const preview = await restore.importPreview(out.text);
    expect(preview).toMatchObject({ total: 3, datasetChanges: 3 });
    expect((await listLayer(fresh)).changes).toEqual([]);
    const done = await restore.importApply(out.text);
    expect(done).toMatchObject({ datasetChanges: 3, datasetChanged: 3 });
    expect((await listLayer(fresh)).changes.sort((x, y) => x.id.localeCompare(y.id))).toEqual(stored);
    expect((await listAllAnnotations(fresh)).annotations).toHaveLength(3);
    expect(refreshed).toBe(1);
    // Restoring the same backup again changes nothing, and needs no refresh.
    expect(await restore.importApply(out.text)).toMatchObject({ datasetChanged: 0 });
    expect(refreshed).toBe(1);
  });

  it('a layer alone is still a backup worth writing', async () => {
    const db = await freshDb();
    await saveLayerChange(db, makeChange({ kind: 'subject', subject: guardsSubject }, changeCtx()));
    const out = await makeDataService(db, noSync).export({ format: 'bundle' });
    expect(out.empty).toBeUndefined();
    expect(out).toMatchObject({ count: 0, datasetChanges: 1 });
  });

  it('an export narrowed to a page, to chosen notes or by a filter shares notes only', async () => {
    const { db } = await withLayer();
    const service = makeDataService(db, noSync);
    const records = (await listAllAnnotations(db)).annotations;
    for (const request of [
      { format: 'bundle', tags: ['capacity'] },
      { format: 'bundle', hosts: ['news.example.org'] },
      { format: 'bundle', ids: [records[0]!.id] },
      { format: 'bundle', canonicalUrl: records[0]!.canonicalUrl },
    ]) {
      const out = await service.export(request);
      expect(out.datasetChanges, JSON.stringify(request)).toBeUndefined();
      expect(readImportFile(out.text).datasetLayer, JSON.stringify(request)).toBeNull();
    }
  });

  it('restoring is one transaction: when the layer cannot be written, the notes are not written either', async () => {
    const { db } = await withLayer();
    const text = (await makeDataService(db, noSync).export({ format: 'bundle' })).text;
    const b = await freshDb();
    b.layer.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(makeDataService(b, noSync).importApply(text)).rejects.toThrow();
    expect((await listAllAnnotations(b)).annotations).toEqual([]);
    expect((await listLayer(b)).changes).toEqual([]);
  });
});

describe('a full disk', () => {
  it('an import that hits the storage quota writes nothing and says so plainly', async () => {
    const { describeError } = await import('../../lib/messages/route');
    const a = await freshDb();
    await putAnnotations(a, sample());
    const text = (await makeDataService(a, noSync).export({ format: 'bundle' })).text;
    const b = await freshDb();
    await putAnnotations(b, [makeAnnotation({ quote: 'kept safe' })]);
    const before = (await listAllAnnotations(b)).annotations;
    let writes = 0;
    b.annotations.hook('creating', () => {
      // The browser refuses the second record of the batch.
      if (++writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await makeDataService(b, noSync).importApply(text).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(describeError(error)).toMatch(/storage is full.*nothing was changed/);
    expect((await listAllAnnotations(b)).annotations).toEqual(before);
  });
});
