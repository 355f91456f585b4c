import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { bundledDataset } from '../../lib/dataset/bundled';
import { openLensDb, type LensDb } from '../../lib/store/db';
import { loadDatasetIntoDb } from '../../lib/store/load-dataset';

/**
 * Opens fake-indexeddb databases (empty: nothing loaded) named `<prefix>-<pid>-<n>`, or by
 * the name given; every one opened in a test is closed and deleted after it.
 */
export function openedDbs(prefix: string): (name?: string) => LensDb {
  let n = 0;
  const dbs: LensDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return (name = `${prefix}-${process.pid}-${++n}`) => {
    const db = openLensDb({ name });
    dbs.push(db);
    return db;
  };
}

/** A new fake-indexeddb database with the bundled dataset loaded, for each call; deleted after the test. */
export function freshDbs(prefix: string): () => Promise<LensDb> {
  const open = openedDbs(prefix);
  return async () => {
    const db = open();
    await loadDatasetIntoDb(db, bundledDataset());
    return db;
  };
}
