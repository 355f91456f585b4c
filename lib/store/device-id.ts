import type { DeviceMeta, LensDb } from './db';

/**
 * The install's device id, created on first use inside a transaction so that
 * two callers racing at start-up still end with one id.
 */
export async function getDeviceId(db: LensDb, makeId: () => string = () => crypto.randomUUID()): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = (await db.meta.get('device')) as DeviceMeta | undefined;
    if (row) return row.id;
    const id = makeId();
    const fresh: DeviceMeta = { key: 'device', id, createdAt: new Date().toISOString() };
    await db.meta.put(fresh);
    return id;
  });
}
