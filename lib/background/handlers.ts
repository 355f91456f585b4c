import type { Handlers } from '../messages/route';
import type { DatasetStatus } from '../messages/protocol';
import type { LensDb } from '../store/db';
import type { LoadOutcome } from '../store/load-dataset';
import { listAnnotationsForPage, putAnnotation, tombstoneAnnotation } from '../store/annotations-repo';
import { getDeviceId } from '../store/device-id';

export function makeHandlers(db: LensDb, ready: () => Promise<LoadOutcome>): Handlers {
  return {
    'dataset/status': async (): Promise<DatasetStatus> => {
      const { meta } = await ready();
      // Counted from the tables, not the meta row, so the figure is what IndexedDB really holds.
      const [claimCount, sourceCount, subjectCount] = await Promise.all([db.claims.count(), db.sources.count(), db.subjects.count()]);
      return { id: meta.id, version: meta.version, loadedAt: meta.loadedAt, claimCount, sourceCount, subjectCount };
    },
    'dataset/claims': async ({ ids }) => {
      await ready();
      return ids ? (await db.claims.bulkGet(ids)).filter((c) => c !== undefined) : db.claims.toArray();
    },
    'annotations/list': async ({ canonicalUrl, includeDeleted }) => listAnnotationsForPage(db, canonicalUrl, includeDeleted),
    'annotations/save': async ({ annotation }) => putAnnotation(db, annotation),
    'annotations/delete': async ({ id }) => tombstoneAnnotation(db, id, await getDeviceId(db)),
  };
}
