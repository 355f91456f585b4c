import { bundledDataset } from '../dataset/bundled';
import { routeMessage, type Self, type SenderInfo } from '../messages/route';
import type { Reply } from '../messages/protocol';
import { openLensDb, type LensDb } from '../store/db';
import { loadDatasetIntoDb } from '../store/load-dataset';
import { makeHandlers, type BackgroundEffects } from './handlers';
import { ANALYSIS_RATE, RateLimiter } from './rate-limit';
import { whenTabCloses } from './tab-closed';
import { TabRegistry, type TabPersistence } from './tab-registry';
import { makeDataService, type DataEffects } from './data-service';
import { makeLayerService, type LayerEffects } from './dataset-layer-service';

export interface BackgroundPorts {
  /** This extension's id and origin: the router tells extension pages from content scripts by the sender's origin. */
  self: Self;
  onMessage(listener: (message: unknown, sender: SenderInfo) => Promise<Reply<unknown>>): void;
  onInstalled(listener: () => Promise<void>): void;
  tabPersistence?: TabPersistence;
  /** Browser effects; `compare` is supplied here from the database contents. */
  effects(db: LensDb, tabs: TabRegistry): BackgroundEffects;
  dataEffects: DataEffects;
  layerEffects: LayerEffects;
}

/**
 * Wires the database and the message router. The dataset load starts at once
 * (a service worker can be woken by a message before `onInstalled` fires) and
 * every handler that reads the dataset waits for it, so no reader ever sees a
 * half-loaded dataset.
 */
export function startBackground(ports: BackgroundPorts) {
  const db = openLensDb();
  let ready = loadDatasetIntoDb(db, bundledDataset());
  ready.catch((error) => console.error('[cecot-lens] dataset load failed', error));
  ports.onInstalled(async () => {
    // An update ships a new bundled dataset; loading is idempotent, so this is cheap when nothing changed.
    ready = ready.catch(() => undefined).then(() => loadDatasetIntoDb(db, bundledDataset()));
    await ready;
  });
  const tabs = new TabRegistry(ports.tabPersistence);
  const layer = makeLayerService(db, () => ready, tabs, ports.layerEffects);
  const data = makeDataService(db, ports.dataEffects, () => layer.refresh());
  // Per tab: a page that forges change signals must not make the background analyse without end.
  const analysisLimiter = new RateLimiter<number>(ANALYSIS_RATE, () => Date.now());
  const handlers = makeHandlers(db, () => ready, tabs, ports.effects(db, tabs), data, layer, analysisLimiter);
  ports.onMessage((message, sender) => routeMessage(message, sender, ports.self, handlers));
  return { db, tabs, data, layer, ready: () => ready, tabClosed: whenTabCloses(tabs, analysisLimiter) };
}
