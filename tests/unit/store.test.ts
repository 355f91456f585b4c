import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_VERSION } from '../../lib/store/db';
import { loadDatasetIntoDb, type StorableDataset } from '../../lib/store/load-dataset';
import {
  listAllAnnotations,
  listAnnotationsForPage,
  putAnnotation,
  putAnnotations,
  tombstoneAnnotation,
} from '../../lib/store/annotations-repo';
import type { Annotation } from '../../lib/annotations/schema';
import type { Claim } from '../../lib/dataset/schema';
import { openedDbs } from './fresh-db';

const open = openedDbs('test-db');

function claim(id: string): Claim {
  return {
    id,
    statement: `Statement ${id}`,
    statementEs: `Afirmación ${id}`,
    subject: 'cecot.capacity',
    category: 'quantity',
    entities: [],
    claimant: { type: 'article' },
    date: null,
    sources: [
      {
        sourceId: 'src-a',
        quote: { type: 'TextQuoteSelector', exact: 'forty' },
        position: { type: 'TextPositionSelector', start: 0, end: 5 },
      },
    ],
    terms: { en: [], es: [] },
    assessment: { status: 'single-source', note: 'n', related: [] },
    facts: [],
  };
}

function dataset(version: string, claimIds: string[]): StorableDataset {
  return {
    manifest: { id: 'test-set', version },
    sources: [
      {
        id: 'src-a',
        file: 'a.txt',
        title: 'A',
        byline: null,
        language: 'en',
        published: null,
        origin: 'test',
        sha256: '0'.repeat(64),
        note: 'n',
      },
    ],
    subjects: [
      { key: 'cecot.capacity', label: 'Capacity', labelEs: 'Capacidad', kind: 'quantity', unit: 'people', description: 'd', cues: { en: [], es: [] }, groups: [] },
    ],
    claims: claimIds.map(claim),
    assessments: [],
  };
}

