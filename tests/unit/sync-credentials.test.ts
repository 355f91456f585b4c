import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeDataService } from '../../lib/background/data-service';
import { freshDbs } from './fresh-db';
import type { SyncMeta } from '../../lib/store/db';
import { syncOnce } from '../../lib/sync/webdav-sync';

const freshDb = freshDbs('sync-credentials');

/** A server that answers 404 to a GET and 201 to a PUT, and notes every request with its Authorization header. */
function recordingFetch() {
  const seen: { url: string; authorization: string | null }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    seen.push({ url, authorization: new Headers(init.headers).get('Authorization') });
    return new Response(init.method === 'PUT' ? null : 'not here', { status: init.method === 'PUT' ? 201 : 404, headers: { ETag: '"1"' } });
  };
  return { seen, fetch };
}

const now = () => new Date('2026-12-01T12:00:00.000Z');
const GOOD = 'https://dav.mine.example/remote.php/dav/files/me/lens.json';

describe('sync credentials stay with their server (finding 2)', () => {
  it('a new origin with an empty password is refused, and the stored password is dropped, not sent', async () => {
    const net = recordingFetch();
    const scheduled: number[] = [];
    const db = await freshDb();
    const service = makeDataService(db, { fetch: net.fetch, now, scheduleSync: (m) => scheduled.push(m) });
    await service.configureSync({ url: GOOD, username: 'me', password: 's3cret', intervalMinutes: 15 });

    await expect(service.configureSync({ url: 'https://collector.evil.example/x.json', username: 'me', intervalMinutes: 15 })).rejects.toThrow(
      /new server .*needs its password/,
    );
    const meta = (await db.meta.get('sync')) as SyncMeta;
    expect(meta.config?.password).toBe('');
    expect(meta.config?.url).toBe(GOOD);
    expect((await service.syncConfig()).hasPassword).toBe(false);
    // The periodic sync was stopped with it.
    expect(scheduled.at(-1)).toBe(0);

    const status = await service.syncNow();
    expect(status.ok).toBe(false);
    expect(status.message).toMatch(/password/);
    expect(net.seen).toEqual([]);
  });

  it('the same origin keeps the stored password (another path, another interval)', async () => {
    const net = recordingFetch();
    const db = await freshDb();
    const service = makeDataService(db, { fetch: net.fetch, now, scheduleSync: () => {} });
    await service.configureSync({ url: GOOD, username: 'me', password: 's3cret', intervalMinutes: 0 });
    const view = await service.configureSync({ url: 'https://dav.mine.example/other/lens.json', username: 'me', intervalMinutes: 60 });
    expect(view.hasPassword).toBe(true);
    expect((await service.syncNow()).ok).toBe(true);
    expect(net.seen.length).toBeGreaterThan(0);
    for (const r of net.seen) {
      expect(new URL(r.url).origin).toBe('https://dav.mine.example');
      expect(r.authorization).toBe(`Basic ${btoa('me:s3cret')}`);
    }
  });

  it('a new origin with its own password is fine', async () => {
    const db = await freshDb();
    const service = makeDataService(db, { fetch: recordingFetch().fetch, now, scheduleSync: () => {} });
    await service.configureSync({ url: GOOD, username: 'me', password: 's3cret', intervalMinutes: 0 });
    const view = await service.configureSync({ url: 'https://dav.new.example/lens.json', username: 'me', password: 'other', intervalMinutes: 0 });
    expect(view).toMatchObject({ url: 'https://dav.new.example/lens.json', hasPassword: true });
    expect(((await db.meta.get('sync')) as SyncMeta).config?.passwordOrigin).toBe('https://dav.new.example');
  });

  it('plain http to another computer is refused when configured, with a clear message; loopback is allowed', async () => {
    const db = await freshDb();
    const service = makeDataService(db, { fetch: recordingFetch().fetch, now, scheduleSync: () => {} });
    await expect(service.configureSync({ url: 'http://dav.mine.example/lens.json', username: 'me', password: 'x', intervalMinutes: 0 })).rejects.toThrow(
      /plain http:\/\/ would send the password unencrypted/,
    );
    expect(await db.meta.get('sync')).toBeUndefined();
    await expect(service.configureSync({ url: 'https://me:pw@dav.mine.example/x', username: 'me', password: 'x', intervalMinutes: 0 })).rejects.toThrow(/own fields/);
    await expect(service.configureSync({ url: 'http://127.0.0.1:8080/dav/lens.json', username: 'me', password: 'x', intervalMinutes: 0 })).resolves.toMatchObject({
      hasPassword: true,
    });
  });

  it('a stored record whose address was changed behind the password gets no request (checked at sync time)', async () => {
    const net = recordingFetch();
    const db = await freshDb();
    const service = makeDataService(db, { fetch: net.fetch, now, scheduleSync: () => {} });
    await service.configureSync({ url: GOOD, username: 'me', password: 's3cret', intervalMinutes: 0 });
    const meta = (await db.meta.get('sync')) as SyncMeta;
    await db.meta.put({ ...meta, config: { ...meta.config!, url: 'https://collector.evil.example/x.json' } } as SyncMeta);
    const status = await service.syncNow();
    expect(status.ok).toBe(false);
    expect(status.message).toMatch(/password was entered for https:\/\/dav\.mine\.example/);
    expect(net.seen).toEqual([]);
  });

  it('the WebDAV client refuses to send credentials to a URL outside their origin', async () => {
    const net = recordingFetch();
    const base = { username: 'me', password: 's3cret', fetch: net.fetch, local: [], deviceId: 'd', now };
    await expect(syncOnce({ ...base, url: 'https://collector.evil.example/x.json', credentialOrigin: 'https://dav.mine.example' })).rejects.toThrow(
      /password belongs to https:\/\/dav\.mine\.example/,
    );
    expect(net.seen).toEqual([]);
  });
});

describe('sync set-up errors', () => {
  it('are one sentence, not a validator report', async () => {
    const db = await freshDb();
    const service = makeDataService(db, { fetch: recordingFetch().fetch, now, scheduleSync: () => {} });
    await expect(service.configureSync({ url: GOOD, username: '', password: 'x', intervalMinutes: 0 })).rejects.toThrow(/^a user name is needed$/);
    await expect(service.configureSync({ url: GOOD, username: 'me', intervalMinutes: 0 })).rejects.toThrow(/^a password is needed$/);
  });
});
