import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations/schema';
import { exportBundleJson } from '../../lib/exchange/bundle';
import { readImportFile } from '../../lib/exchange/import';
import { basicAuthorization } from '../../lib/sync/basic-auth';
import { SyncError } from '../../lib/sync/sync-error';
import { syncOnce, type FetchLike, type WebDavSyncOptions } from '../../lib/sync/webdav-sync';
import { ctx, makeAnnotation, uuidFor } from './exchange-fixtures';
import { rejected } from './thrown';

/**
 * An in-memory stand-in for a WebDAV server holding one document, with
 * conditional PUT as RFC 4918 / RFC 9110 describe it, and hooks to misbehave.
 * (The real server is exercised in sync-webdav.test.ts.)
 */
class FakeDav {
  doc: string | null = null;
  version = 0;
  weak = false;
  requests: Array<{ method: string; url: string; headers: Record<string, string>; body?: string }> = [];
  /** Return a Response (or throw) to override the normal handling of a request. */
  hook: ((req: { method: string; url: string; headers: Record<string, string>; body?: string }, n: number) => Response | undefined) | undefined;

  constructor(readonly documentUrl = 'https://dav.example.org/remote.php/dav/files/ana/lens/annotations.json') {}

  etag(): string {
    return `${this.weak ? 'W/' : ''}"v${this.version}"`;
  }

  fetch: FetchLike = async (input, init) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const req = { method: init.method ?? 'GET', url: input, headers, ...(typeof init.body === 'string' ? { body: init.body } : {}) };
    this.requests.push(req);
    const override = this.hook?.(req, this.requests.length);
    if (override !== undefined) return override;
    if (input !== this.documentUrl) return new Response('not here', { status: 404 });
    if (headers['authorization'] !== basicAuthorization('ana', 'pw')) return new Response('no', { status: 401 });
    if (req.method === 'GET') {
      if (this.doc === null) return new Response('missing', { status: 404 });
      return new Response(this.doc, { status: 200, headers: { ETag: this.etag() } });
    }
    if (req.method === 'PUT') {
      const ifMatch = headers['if-match'];
      const ifNoneMatch = headers['if-none-match'];
      if (ifNoneMatch === '*' && this.doc !== null) return new Response(null, { status: 412 });
      // Strong comparison: a weak tag never matches.
      if (ifMatch !== undefined && (this.doc === null || ifMatch.startsWith('W/') || ifMatch !== this.etag())) return new Response(null, { status: 412 });
      const created = this.doc === null;
      this.doc = req.body ?? '';
      this.version += 1;
      return new Response(null, { status: created ? 201 : 204 });
    }
    return new Response(null, { status: 405 });
  };

  records(): Annotation[] {
    return this.doc === null ? [] : readImportFile(this.doc).annotations;
  }
}

function options(dav: FakeDav, local: readonly Annotation[], extra: Partial<WebDavSyncOptions> = {}): WebDavSyncOptions {
  return {
    url: dav.documentUrl,
    username: 'ana',
    password: 'pw',
    fetch: dav.fetch,
    local,
    deviceId: 'laptop',
    now: () => new Date('2025-04-02T10:00:00.000Z'),
    sleep: async () => {},
    ...extra,
  };
}

const a1 = makeAnnotation({ id: uuidFor(1), note: 'one' });
const a2 = makeAnnotation({ id: uuidFor(2), note: 'two' });
const a3 = makeAnnotation({ id: uuidFor(3), note: 'three' });

