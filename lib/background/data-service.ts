import { Claim } from '../dataset/schema';
import { ImportError, readImportFile } from '../exchange/import';
import { ExportRequest } from '../data/export-request';
import { runExport } from '../data/run-export';
import { refusalOf, summarizeImport, type ImportRefusal, type ImportSummary } from '../data/import-summary';
import { originOf, SyncConfig, syncAddressProblem, type SyncConfigView, type SyncStatus } from '../data/sync-config';
import { syncOnce, type FetchLike } from '../sync/webdav-sync';
import { SyncError } from '../sync/sync-error';
import { syncWithFile } from '../sync/file-sync';
import type { DatasetMeta, LensDb, SyncMeta } from '../store/db';
import { listAllAnnotations } from '../store/annotations-repo';
import { getDeviceId } from '../store/device-id';
import { mergeIntoStore, previewAgainstStore } from '../store/merge-into-store';
import { listLayer, mergeLayer } from '../store/layer-repo';
import type { LayerChange } from '../dataset/layer-schema';
import type { Annotation } from '../annotations/schema';

export const GENERATOR = { name: 'CECOT Lens', version: '0.1.0' };

export interface DataEffects {
  fetch: FetchLike;
  /** (Re)schedules periodic sync; 0 cancels it. */
  scheduleSync(intervalMinutes: number): void;
  now(): Date;
}

async function datasetRef(db: LensDb) {
  const meta = (await db.meta.get('dataset')) as DatasetMeta | undefined;
  return { id: meta?.id ?? 'unknown', version: meta?.version ?? 'unknown' };
}

async function syncMeta(db: LensDb): Promise<SyncMeta> {
  return ((await db.meta.get('sync')) as SyncMeta | undefined) ?? { key: 'sync', config: null, status: null };
}

function view(meta: SyncMeta): SyncConfigView {
  return {
    url: meta.config?.url ?? '',
    username: meta.config?.username ?? '',
    hasPassword: !!meta.config?.password,
    intervalMinutes: meta.config?.intervalMinutes ?? 0,
    status: meta.status,
  };
}

/**
 * Writes what a sync brought, notes and dataset layer, in one transaction: a
 * failure leaves both as they were. Returns how many layer records changed.
 */
async function mergeSyncIntoStore(db: LensDb, notes: readonly Annotation[], layer: readonly LayerChange[]) {
  return db.transaction('rw', [db.annotations, db.pageAnchors, db.layer, db.meta], async () => {
    const preview = await mergeIntoStore(db, notes);
    const layerPlan = layer.length ? await mergeLayer(db, layer) : null;
    return { preview, layerChanged: layerPlan ? layerPlan.put.length : 0 };
  });
}

/**
 * Export, import and sync, run where the database lives. `onLayerMerged` runs
 * after a sync changed the dataset layer: the matcher and the published terms
 * must follow (dataset-layer-service.ts `refresh`).
 */
