import Dexie, { type EntityTable } from 'dexie';
import type { Claim, CrossAssessment, Source, Subject } from '../dataset/schema';
import type { Annotation } from '../annotations/schema';
import { hostOf } from './host-of';
import type { AnchorStatus } from '../library/anchor-status';
import type { TrashCopy } from './trash';
import { pageAnchorsFromNotes, type PageAnchorsRow } from './page-anchors';

/** The one database of the extension. It lives in the extension's origin only. */
export const DB_NAME = 'cecot-lens';

/** What the `meta` table holds under the key `dataset`. */
export interface DatasetMeta {
  key: 'dataset';
  id: string;
  version: string;
  loadedAt: string;
  claimCount: number;
}

/** Annotations are stored with their site so that exports can filter by it through an index. */
/** This install's device id, written once: sync uses it to break ties between devices. */
export interface DeviceMeta {
  key: 'device';
  id: string;
  createdAt: string;
}

/** The WebDAV sync set-up and the outcome of the last sync (see lib/data/sync-config.ts). */
export interface SyncMeta {
  key: 'sync';
  config: import('../data/sync-config').SyncConfig | null;
  status: import('../data/sync-config').SyncStatus | null;
}

/** Changes whenever the reader's dataset layer does (same transaction), so the background knows to rebuild its matcher. */
export interface LayerMeta {
  key: 'layer';
  stamp: string;
}

export type MetaRow = DatasetMeta | DeviceMeta | SyncMeta | LayerMeta;

export type StoredAnnotation = Annotation & { host: string };

export type LensDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>;
  sources: EntityTable<Source, 'id'>;
  subjects: EntityTable<Subject, 'key'>;
  claims: EntityTable<Claim, 'id'>;
  assessments: EntityTable<CrossAssessment, 'id'>;
  annotations: EntityTable<StoredAnnotation, 'id'>;
  layer: EntityTable<import('../dataset/layer-schema').LayerChange, 'id'>;
  claimVisits: import('dexie').Table<ClaimVisit, [string, string]>;
  anchorStatus: EntityTable<AnchorStatus, 'id'>;
  trash: EntityTable<TrashCopy, 'id'>;
  pageAnchors: EntityTable<PageAnchorsRow, 'canonicalUrl'>;
};

/** A page the reader opened that agreed or conflicted with a dataset claim; kept only with their consent (a setting, off by default). */
export interface ClaimVisit {
  claimId: string;
  canonicalUrl: string;
  title: string;
  relation: 'agrees' | 'conflicts' | 'repeats-error';
  at: string;
}

/**
 * Schema history. Never edit a past version: add a new one with an upgrade, so
 * that a database written by any earlier release opens with its records intact.
 * Version 1 is kept verbatim for the migration test.
 */
export const SCHEMA_V1 = {
  meta: 'key',
  sources: 'id',
  claims: 'id, subject',
  annotations: 'id, canonicalUrl, updatedAt',
} as const;

export const SCHEMA_V2 = {
  meta: 'key',
  sources: 'id',
  subjects: 'key',
  claims: 'id, subject',
  assessments: 'id',
  // `host` and the tag/verdict indexes serve the export filters (site, tag, verdict, date).
  annotations: 'id, canonicalUrl, updatedAt, host, *tags, verdict',
} as const;

/** Version 3: the reader's own dataset layer (lib/dataset/layer-schema.ts), kept apart from the bundled tables, and the pages that agreed or conflicted with a claim. */
export const SCHEMA_V3 = {
  layer: 'id, kind, target, updatedAt',
  claimVisits: '[claimId+canonicalUrl], claimId, at',
} as const;

/**
 * Version 4 (the library): whether each note was found on its page at the last
 * visit (`anchorStatus`, written from the page session's report), and a local
 * copy of what a deleted note said (`trash`, for 30 days) so that a restore
 * brings its text back. Neither is synced: the tombstone is what syncs.
 */
export const SCHEMA_V4 = {
  anchorStatus: 'id, canonicalUrl, state',
  trash: 'id, deletedAt',
} as const;

/**
 * Version 5: per canonical page, the selectors and colours its notes need to be re-attached, in columns
 * (lib/store/page-anchors.ts): what the page session asks for, in one record instead of every note in full.
 * Derived from the notes table, built from it on upgrade, and written in the same transactions.
 */
export const SCHEMA_V5 = {
  pageAnchors: 'canonicalUrl',
} as const;

export const SCHEMA_VERSION = 5;

/**
 * Refuses a write to the notes in a transaction that does not also hold `pageAnchors`: every writer must keep
 * it in step (lib/store/page-anchors.ts `writeNotes`), and one that cannot would leave a page drawing notes that
 * are gone or missing new ones. Schema upgrades (a versionchange transaction holds every table) are let through.
 */
function keepsPageAnchors(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'notes-with-page-anchors',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'annotations') return table;
        return {
          ...table,
          mutate: (req) => {
            const trans = req.trans as unknown as Partial<IDBTransaction>;
            const stores = trans.objectStoreNames;
            if (trans.mode !== 'versionchange' && stores && !stores.contains('pageAnchors')) {
              return Promise.reject(new Error('notes written in a transaction without pageAnchors: use writeNotes (lib/store/page-anchors.ts)'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

export interface OpenOptions {
  /** For Node tests: fake-indexeddb's factory and key range. Browsers use their globals. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  name?: string;
}

export function openLensDb(options: OpenOptions = {}): LensDb {
  const { name = DB_NAME, ...deps } = options;
  const db = new Dexie(name, deps.indexedDB ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined) as LensDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      await tx
        .table('annotations')
        .toCollection()
        .modify((row: Partial<StoredAnnotation>) => {
          row.host = hostOf(row.canonicalUrl ?? row.url ?? '');
        });
    });
  // Nothing to migrate: the layer starts empty, and the bundled tables are not touched.
  db.version(3).stores(SCHEMA_V3);
  // New tables only: nothing to convert.
  db.version(4).stores(SCHEMA_V4);
  // Built from the notes as they are; a record that no longer validates is counted there, as on any read.
  db.version(5)
    .stores(SCHEMA_V5)
    .upgrade(async (tx) => {
      const rows = await tx.table('annotations').toArray();
      await tx.table('pageAnchors').bulkPut(pageAnchorsFromNotes(rows));
    });
  keepsPageAnchors(db);
  return db;
}
