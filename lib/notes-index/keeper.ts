import Dexie from 'dexie';
import type { LensDb } from '../store/db';
import { asNotesIndex, buildNotesIndex, notesIndexCurrent, type NotesIndex } from './notes-index';

/** Where the index is kept (`storage.local` in the extension; a map in tests). */
export interface NotesIndexStore {
  read(): Promise<unknown>;
  write(index: NotesIndex): Promise<void>;
  /** A fresh random salt. */
  newSalt(): string;
}

/** The annotation table as a short string that changes with every write: its size and latest change. */
export async function annotationsStamp(db: LensDb): Promise<string> {
  const [count, last] = await Promise.all([db.annotations.count(), db.annotations.orderBy('updatedAt').last()]);
  return `${count}|${last?.updatedAt ?? ''}|${last?.id ?? ''}`;
}

/** Builds the index from the database: the canonical URLs of every live (not deleted) note. */
export async function rebuildNotesIndex(db: LensDb, store: NotesIndexStore): Promise<NotesIndex> {
  const urls = new Set<string>();
  let stamp = '';
  await db.transaction('r', db.annotations, async () => {
    stamp = await annotationsStamp(db);
    await db.annotations.each((row) => {
      if (row.deletedAt === null && typeof row.canonicalUrl === 'string') urls.add(row.canonicalUrl);
    });
  });
  const index = buildNotesIndex(urls, store.newSalt(), stamp);
  await store.write(index);
  return index;
}

export interface NotesIndexKeeper {
  /** Resolves once every write seen so far is reflected in the stored index. */
  settled(): Promise<void>;
  dispose(): void;
}

/**
 * Keeps the stored index in step with the annotations table, whoever writes
 * to it (a save, a deletion, an import, a sync, a migration): Dexie announces
 * every committed write transaction, and a write touching the table schedules
 * one rebuild (writes arriving meanwhile fold into the next one). At start the
 * stored index is checked against the table, in case the service worker
 * stopped between a write and its rebuild.
 */
export function keepNotesIndex(db: LensDb, store: NotesIndexStore): NotesIndexKeeper {
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  const log = (error: unknown) => console.error('[cecot-lens] notes index', error);
  const schedule = (): void => {
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      await rebuildNotesIndex(db, store).catch(log);
    });
  };
  const table = `idb://${db.name}/annotations/`;
  const onMutated = (parts: Record<string, unknown>): void => {
    if (Object.keys(parts).some((key) => key.startsWith(table))) schedule();
  };
  Dexie.on('storagemutated', onMutated);
  running = (async () => {
    try {
      const [stored, stamp] = await Promise.all([store.read(), annotationsStamp(db)]);
      if (!notesIndexCurrent(asNotesIndex(stored), stamp)) schedule();
    } catch (error) {
      log(error);
    }
  })();
  return {
    settled: async () => {
      // A rebuild may queue another while it runs.
      for (let last: Promise<void> | null = null; last !== running; ) {
        last = running;
        await last;
      }
    },
    dispose: () => Dexie.on('storagemutated').unsubscribe(onMutated),
  };
}