describe('syncOnce against an in-memory WebDAV document', () => {
  it('creates the document with If-None-Match: * when it does not exist', async () => {
    const dav = new FakeDav();
    const result = await syncOnce(options(dav, [a1, a2]));
    expect(dav.records()).toEqual([a1, a2]);
    const put = dav.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-none-match']).toBe('*');
    expect(put.headers['if-match']).toBeUndefined();
    expect(result.report).toMatchObject({ pulled: 0, pushed: 2, createdRemote: true, wrote: true, attempts: 1 });
    expect(result.report.bytesUp).toBe(new TextEncoder().encode(put.body!).length);
    expect(result.plan.put).toEqual([]);
    expect(JSON.parse(dav.doc!).deviceId).toBe('laptop');
  });

  it('pulls what another device pushed, and writes nothing when the remote already has everything', async () => {
    const dav = new FakeDav();
    await syncOnce(options(dav, [a1, a2]));
    const before = dav.version;
    const result = await syncOnce(options(dav, [], { deviceId: 'phone' }));
    expect(result.merged).toEqual([a1, a2]);
    expect(result.plan.put).toEqual([a1, a2]);
    expect(result.report).toMatchObject({ pulled: 2, pushed: 0, wrote: false });
    expect(result.report.bytesDown).toBe(new TextEncoder().encode(dav.doc!).length);
    expect(dav.version).toBe(before);
  });

  it('writes with If-Match and the ETag it read, and carries tombstones both ways', async () => {
    const dav = new FakeDav();
    await syncOnce(options(dav, [a1, a2]));
    const deleted = { ...a1, revision: 2, deletedAt: '2025-04-01T00:00:00.000Z', updatedAt: '2025-04-01T00:00:00.000Z' };
    const result = await syncOnce(options(dav, [deleted, a2, a3]));
    const put = dav.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.headers['if-match']).toBe('"v1"');
    expect(dav.records()).toEqual([deleted, a2, a3]);
    expect(result.report.pushed).toBe(2);
    const other = await syncOnce(options(dav, [a1, a2]));
    expect(other.plan.put).toEqual([deleted, a3]);
  });

  it('on 412 (someone wrote in between) reads, merges and writes again', async () => {
    const dav = new FakeDav();
    await syncOnce(options(dav, [a1]));
    let injected = false;
    dav.hook = (req) => {
      if (req.method === 'PUT' && !injected) {
        injected = true;
        // Another device writes between our GET and our PUT.
        dav.doc = exportBundleJson([a1, a3], ctx);
        dav.version += 1;
      }
      return undefined;
    };
    const result = await syncOnce(options(dav, [a1, a2]));
    expect(result.report.attempts).toBe(2);
    expect(dav.records()).toEqual([a1, a2, a3]);
    expect(result.merged).toEqual([a1, a2, a3]);
    expect(result.plan.put).toEqual([a3]);
  });

  it('gives up after the allowed attempts with a contention error, having written nothing', async () => {
    const dav = new FakeDav();
    await syncOnce(options(dav, [a1]));
    dav.hook = (req) => (req.method === 'PUT' ? new Response(null, { status: 412 }) : undefined);
    const error = await rejected(SyncError, syncOnce(options(dav, [a1, a2], { maxAttempts: 3 })));
    expect(error.kind).toBe('contention');
    expect(dav.requests.filter((r) => r.method === 'PUT')).toHaveLength(4);
    expect(dav.records()).toEqual([a1]);
  });

  it('waits for a weak ETag to become strong before writing', async () => {
    const dav = new FakeDav();
    await syncOnce(options(dav, [a1]));
    dav.weak = true;
    const sleeps: number[] = [];
    const result = await syncOnce(
      options(dav, [a1, a2], {
        sleep: async (ms) => {
          sleeps.push(ms);
          if (sleeps.length === 2) dav.weak = false;
        },
      }),
    );
    expect(sleeps).toEqual([1100, 1100]);
    expect(result.report.attempts).toBe(1);
    expect(dav.records()).toEqual([a1, a2]);
    dav.weak = true;
    const error = await rejected(SyncError, syncOnce(options(dav, [a1, a2, a3], { maxWeakEtagWaits: 2 })));
    expect(error.kind).toBe('protocol');
  });

  it('refuses to write without an ETag', async () => {
    const dav = new FakeDav();
    dav.doc = exportBundleJson([a1], ctx);
    dav.hook = (req) => (req.method === 'GET' ? new Response(dav.doc, { status: 200 }) : undefined);
    expect((await rejected(SyncError, syncOnce(options(dav, [a2])))).kind).toBe('protocol');
    expect(dav.requests.some((r) => r.method === 'PUT')).toBe(false);
  });
});

describe('syncOnce never overwrites what it cannot read', () => {
  for (const [name, doc] of [
    ['truncated JSON', exportBundleJson([a1], ctx).slice(0, 200)],
    ['an HTML error page', '<html><body>Maintenance</body></html>'],
    ['a record that fails validation', exportBundleJson([a1], ctx).replace('"revision":1', '"revision":0')],
    ['a W3C file', JSON.stringify({ type: 'AnnotationCollection' })],
  ] as const) {
    it(`${name}: invalid-remote, no PUT`, async () => {
      const dav = new FakeDav();
      dav.doc = doc;
      const error = await rejected(SyncError, syncOnce(options(dav, [a1, a2])));
      expect(error.kind).toBe('invalid-remote');
      expect(error.message).toContain('left untouched');
      expect(dav.requests.some((r) => r.method === 'PUT')).toBe(false);
      expect(dav.doc).toBe(doc);
    });
  }

  it('a document from a newer version: newer-format, no PUT', async () => {
    const dav = new FakeDav();
    dav.doc = JSON.stringify({ ...JSON.parse(exportBundleJson([a1], ctx)), formatVersion: 4 });
    const error = await rejected(SyncError, syncOnce(options(dav, [a1, a2])));
    expect(error.kind).toBe('newer-format');
    expect(dav.requests.some((r) => r.method === 'PUT')).toBe(false);
  });
});

