/**
 * Sync against a real WebDAV server (Apache mod_dav on 127.0.0.1), directly
 * and through a proxy that injects failures. Needs apache2 installed (CI
 * installs .ci/apt-packages.txt); without it these tests fail, not skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations/schema';
import { readImportFile } from '../../lib/exchange/import';
import { mergeAnnotationSets } from '../../lib/merge/merge-annotations';
import { compareWrites } from '../../lib/merge/write-order';
import { clockOf, stampWrite, strictlyDominates, versionOf, versionsOf } from '../../lib/merge/versions';
import { canonicalJson } from '../../lib/merge/canonical-json';
import { SyncError } from '../../lib/sync/sync-error';
import { syncOnce, type FetchLike, type SyncResult } from '../../lib/sync/webdav-sync';
import { startFaultProxy, type Fault, type FaultProxy } from '../webdav/fault-proxy';
import { assertApacheInstalled, startWebDavServer, storedFiles, type WebDavServer } from '../webdav/server';
import { makeAnnotation, uuidFor } from './exchange-fixtures';
import { rejected } from './thrown';

let server: WebDavServer | undefined;
let proxy: FaultProxy | undefined;
let startError: unknown;

// A failed start is kept and rethrown by every test, so that each one fails
// with the reason (e.g. "install apache2") instead of being skipped.
beforeAll(async () => {
  try {
    server = await startWebDavServer();
    proxy = await startFaultProxy(server.port);
  } catch (error) {
    startError = error;
  }
}, 30_000);

afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

function dav(): WebDavServer {
  if (server === undefined) throw startError ?? new Error('the WebDAV server did not start');
  return server;
}

/** Every write ever made, to check that the merged state holds the winner of each. */
const allWrites = new Map<string, Annotation[]>();
let nextId = 1000;

/** A device: its own records and clock, editing the way the app does (revision + 1 per write). */
class Device {
  records = new Map<string, Annotation>();
  step = 0;
  constructor(
    readonly name: string,
    readonly skewMs: number,
  ) {}

  private now(): string {
    this.step += 1;
    return new Date(Date.UTC(2025, 3, 1) + this.step * 1000 + this.skewMs).toISOString();
  }

  private put(record: Annotation): Annotation {
    this.records.set(record.id, record);
    allWrites.set(record.id, [...(allWrites.get(record.id) ?? []), record]);
    return record;
  }

  create(note: string): Annotation {
    const at = this.now();
    return this.put(makeAnnotation({ id: uuidFor(nextId++), note, createdAt: at, updatedAt: at, deviceId: this.name }));
  }

  edit(id: string, changes: Partial<Annotation>): void {
    const current = this.records.get(id);
    if (current === undefined || current.deletedAt !== null) return;
    this.put({ ...current, ...changes, ...stampWrite(current, this.name), updatedAt: this.now(), deviceId: this.name });
  }

  remove(id: string): void {
    const current = this.records.get(id);
    if (current === undefined || current.deletedAt !== null) return;
    const at = this.now();
    this.put({ ...current, deletedAt: at, ...stampWrite(current, this.name), updatedAt: at, deviceId: this.name });
  }

  /** Syncs and, only on success, writes the plan (as the store does, in one transaction). */
  async sync(url: string, fetchImpl: FetchLike = fetch, password = dav().password): Promise<SyncResult> {
    const result = await syncOnce({
      url,
      username: dav().username,
      password,
      fetch: fetchImpl,
      local: [...this.records.values()],
      deviceId: this.name,
      now: () => new Date(),
    });
    for (const record of result.plan.put) this.records.set(record.id, record);
    return result;
  }

