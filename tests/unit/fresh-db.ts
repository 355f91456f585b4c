import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { bundledDataset } from '../../lib/dataset/bundled';
import { openLensDb, type LensDb } from '../../lib/store/db';
import { loadDatasetIntoDb } from '../../lib/store/load-dataset';

/**
 * A new fake-indexeddb database with the bundled dataset loaded, for each call;
 * every one made in a test is closed and deleted after it.
 */
export function freshDbs(prefix: string): () => Promise<LensDb> {
  let n = 0;
  const dbs: LensDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return async () => {
    const db = openLensDb({ name: `${prefix}-${process.pid}-${++n}` });
    dbs.push(db);
    await loadDatasetIntoDb(db, bundledDataset());
    return db;
  };
}
