import type { Caller, Handlers } from '../messages/route';
import type { DatasetStatus, ReplyData } from '../messages/protocol';
import type { LensDb } from '../store/db';
import type { LoadOutcome } from '../store/load-dataset';
import { listAnnotationsForPage, saveEdit, tombstoneAnnotation } from '../store/annotations-repo';
import { getDeviceId } from '../store/device-id';
import type { TabRegistry } from './tab-registry';
import type { PageKey } from '../page/page-key';
import { ANALYSIS_GONE, reportFromReference } from '../page/report-ref';
import type { DataService } from './data-service';
import { canonicalUrl as canonicalKey } from '../url/canonical-url';
import { ANALYSIS_RATE, analysisCost, FIRST_PART_MAX, RateLimiter } from './rate-limit';
import type { LayerService } from './dataset-layer-service';
import { readEffectiveDataset } from '../store/read-effective';
import { afterTabReport, makeLibraryHandlers, type LibraryEffects } from './library-handlers';
import { onAnnotationsWritten } from '../store/note-anchors-repo';
import { readPageAnchors } from '../store/page-anchors';
import { PageNotesPrefetch } from './page-notes-prefetch';
import { writePageNotes } from '../page/page-notes-seed';

/** What the handlers need from the browser, kept behind functions so that they are testable in Node. */
export interface BackgroundEffects extends Omit<LibraryEffects, 'now'> {
  /** Analyses a page's main text against the dataset that IndexedDB holds. */
  analyze(input: { url: string; title: string; language?: string; text: string }): Promise<ReplyData['page/analyze']>;
  /** Opens the sidebar for a tab: the browser's own when it can, else the in-page panel. */
  openSidebar(tabId: number): Promise<'native' | 'in-page'>;
  /** Tells extension pages that a tab's state changed. */
  broadcastTabChanged(tabId: number): void;
  /** Loads the full page session into a tab (idempotent), handing it the key its page is filed under when known. */
  /** `notes`: the page's notes for the session (lib/page/page-notes-seed.ts): read already, or sent once they are read. */
  injectSession(tabId: number, key?: PageKey, start?: string, notes?: string | Promise<string | undefined>): Promise<void>;
  /** The settings and the reader's terms for a session about to be loaded (lib/page/session-start.ts), as JSON text. */
  sessionStart?(): Promise<string>;
  /** Tells every analysed tab that annotations may have changed (after an import or a sync). */
  notifyAllAnnotationsChanged(): void;
  /** Opens the add-to-dataset form (Dataset page) for a tab's draft. */
  openDatasetForm?(tabId: number): Promise<void>;
  /** Tells a tab's content script that its annotations changed. */
  notifyAnnotationsChanged(tabId: number | undefined, canonicalUrl: string): void;
  /**
   * Whether the reader switched the extension off on this page's site. The always-on script asks for its
   * session as soon as the gate passes, before its own storage read is in, so the background checks too.
   */
  siteDisabled?(url: string): Promise<boolean>;
  /** Times a step on the service worker's own timeline (for `npm run bench`); runs it as is when absent. */
  timed?<T>(step: string, work: () => Promise<T>): Promise<T>;
}

/**
 * How long the background waits for the page's notes to be read to hand them to the session it injects: the
 * read of one stored record takes 1–11 ms; a later one is left for the session's own request.
 */
export const NOTES_HANDOVER_MS = 30;
const NOT_YET = Symbol('not read yet');

function requireTab(caller: Caller): number {
  if (caller.tabId === undefined) throw new Error('this message must come from a page tab');
  return caller.tabId;
}