  snapshot(): string {
    return canonicalJson([...this.records.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
  }
}

async function remoteRecords(url: string): Promise<Annotation[]> {
  const res = await fetch(url, { headers: { Authorization: 'Basic ' + Buffer.from(`${dav().username}:${dav().password}`).toString('base64') } });
  if (res.status === 404) return [];
  return readImportFile(await res.text()).annotations;
}

function expectNothingLost(finalRecords: Annotation[]): void {
  const ids = new Set(finalRecords.map((r) => r.id));
  for (const [id, writes] of allWrites) {
    if (!ids.has(id)) continue; // written by another test's devices, checked there
    // The writes no other write saw: every one is still there, the preferred one as the record.
    const heads = writes.filter((w) => !writes.some((o) => o !== w && strictlyDominates(clockOf(o), clockOf(w))));
    const best = heads.reduce((a, b) => (compareWrites(a, b) >= 0 ? a : b));
    const record = finalRecords.find((r) => r.id === id)!;
    expect(versionOf(record)).toEqual(versionOf(best));
    const notes = versionsOf(record).map((v) => v.note);
    for (const head of heads) expect(notes).toContain(head.note);
  }
}

describe('WebDAV sync against Apache mod_dav', { timeout: 60_000 }, () => {
  it('apache2 with mod_dav is installed', () => {
    assertApacheInstalled();
    expect(dav().baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('creates the document, and a second device gets everything from it', async () => {
    const url = `${dav().collectionUrl}first.json`;
    const laptop = new Device('laptop', 0);
    const phone = new Device('phone', 0);
    laptop.create('a');
    laptop.create('b');
    const first = await laptop.sync(url);
    expect(first.report).toMatchObject({ createdRemote: true, wrote: true, pushed: 2 });
    expect(Object.keys(storedFiles(dav()))).toContain('first.json');
    const second = await phone.sync(url);
    expect(second.report).toMatchObject({ pulled: 2, wrote: false });
    expect(phone.snapshot()).toBe(laptop.snapshot());
  });

  it('two clients editing and syncing at the same time converge, losing nothing', async () => {
    const url = `${dav().collectionUrl}together.json`;
    const a = new Device('device-a', 0);
    // B's clock is 10 minutes slow: order must come from revisions, not clocks.
    const b = new Device('device-b', -600_000);
    const shared = a.create('shared');
    await a.sync(url);
    await b.sync(url);

    // Round 0 is made a certain race: no PUT goes out until both devices have
    // read the same (strong) ETag, and B's PUT waits for A's, so B must get
    // 412 Precondition Failed and merge again. Later rounds race freely.
    const strongReads = new Set<string>();
    let releaseReads!: () => void;
    let releaseB!: () => void;
    const bothRead = new Promise<void>((r) => (releaseReads = r));
    const aWrote = new Promise<void>((r) => (releaseB = r));
    const gated =
      (name: string): FetchLike =>
      async (input, init) => {
        if (init.method === 'PUT') {
          await bothRead;
          if (name === b.name) await aWrote;
        }
        const res = await fetch(input, init);
        if (init.method === 'GET' && res.status === 200 && !(res.headers.get('ETag') ?? 'W/').startsWith('W/')) {
          strongReads.add(name);
          if (strongReads.size === 2) releaseReads();
        }
        if (init.method === 'PUT' && name === a.name) releaseB();
        return res;
      };

    for (let round = 0; round < 3; round++) {
      const mine = a.create(`a round ${round}`);
      b.create(`b round ${round}`);
      a.edit(shared.id, { note: `a says ${round}`, tags: [`a${round}`] });
      b.edit(shared.id, { note: `b says ${round}`, verdict: 'disputed' });
      if (round === 1) b.remove(mine.id);
      const [ra, rb] = await Promise.all([
        a.sync(url, round === 0 ? gated(a.name) : fetch),
        b.sync(url, round === 0 ? gated(b.name) : fetch),
      ]);
      if (round === 0) {
        expect(ra.report.attempts).toBe(1);
        expect(rb.report.attempts).toBe(2);
        // B's second round saw A's records and wrote them back with its own.
        expect(rb.merged.map((r) => r.id)).toEqual(expect.arrayContaining([...a.records.keys()]));
      }
    }

    // Settle: each device syncs once more in turn.
    await a.sync(url);
    await b.sync(url);
    await a.sync(url);
    expect(a.snapshot()).toBe(b.snapshot());
    const remote = await remoteRecords(url);
    expect(canonicalJson(remote)).toBe(a.snapshot());
    expect(remote).toHaveLength(1 + 6);
    expectNothingLost(remote);
  });

  it('a wrong password gives a clear auth error and changes nothing', async () => {
    const url = `${dav().collectionUrl}first.json`;
    const before = storedFiles(dav())['first.json'];
    const intruder = new Device('intruder', 0);
    intruder.create('x');
    const error = await rejected(SyncError, intruder.sync(url, fetch, 'not the password'));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/user name or password/);
    expect(storedFiles(dav())['first.json']).toBe(before);
  });

  it('a folder that does not exist gives collection-missing', async () => {
    const device = new Device('lonely', 0);
    device.create('x');
    const error = await rejected(SyncError, device.sync(`${dav().baseUrl}no-such-folder/annotations.json`));
    expect(error.kind).toBe('collection-missing');
    expect(error.status).toBe(409);
  });

  it('refuses to overwrite a remote document it cannot read', async () => {
    const url = `${dav().collectionUrl}garbage.json`;
    const auth = 'Basic ' + Buffer.from(`${dav().username}:${dav().password}`).toString('base64');
    const put = await fetch(url, { method: 'PUT', headers: { Authorization: auth }, body: '{"format":"cecot-lens-annotations","formatVersion":1,"annotations":[' });
    expect(put.status).toBe(201);
    const device = new Device('careful', 0);
    device.create('x');
    const error = await rejected(SyncError, device.sync(url));
    expect(error.kind).toBe('invalid-remote');
    expect(storedFiles(dav())['garbage.json']).toBe('{"format":"cecot-lens-annotations","formatVersion":1,"annotations":[');
  });
});

describe('WebDAV sync through a failing server or network', { timeout: 60_000 }, () => {
  function via(): string {
    dav();
    if (proxy === undefined) throw new Error('the fault proxy did not start');
    return `${proxy.baseUrl}lens/faults.json`;
  }
  const direct = () => `${dav().collectionUrl}faults.json`;

  /** Breaks the first matching request the given way, passes everything else. */
  function failOnce(method: string, fault: Fault): void {
    let done = false;
    proxy!.decide = (req) => {
      if (!done && req.method === method) {
        done = true;
        return fault;
      }
      return 'pass';
    };
  }

  it.each([
    ['PUT', 'error-500', 'server'],
    ['PUT', 'drop-before', 'network'],
    ['PUT', 'truncate-body', 'network'],
    ['GET', 'error-500', 'server'],
    ['GET', 'drop-before', 'network'],
  ] as const)('%s answered with %s: %s error, remote unchanged, nothing lost on retry', async (method, fault, kind) => {
    const a = new Device(`a-${method}-${fault}`, 0);
    const b = new Device(`b-${method}-${fault}`, 0);
    a.create('from a');
    await a.sync(via());
    await b.sync(via());
    const before = storedFiles(dav())['faults.json'];

    a.create('new on a');
    b.create('new on b');
    const localBefore = a.snapshot();
    failOnce(method, fault);
    const error = await rejected(SyncError, a.sync(via()));
    expect(error.kind).toBe(kind);
    expect(a.snapshot()).toBe(localBefore);
    // The server kept the previous document, whole.
    await new Promise((r) => setTimeout(r, 100));
    expect(storedFiles(dav())['faults.json']).toBe(before);

    proxy!.decide = () => 'pass';
    await b.sync(via());
    await a.sync(via());
    await b.sync(via());
    expect(a.snapshot()).toBe(b.snapshot());
    const remote = await remoteRecords(direct());
    expect(canonicalJson(remote)).toBe(a.snapshot());
    expectNothingLost(remote);
  });

  it('a connection dropped after the server wrote: the client sees an error, the next sync finds nothing to redo', async () => {
    const a = new Device('a-drop-after', 0);
    a.create('one');
    await a.sync(via());
    a.create('two');
    failOnce('PUT', 'drop-after');
    const error = await rejected(SyncError, a.sync(via()));
    expect(error.kind).toBe('network');
    // The write did happen.
    expect((await remoteRecords(direct())).map((r) => r.id)).toEqual(expect.arrayContaining([...a.records.keys()]));
    const again = await a.sync(via());
    expect(again.report.wrote).toBe(false);
    expect(again.plan.put).toEqual([]);
    expect(canonicalJson(await remoteRecords(direct()))).toBe(
      canonicalJson(mergeAnnotationSets(await remoteRecords(direct()), [...a.records.values()]).annotations),
    );
  });
});