function annotation(id: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id,
    url: 'https://news.example/story?utm_source=x',
    canonicalUrl: 'https://news.example/story',
    title: 'Story',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'up to 40,000', prefix: 'holds ', suffix: ' inmates' } },
    quote: 'up to 40,000',
    color: 'yellow',
    note: 'check this',
    tags: ['capacity'],
    verdict: 'unverified',
    claims: [],
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    revision: 1,
    deviceId: 'dev-a',
    deletedAt: null,
    ...over,
  };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('dataset loading', () => {
  it('loads once and is idempotent for the same version', async () => {
    const db = open();
    const first = await loadDatasetIntoDb(db, dataset('2026.01.01', ['c1', 'c2', 'c3']));
    expect(first.status).toBe('loaded');
    const again = await loadDatasetIntoDb(db, dataset('2026.01.01', ['c1', 'c2', 'c3']));
    expect(again.status).toBe('unchanged');
    expect(await db.claims.count()).toBe(3);
  });

  it('replaces the dataset tables on a new version and leaves annotations alone', async () => {
    const db = open();
    await loadDatasetIntoDb(db, dataset('2026.01.01', ['c1', 'c2', 'c3']));
    const [a1] = ids(1);
    await putAnnotation(db, annotation(a1!));
    const out = await loadDatasetIntoDb(db, dataset('2026.02.01', ['c4', 'c5']));
    expect(out).toMatchObject({ status: 'replaced', previous: '2026.01.01' });
    expect((await db.claims.toArray()).map((c) => c.id).sort()).toEqual(['c4', 'c5']);
    expect(((await db.meta.get('dataset')) as { version?: string } | undefined)?.version).toBe('2026.02.01');
    expect((await listAllAnnotations(db)).annotations).toHaveLength(1);
  });

  it('keeps the old dataset whole when loading a new one fails half-way', async () => {
    const db = open();
    await loadDatasetIntoDb(db, dataset('2026.01.01', ['c1', 'c2']));
    db.claims.hook('creating', (key) => {
      if (key === 'boom') throw new Error('disk trouble');
    });
    await expect(loadDatasetIntoDb(db, dataset('2026.03.01', ['c9', 'boom']))).rejects.toThrow(/disk trouble/);
    expect((await db.claims.toArray()).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(((await db.meta.get('dataset')) as { version?: string } | undefined)?.version).toBe('2026.01.01');
  });
});

describe('annotations', () => {
  it('rejects an invalid record before writing it', async () => {
    const db = open();
    await expect(putAnnotation(db, { ...annotation(ids(1)[0]!), revision: 0 })).rejects.toThrow(/revision/);
    expect(await db.annotations.count()).toBe(0);
  });

  it('lists by canonical URL, hides tombstones unless asked', async () => {
    const db = open();
    const [a, b, c] = ids(3);
    await putAnnotations(db, [
      annotation(a!),
      annotation(b!),
      annotation(c!, { canonicalUrl: 'https://other.example/x', url: 'https://other.example/x' }),
    ]);
    const t = await tombstoneAnnotation(db, b!, 'dev-b', new Date('2026-11-02T00:00:00Z'));
    expect(t).toMatchObject({ revision: 2, deviceId: 'dev-b', deletedAt: '2026-11-02T00:00:00.000Z', note: '' });
    expect((await listAnnotationsForPage(db, 'https://news.example/story')).annotations.map((x) => x.id)).toEqual([a]);
    expect((await listAnnotationsForPage(db, 'https://news.example/story', true)).annotations).toHaveLength(2);
  });

  it('writes a batch all-or-nothing', async () => {
    const db = open();
    const [a, b] = ids(2);
    await expect(putAnnotations(db, [annotation(a!), { ...annotation(b!), quote: '' }])).rejects.toThrow();
    expect(await db.annotations.count()).toBe(0);
  });

  it('reports records that no longer validate instead of dropping them', async () => {
    const db = open();
    const [a] = ids(1);
    // As an older build or another tool might have left it (a write of ours goes through writeNotes).
    await db.transaction('rw', db.annotations, db.pageAnchors, () => db.annotations.put({ ...annotation(a!), host: 'news.example', revision: -3 } as never));
    const list = await listAllAnnotations(db);
    expect(list.annotations).toHaveLength(0);
    expect(list.invalid).toEqual([{ id: a, error: expect.stringContaining('revision') }]);
  });
});

describe('schema migration', () => {
  it('opens a version-1 database with every record intact and fills the new site index', async () => {
    const name = `test-db-v1-${process.pid}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const records = ids(50).map((id, i) =>
      annotation(id, { canonicalUrl: `https://Site${i % 3}.example/p/${i}`, url: `https://site${i % 3}.example/p/${i}`, note: `note ${i}` }),
    );
    await old.table('annotations').bulkPut(records);
    await old.table('claims').bulkPut([claim('c1'), claim('c2')]);
    await old.table('meta').put({ key: 'dataset', id: 'test-set', version: '2025.12.01', loadedAt: '2025-12-01T00:00:00.000Z', claimCount: 2 });
    old.close();

    const db = open(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const back = await listAllAnnotations(db);
    expect(back.invalid).toEqual([]);
    expect(back.annotations.sort((x, y) => x.id.localeCompare(y.id))).toEqual(records);
    expect(await db.annotations.where('host').equals('site1.example').count()).toBe(17);
    expect(await db.claims.count()).toBe(2);
    expect(((await db.meta.get('dataset')) as { version?: string } | undefined)?.version).toBe('2025.12.01');
  });
});

describe('device id', () => {
  it('is created once and then stays the same', async () => {
    const { getDeviceId } = await import('../../lib/store/device-id');
    const db = open();
    let n = 0;
    const make = () => `device-${++n}`;
    const [a, b] = await Promise.all([getDeviceId(db, make), getDeviceId(db, make)]);
    expect(a).toBe('device-1');
    expect(b).toBe('device-1');
    expect(await getDeviceId(db, make)).toBe('device-1');
  });
});
