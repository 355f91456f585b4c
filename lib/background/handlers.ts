import type { Handlers, SenderInfo } from '../messages/route';
import type { DatasetStatus, ReplyData } from '../messages/protocol';
import type { LensDb } from '../store/db';
import type { LoadOutcome } from '../store/load-dataset';
import { listAnnotationsForPage, saveEdit, tombstoneAnnotation } from '../store/annotations-repo';
import { getDeviceId } from '../store/device-id';
import type { TabRegistry } from './tab-registry';
import type { DataService } from './data-service';

/** What the handlers need from the browser, kept behind functions so that they are testable in Node. */
export interface BackgroundEffects {
  /** Analyses a page's main text against the dataset that IndexedDB holds. */
  analyze(input: { url: string; title: string; language?: string; text: string }): Promise<ReplyData['page/analyze']>;
  /** Opens the sidebar for a tab: the browser's own when it can, else the in-page panel. */
  openSidebar(tabId: number): Promise<'native' | 'in-page'>;
  /** Tells extension pages that a tab's state changed. */
  broadcastTabChanged(tabId: number): void;
  /** Loads the full page session into a tab (idempotent). */
  injectSession(tabId: number): Promise<void>;
  /** Tells every analysed tab that annotations may have changed (after an import or a sync). */
  notifyAllAnnotationsChanged(): void;
  /** Tells a tab's content script that its annotations changed. */
  notifyAnnotationsChanged(tabId: number | undefined, canonicalUrl: string): void;
}

function requireTab(sender: SenderInfo): number {
  if (sender.tabId === undefined) throw new Error('this message must come from a page tab');
  return sender.tabId;
}

export function makeHandlers(db: LensDb, ready: () => Promise<LoadOutcome>, tabs: TabRegistry, effects: BackgroundEffects, data: DataService): Handlers {
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
    'dataset/sources': async () => {
      await ready();
      return db.sources.toArray();
    },
    'dataset/assessments': async () => {
      await ready();
      return db.assessments.toArray();
    },
    'annotations/save': async ({ edit }, sender) => {
      const saved = await saveEdit(db, edit, await getDeviceId(db));
      effects.notifyAnnotationsChanged(sender.tabId, saved.canonicalUrl);
      return saved;
    },
    'annotations/delete': async ({ id }, sender) => {
      const gone = await tombstoneAnnotation(db, id, await getDeviceId(db));
      if (gone) effects.notifyAnnotationsChanged(sender.tabId, gone.canonicalUrl);
      return gone;
    },
    'tab/report': async ({ report }, sender) => {
      const tabId = requireTab(sender);
      await tabs.setReport(tabId, report);
      effects.broadcastTabChanged(tabId);
      return null;
    },
    'tab/state': async ({ tabId }) => tabs.get(tabId),
    'page/activate': async ({ canonicalUrl, gatePassed, selection }, sender) => {
      const tabId = requireTab(sender);
      // Pages that fail the gate still get the session when the reader has notes on them, or selects text to annotate.
      // The first live note settles it: counting them all would read every note on the page.
      const activated = gatePassed || selection || (await db.annotations.where('canonicalUrl').equals(canonicalUrl).filter((a) => a.deletedAt === null).first()) !== undefined;
      if (activated) await effects.injectSession(tabId);
      return { activated };
    },
    'page/analyze': async ({ type: _type, ...input }) => {
      await ready();
      return effects.analyze(input);
    },
    'draft/open': async ({ draft }, sender) => {
      const tabId = requireTab(sender);
      // First, before any await: the browser lets a sidebar open only while the reader's click is still current.
      const opening = effects.openSidebar(tabId);
      await tabs.setDraft(tabId, draft);
      effects.broadcastTabChanged(tabId);
      return { sidebar: await opening, tabId };
    },
    'tab/focus': async ({ claimKey, annotationId }, sender) => {
      const tabId = requireTab(sender);
      const opening = effects.openSidebar(tabId);
      await tabs.setFocus(tabId, claimKey, annotationId);
      effects.broadcastTabChanged(tabId);
      return { sidebar: await opening, tabId };
    },
    'data/stats': () => data.stats(),
    'data/export': async ({ request }) => {
      await ready();
      return data.export(request);
    },
    'data/import-preview': ({ text }) => data.importPreview(text),
    'data/import-apply': async ({ text }) => {
      const summary = await data.importApply(text);
      effects.notifyAllAnnotationsChanged();
      return summary;
    },
    'data/sync-file': async ({ text }) => {
      const out = await data.syncWithFile(text);
      effects.notifyAllAnnotationsChanged();
      return out;
    },
    'sync/config': () => data.syncConfig(),
    'sync/configure': ({ type: _type, ...input }) => data.configureSync(input),
    'sync/forget': () => data.forgetSync(),
    'sync/now': async () => {
      const status = await data.syncNow();
      if (status.pulled > 0) effects.notifyAllAnnotationsChanged();
      return status;
    },
    'draft/clear': async ({ tabId }) => {
      await tabs.setDraft(tabId, null);
      effects.broadcastTabChanged(tabId);
      return null;
    },
  };
}