export function makeDataService(db: LensDb, effects: DataEffects, onLayerMerged: () => Promise<void> = async () => undefined) {
  let syncing: Promise<SyncStatus> | null = null;

  const allRecords = async () => {
    const { annotations, invalid } = await listAllAnnotations(db);
    if (invalid.length) throw new Error(`${invalid.length} stored annotation(s) no longer validate (first: ${invalid[0]?.id}: ${invalid[0]?.error}); nothing was exported`);
    return annotations;
  };

  const allLayer = async () => {
    const { changes, invalid } = await listLayer(db);
    // Syncing without them would look, to the other devices, like nothing was ever there; refuse instead.
    if (invalid.length) throw new Error(`${invalid.length} stored dataset change(s) no longer validate (first: ${invalid[0]?.id}: ${invalid[0]?.error}); nothing was synced`);
    return changes;
  };

  const layerForBackup = async () => {
    const { changes, invalid } = await listLayer(db);
    // A backup without them would restore as if they never existed; refuse instead.
    if (invalid.length) throw new Error(`${invalid.length} stored dataset change(s) no longer validate (first: ${invalid[0]?.id}: ${invalid[0]?.error}); nothing was exported`);
    return changes;
  };

  const afterLayerMerge = async (changed: number) => {
    if (changed > 0) await onLayerMerged().catch((error) => console.error('[cecot-lens] refreshing after a synced dataset change failed', error));
  };

  const runSync = async (): Promise<SyncStatus> => {
    const meta = await syncMeta(db);
    if (!meta.config) throw new Error('sync is not set up');
    const config = meta.config;
    let status: SyncStatus;
    try {
      if (!config.password) throw new Error('sync needs the password for this server: enter it in the options page');
      const bound = config.passwordOrigin ?? originOf(config.url);
      if (bound === null || originOf(config.url) !== bound) {
        throw new Error(`the password was entered for ${bound ?? 'another server'}, not ${originOf(config.url) ?? config.url}: enter it again`);
      }
      const result = await syncOnce({
        url: config.url,
        credentialOrigin: bound,
        username: config.username,
        password: config.password,
        fetch: effects.fetch,
        local: await allRecords(),
        localLayer: await allLayer(),
        deviceId: await getDeviceId(db),
        now: effects.now,
        generator: GENERATOR,
        dataset: await datasetRef(db),
      });
      const written = await mergeSyncIntoStore(db, result.plan.put, result.layerPut);
      await afterLayerMerge(written.layerChanged);
      const r = result.report;
      status = {
        at: effects.now().toISOString(),
        ok: true,
        message: `Synced: ${r.pulled} received, ${r.pushed} sent${r.conflicts.length ? `; ${r.conflicts.length} note(s) edited on two devices, both versions kept` : ''}${written.layerChanged + r.layerPushed ? `; dataset: ${written.layerChanged} received, ${r.layerPushed} sent` : ''}.`,
        pulled: r.pulled,
        pushed: r.pushed,
        conflicts: r.conflicts.length,
        datasetPulled: written.layerChanged,
        datasetPushed: r.layerPushed,
      };
      if (r.finalUrl && r.finalUrl !== config.url && originOf(r.finalUrl) === bound) meta.config = { ...config, url: r.finalUrl };
    } catch (error) {
      status = {
        at: effects.now().toISOString(),
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        // The interface words the failure from its kind, in the reader's language.
        kind: error instanceof SyncError ? error.kind : 'network',
        pulled: 0,
        pushed: 0,
        conflicts: 0,
        datasetPulled: 0,
        datasetPushed: 0,
      };
    }
    const next: SyncMeta = { ...meta, status };
    await db.meta.put(next);
    return status;
  };

  return {
    async stats() {
      const records = await allRecords();
      const live = records.filter((a) => a.deletedAt === null);
      return {
        annotations: live.length,
        deleted: records.length - live.length,
        pages: new Set(live.map((a) => a.canonicalUrl)).size,
        hosts: [...new Set(live.map((a) => new URL(a.canonicalUrl).hostname))].sort(),
        tags: [...new Set(live.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b)),
      };
    },

    async export(raw: unknown) {
      const request = ExportRequest.parse(raw);
      const claims = (await db.claims.toArray()).map((c) => Claim.parse(c));
      const datasetLayer = request.format === 'bundle' ? await layerForBackup() : [];
      return runExport(request, { annotations: await allRecords(), claims, dataset: await datasetRef(db), generator: GENERATOR, now: effects.now(), datasetLayer });
    },

    async importPreview(text: string): Promise<ImportSummary | ImportRefusal> {
      // The preview lists bad records beside the good ones, so the reader can choose to take the good ones.
      let parsed;
      try {
        parsed = readImportFile(text, { keepValid: true });
      } catch (error) {
        if (error instanceof ImportError) return refusalOf(error);
        throw error;
      }
      return summarizeImport(parsed, await previewAgainstStore(db, parsed.annotations));
    },

    /**
     * Parsed again rather than trusting a preview: the file is the source of truth.
     * Without `keepValid` a file with any bad record changes nothing; with it, the
     * valid records are written, all in one transaction, and the others are left out.
     */
    async importApply(text: string, keepValid = false) {
      const parsed = readImportFile(text, { keepValid });
      // A backup's notes and dataset layer are restored together, in one transaction.
      const { preview, layerChanged } = await mergeSyncIntoStore(db, parsed.annotations, parsed.datasetLayer ?? []);
      await afterLayerMerge(layerChanged);
      return { ...summarizeImport(parsed, preview), datasetChanged: layerChanged };
    },

    async syncWithFile(text: string) {
      const result = syncWithFile({
        local: await allRecords(),
        localLayer: await allLayer(),
        fileText: text,
        deviceId: await getDeviceId(db),
        exportedAt: effects.now().toISOString(),
        generator: GENERATOR,
        dataset: await datasetRef(db),
      });
      const { preview, layerChanged } = await mergeSyncIntoStore(db, result.plan.put, result.layerPut);
      await afterLayerMerge(layerChanged);
      return {
        fileText: result.fileText,
        received: preview.counts.added + preview.counts.updated + preview.counts.merged,
        datasetReceived: layerChanged,
        conflicts: result.conflicts.length,
      };
    },

    async syncConfig(): Promise<SyncConfigView> {
      return view(await syncMeta(db));
    },

    async configureSync(input: { url: string; username: string; password?: string; intervalMinutes: number }): Promise<SyncConfigView> {
      const problem = syncAddressProblem(input.url.trim());
      if (problem) throw new Error(problem);
      const url = input.url.trim();
      const meta = await syncMeta(db);
      const origin = originOf(url) as string;
      const stored = meta.config;
      const storedOrigin = stored ? (stored.passwordOrigin ?? originOf(stored.url)) : null;
      // An empty password field means "keep the one stored" — only for the server it was entered for.
      const keep = !input.password && stored?.password && storedOrigin === origin ? stored.password : '';
      if (!input.password && stored?.password && storedOrigin !== origin) {
        // The stored password must never reach the new server: drop it, and ask for the right one.
        const dropped: SyncMeta = { ...meta, config: { ...stored, password: '' } };
        await db.meta.put(dropped);
        effects.scheduleSync(0);
        throw new Error(`A new server (${origin}) needs its password: enter it. The one stored for ${storedOrigin} was removed, so that it is never sent elsewhere.`);
      }
      const parsed = SyncConfig.safeParse({ ...input, url, password: input.password || keep, passwordOrigin: origin });
      // The reader sees this in the options page: the first problem in words, not Zod's report.
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'the sync set-up is not valid');
      const config = parsed.data;
      const next: SyncMeta = { key: 'sync', config, status: meta.config?.url === config.url ? meta.status : null };
      await db.meta.put(next);
      effects.scheduleSync(config.intervalMinutes);
      return view(next);
    },

    async forgetSync(): Promise<SyncConfigView> {
      const next: SyncMeta = { key: 'sync', config: null, status: null };
      await db.meta.put(next);
      effects.scheduleSync(0);
      return view(next);
    },

    /** One sync at a time: a second request while one runs gets the same outcome. */
    syncNow(): Promise<SyncStatus> {
      syncing ??= runSync().finally(() => {
        syncing = null;
      });
      return syncing;
    },
  };
}

export type DataService = ReturnType<typeof makeDataService>;