describe('syncOnce errors', () => {
  it('401 on a wrong password', async () => {
    const dav = new FakeDav();
    const error = await rejected(SyncError, syncOnce(options(dav, [a1], { password: 'wrong' })));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/user name or password/);
  });

  it('403, 409 on write (missing folder), 500, and a network failure', async () => {
    const dav = new FakeDav();
    dav.hook = () => new Response(null, { status: 403 });
    expect((await rejected(SyncError, syncOnce(options(dav, [a1])))).kind).toBe('forbidden');
    dav.hook = (req) => (req.method === 'PUT' ? new Response(null, { status: 409 }) : undefined);
    const missing = await rejected(SyncError, syncOnce(options(dav, [a1])));
    expect(missing.kind).toBe('collection-missing');
    expect(missing.message).toContain('https://dav.example.org/remote.php/dav/files/ana/lens/');
    dav.hook = () => new Response('oops', { status: 503 });
    expect(await rejected(SyncError, syncOnce(options(dav, [a1])))).toMatchObject({ kind: 'server', status: 503 });
    dav.hook = () => {
      throw new TypeError('fetch failed');
    };
    expect((await rejected(SyncError, syncOnce(options(dav, [a1])))).kind).toBe('network');
  });

  it('an aborted sync says so', async () => {
    const dav = new FakeDav();
    const controller = new AbortController();
    controller.abort();
    dav.hook = () => {
      throw new DOMException('aborted', 'AbortError');
    };
    expect((await rejected(SyncError, syncOnce(options(dav, [a1], { signal: controller.signal })))).kind).toBe('aborted');
  });

  it('a server that never answers times out as a network error', async () => {
    const dav = new FakeDav();
    const hanging: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const error = await rejected(SyncError, syncOnce({ ...options(dav, [a1]), fetch: hanging, requestTimeoutMs: 50 }));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('no answer from the server within');
  });

  it('cancelling mid-request gives aborted, not a timeout', async () => {
    const dav = new FakeDav();
    const controller = new AbortController();
    const hanging: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        setTimeout(() => controller.abort(), 10);
      });
    const error = await rejected(SyncError, syncOnce({ ...options(dav, [a1]), fetch: hanging, signal: controller.signal }));
    expect(error.kind).toBe('aborted');
  });

  it('never sends credentials to another origin on a redirect', async () => {
    const dav = new FakeDav();
    dav.hook = (req) =>
      req.url === dav.documentUrl ? new Response(null, { status: 302, headers: { Location: 'https://evil.example.net/steal' } }) : undefined;
    const error = await rejected(SyncError, syncOnce(options(dav, [a1])));
    expect(error.kind).toBe('redirect');
    expect(dav.requests.every((r) => r.url.startsWith('https://dav.example.org/'))).toBe(true);
  });

  it('follows a redirect within the origin for reading and reports the final URL', async () => {
    const moved = 'https://dav.example.org/remote.php/dav/files/ana/lens/annotations-moved.json';
    const dav = new FakeDav(moved);
    dav.hook = (req) =>
      req.url === 'https://dav.example.org/old.json' ? new Response(null, { status: 301, headers: { Location: '/remote.php/dav/files/ana/lens/annotations-moved.json' } }) : undefined;
    const result = await syncOnce(options(dav, [a1], { url: 'https://dav.example.org/old.json' }));
    expect(result.report.finalUrl).toBe(moved);
    expect(dav.records()).toEqual([a1]);
  });

  it('refuses unsafe configuration before any request', async () => {
    const dav = new FakeDav();
    const cases: Array<Partial<WebDavSyncOptions>> = [
      { url: 'http://dav.example.org/a.json' },
      { url: 'https://ana:pw@dav.example.org/a.json' },
      { url: 'ftp://dav.example.org/a.json' },
      { url: 'not a url' },
      { username: 'a:b' },
    ];
    for (const extra of cases) expect((await rejected(SyncError, syncOnce(options(dav, [a1], extra)))).kind).toBe('config');
    expect(dav.requests).toEqual([]);
  });

  it('encodes Basic credentials as UTF-8', () => {
    expect(basicAuthorization('añа', 'pässwörd€')).toBe('Basic ' + Buffer.from('añа:pässwörd€', 'utf8').toString('base64'));
    for (const s of ['', 'a', 'ab', 'abc', 'abcd']) expect(basicAuthorization(s, '')).toBe('Basic ' + Buffer.from(`${s}:`).toString('base64'));
  });
});