export function makeHandlers(
  db: LensDb,
  ready: () => Promise<LoadOutcome>,
  tabs: TabRegistry,
  effects: BackgroundEffects,
  data: DataService,
  // Per tab: a page that forges change signals must not make the background analyse without end.
  layer: LayerService,
  analysisLimiter = new RateLimiter<number>(ANALYSIS_RATE, () => Date.now()),
): Handlers {
  const library = makeLibraryHandlers(db, tabs, { ...effects, now: () => new Date() });
  const timed = effects.timed ?? (<T>(_step: string, work: () => Promise<T>) => work());
  // Read while the session is being injected, in its compact form (one stored record per page: lib/store/page-anchors.ts).
  /** Per tab, while a page/activate is deciding and loading the session: settled once the injection is issued. */
  const activating = new Map<number, Promise<void>>();
  const notesPrefetch = new PageNotesPrefetch((url) => timed('notes-read', () => readPageAnchors(db, url, timed)), () => Date.now());
  onAnnotationsWritten(db, () => notesPrefetch.invalidate());
  return {
    ...library,
    'dataset/status': async (): Promise<DatasetStatus> => {
      const { meta } = await ready();
      // Counted from the tables, not the meta row, so the figure is what IndexedDB really holds.
      const [claimCount, sourceCount, subjectCount] = await Promise.all([db.claims.count(), db.sources.count(), db.subjects.count()]);
      return { id: meta.id, version: meta.version, loadedAt: meta.loadedAt, claimCount, sourceCount, subjectCount };
    },
    'dataset/claims': async ({ ids }) => {
      await ready();
      // The effective claims: the reader's added and corrected ones too, so that a match on them can be shown.
      const { claims } = await readEffectiveDataset(db);
      if (!ids) return claims;
      const wanted = new Set(ids);
      return claims.filter((c) => wanted.has(c.id));
    },
    'annotations/list': async ({ canonicalUrl, includeDeleted }) => ({ ...(await listAnnotationsForPage(db, canonicalUrl, includeDeleted)), thisDevice: await getDeviceId(db) }),
    // The page session's notes: only what drawing them needs, in columns, often read already during activation.
    'annotations/anchors': async ({ canonicalUrl }) => notesPrefetch.take(canonicalUrl),
    'dataset/sources': async () => {
      await ready();
      return db.sources.toArray();
    },
    'dataset/assessments': async () => {
      await ready();
      // The reader's own assessments, and their edits of bundled ones, too.
      return (await readEffectiveDataset(db)).assessments;
    },
    'annotations/save': async ({ edit }, sender) => {
      const saved = await saveEdit(db, edit, await getDeviceId(db));
      effects.notifyAnnotationsChanged(sender.tabId, saved.canonicalUrl);
      effects.notesChanged([saved.id]);
      return saved;
    },
    'annotations/delete': async ({ id }, sender) => {
      const gone = await tombstoneAnnotation(db, id, await getDeviceId(db));
      if (gone) effects.notifyAnnotationsChanged(sender.tabId, gone.canonicalUrl);
      if (gone) effects.notesChanged([gone.id]);
      return gone;
    },
    'tab/report': async ({ report: sent, analysisId, claimNotes }, sender) => {
      const tabId = requireTab(sender);
      let report = sent;
      if (analysisId !== undefined) {
        const analysis = tabs.keptAnalysis(tabId, analysisId);
        if (!analysis) throw new Error(ANALYSIS_GONE);
        report = reportFromReference(sent, analysis, claimNotes ?? {});
      }
      await tabs.setReport(tabId, report);
      effects.broadcastTabChanged(tabId);
      await layer.recordVisits(report).catch(() => undefined);
      // Not awaited: the page's report is answered at once; recording anchoring and the library's scroll follow.
      void afterTabReport(db, tabs, { ...effects, now: () => new Date() }, tabId, report).catch((error) => console.error('[cecot-lens] after report', error));
      return null;
    },
    'tab/state': async ({ tabId }) => tabs.get(tabId),
    'page/activate': async ({ url, canonicalHref, canonicalUrl: given, gatePassed, selection }, sender) => {
      const tabId = requireTab(sender);
      const canonicalUrl = url === undefined ? (given as string) : safeCanonical(url, canonicalHref);
      // Pages that fail the gate still get the session when the reader has notes on them, or selects text to annotate.
      // The first live note settles it: counting them all would read every note on the page.
      // The page's notes are read while the session is injected: its first request takes that read (page-notes-prefetch.ts).
      const disabled = url === undefined ? false : (effects.siteDisabled?.(url) ?? false);
      notesPrefetch.prefetch(canonicalUrl);
      // Read alongside: the session then starts without a storage read of its own (it reads one when this fails).
      const start = effects.sessionStart?.().catch(() => undefined);
      // The page's first screen, sent right behind this message, is analysed once the session is on its way (below).
      let issued = () => {};
      const sessionIssued = new Promise<void>((resolve) => (issued = resolve));
      activating.set(tabId, sessionIssued);
      try {
        if (await disabled) return { activated: false };
        const activated = gatePassed || selection || (await db.annotations.where('canonicalUrl').equals(canonicalUrl).filter((a) => a.deletedAt === null).first()) !== undefined;
        if (activated) {
          // The notes follow the key and the session when their read is done in time (lib/page/page-notes-seed.ts); else the session asks.
          const deadline = new Promise<void>((resolve) => setTimeout(resolve, NOTES_HANDOVER_MS));
          const handed = url === undefined ? undefined : notesPrefetch.handOver(canonicalUrl, deadline).then((notes) => (notes === undefined ? undefined : writePageNotes({ canonicalUrl, anchors: notes })));
          const begin = await start;
          // Read by now (as a rule: the notes and the settings are read side by side), they go with the key; else
          // they follow the session's injection, which does not wait for them (it could miss its turn before the page's first frame).
          // (One turn of the worker's event loop: a read that has just finished resolves through several promise steps.)
          const ready = handed && (await Promise.race([handed, new Promise<typeof NOT_YET>((resolve) => setTimeout(() => resolve(NOT_YET), 0))]));
          const notes = ready === NOT_YET ? handed : (ready ?? undefined);
          const injecting = effects.injectSession(tabId, url === undefined ? undefined : { url, canonicalHref: canonicalHref ?? null, canonicalUrl }, begin, notes);
          issued();
          await injecting;
        }
        return { activated };
      } finally {
        issued();
        if (activating.get(tabId) === sessionIssued) activating.delete(tabId);
      }
    },
    'page/key': async ({ url, canonicalHref }) => ({ canonicalUrl: safeCanonical(url, canonicalHref) }),
    'page/analyze': async ({ type: _type, part, ...input }, sender) => {
      // The first part is bounded in size and always followed by its whole text, which pays for both.
      const first = part === 'first' && input.text.length <= FIRST_PART_MAX;
      const cost = analysisCost(input.text.length);
      if (sender.tabId !== undefined && !(first ? analysisLimiter.allows(sender.tabId, cost) : analysisLimiter.take(sender.tabId, cost))) {
        throw new Error('too many analysis requests from this tab; the page will be analysed again when it settles');
      }
      await ready();
      // A first part sent by the always-on script with its activation: analysed after the session's injection is
      // issued, not before (the worker does one thing at a time, and the injection is the longer wait).
      if (first && sender.tabId !== undefined) await activating.get(sender.tabId);
      const analysis = await effects.analyze(input);
      // The whole text's analysis is kept for the tab's report to refer to (lib/page/report-ref.ts).
      if (part === 'whole' && sender.tabId !== undefined) return { ...analysis, analysisId: tabs.keepAnalysis(sender.tabId, analysis) };
      return analysis;
    },
    'draft/open': async ({ draft, purpose }, sender) => {
      const tabId = requireTab(sender);
      if (purpose === 'dataset' && effects.openDatasetForm) {
        await tabs.setDraft(tabId, draft);
        await effects.openDatasetForm(tabId);
        return { sidebar: 'dataset-page' as const, tabId };
      }
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
    'data/import-apply': async ({ text, keepValid }) => {
      const summary = await data.importApply(text, keepValid);
      effects.notifyAllAnnotationsChanged();
      effects.notesChanged(null);
      return summary;
    },
    'data/sync-file': async ({ text }) => {
      const out = await data.syncWithFile(text);
      effects.notifyAllAnnotationsChanged();
      effects.notesChanged(null);
      return out;
    },
    'sync/config': () => data.syncConfig(),
    'sync/configure': ({ type: _type, ...input }) => data.configureSync(input),
    'sync/forget': () => data.forgetSync(),
    'sync/now': async () => {
      const status = await data.syncNow();
      if (status.pulled > 0) effects.notifyAllAnnotationsChanged();
      if (status.pulled > 0) effects.notesChanged(null);
      return status;
    },
    'layer/view': () => layer.view(),
    'layer/save': ({ edit, origin }) => layer.save(edit, origin),
    'layer/withdraw': ({ id }) => layer.withdraw(id),
    'layer/add-claim': ({ type: _type, ...input }) => layer.addClaim(input),
    'layer/add-review': ({ tabId, index }) => layer.addReview(tabId, index),
    'layer/export-pack': ({ title, curatedBy }) => layer.exportPack({ title, curatedBy }),
    'layer/import-preview': ({ text }) => layer.importPreview(text),
    'layer/import-apply': ({ text }) => layer.importApply(text),
    'layer/visits': ({ claimId }) => layer.visits(claimId),
    'layer/visits-clear': () => layer.clearVisits(),
    'layer/page-sources': ({ canonicalUrl }) => layer.pageSources(canonicalUrl),
    'draft/clear': async ({ tabId }) => {
      await tabs.setDraft(tabId, null);
      effects.broadcastTabChanged(tabId);
      return null;
    },
  };
}

function safeCanonical(url: string, href: string | null | undefined): string {
  try {
    return canonicalKey(url, href);
  } catch {
    return url;
  }
}
