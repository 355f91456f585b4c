import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start';
import { makePageAnalyzer } from '../lib/background/page-analyzer';
import type { ContentRequest, NotesChanged, TabChanged } from '../lib/messages/content-protocol';
import { effectiveDatasetKey, readEffectiveDataset } from '../lib/store/read-effective';
import { topicWithUserTerms } from '../lib/topic/user-terms';
import type { UserTerm } from '../lib/dataset/layer-schema';
import { loadUserTerms, saveUserTerms } from '../platform/user-topic';
import { writeSessionStart } from '../lib/page/session-start';
import { bundledTopic } from '../lib/topic/bundled';
import { keepNotesIndex } from '../lib/notes-index/keeper';
import { notesIndexStorage } from '../platform/notes-index-storage';
import { injectSession } from '../platform/inject-session';
import { openSidebarFor } from '../platform/open-sidebar';
import { sessionTabPersistence } from '../platform/session-persistence';
import { loadSettings, watchSettings } from '../platform/settings-store';
import { pickLocale, translator } from '../lib/i18n';
import { isSiteDisabled, type Settings } from '../lib/settings/schema';

const MENU_ID = 'cecot-lens-annotate';
const MENU_ADD_ID = 'cecot-lens-add-to-dataset';

/** The service worker's own timeline, for `npm run bench` (read from the worker; nothing is sent anywhere). */
function timedInWorker<A extends unknown[], R>(step: string, work: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const start = performance.now();
    try {
      return await work(...args);
    } finally {
      performance.measure(`cecot-lens:${step}`, { start, end: performance.now() });
    }
  };
}
/**
 * Each message from arrival to reply, `cecot-lens:handle:<type>` on the worker's timeline, for the breakdown of
 * `npm run bench`. The sizes of the request and the reply (JSON characters) are counted only when the bench set
 * `__cecotLensBenchSizes` in the worker: serialising a page's text twice is not work to do for every reader.
 */
function timedMessage<R>(message: unknown, handle: () => Promise<R>): Promise<R> {
  const start = performance.now();
  const type = typeof (message as { type?: unknown } | null)?.type === 'string' ? (message as { type: string }).type : 'unknown';
  const sizes = (globalThis as { __cecotLensBenchSizes?: boolean }).__cecotLensBenchSizes === true;
  return handle().then((reply) => {
    const end = performance.now();
    const name = `cecot-lens:handle:${type}`;
    // Counted after the reply is on its way, so that the bench does not slow what it measures.
    if (sizes) setTimeout(() => performance.measure(name, { start, end, detail: { request: JSON.stringify(message).length, reply: JSON.stringify(reply).length } }), 0);
    else performance.measure(name, { start, end });
    return reply;
  });
}
const SYNC_ALARM = 'cecot-lens-sync';

function menuTitle(settings: Settings | undefined): string {
  return translator(pickLocale(settings?.language, navigator.language))('overlay.contextMenu');
}

function addMenuTitle(settings: Settings | undefined): string {
  return translator(pickLocale(settings?.language, navigator.language))('overlay.contextMenuAddToDataset');
}

export default defineBackground(() => {
  const sendToTab = (tabId: number, message: ContentRequest) => browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  // The reader's recognition terms, as last read with the effective dataset (the matcher's cache key covers them).
  let userTerms: UserTerm[] = [];
  let reportedTabs: () => Promise<number[]> = async () => [];
  const notesChanged = (ids: string[] | null) => {
    const message: NotesChanged = { type: 'library/changed', ids };
    browser.runtime.sendMessage(message).catch(() => undefined);
  };

  const { data, tabs: tabsRef, db, ready, tabClosed } = startBackground({
    // getURL('/') is chrome-extension://<id>/ or moz-extension://<uuid>/: the origin our own pages are served from.
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
    // Returning the promise keeps the channel open for the async reply in both browsers.
    onMessage: (listener) =>
      browser.runtime.onMessage.addListener((message, sender) =>
        timedMessage(message, () =>
          listener(message, {
            id: sender.id,
            url: sender.url,
            // Chrome only; Firefox's sender has no origin, and its url is enough.
            origin: (sender as { origin?: string }).origin,
            tabId: sender.tab?.id,
            frameId: sender.frameId,
          }),
        ),
      ),
    onInstalled: (listener) =>
      browser.runtime.onInstalled.addListener((details) => {
        void loadSettings()
          .catch(() => undefined)
          .then((settings) => {
            browser.contextMenus.create({ id: MENU_ID, title: menuTitle(settings), contexts: ['selection'] }, () => void browser.runtime.lastError);
            browser.contextMenus.create({ id: MENU_ADD_ID, title: addMenuTitle(settings), contexts: ['selection'] }, () => void browser.runtime.lastError);
          });
        // First install only (not updates, not a browser update): say what the extension does.
        if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
        void listener();
      }),
    tabPersistence: sessionTabPersistence(),
    effects: (db, tabs) => ({
      // The effective dataset (bundled + the reader's layer): rebuilt when either changes, cached otherwise.
      analyze: timedInWorker(
        'analyze',
        makePageAnalyzer(
        async () => {
          const effective = await readEffectiveDataset(db);
          userTerms = effective.terms;
          return { version: effective.stamp, claims: effective.activeClaims, subjects: effective.subjects };
        },
        () => effectiveDatasetKey(db),
        () => topicWithUserTerms(bundledTopic(), userTerms),
        ),
      ),
      openDatasetForm: async (tabId: number) => {
        await browser.tabs.create({ url: browser.runtime.getURL(`/dataset.html#add?tab=${tabId}&from=draft`) });
      },
      openSidebar: openSidebarFor,
      injectSession,
      siteDisabled: async (url) => isSiteDisabled(new URL(url).hostname, (await loadSettings()).disabledSites),
      sessionStart: async () => {
        const [settings, terms] = await Promise.all([loadSettings(), loadUserTerms()]);
        return writeSessionStart({ settings, userTerms: terms });
      },
      timed: (step, work) => timedInWorker(step, work)(),
      broadcastTabChanged: (tabId) => {
        const message: TabChanged = { type: 'tab/changed', tabId };
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
      notifyAnnotationsChanged: (tabId, canonicalUrl) => {
        void tabs.tabsShowing(canonicalUrl).then((ids) => {
          for (const id of new Set([...ids, ...(tabId === undefined ? [] : [tabId])])) void sendToTab(id, { type: 'content/annotations-changed' });
        });
      },
      notesChanged,
      showTab: async (tabId) => {
        const tab = await browser.tabs.update(tabId, { active: true });
        if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
      },
      openTab: async (url) => {
        const tab = await browser.tabs.create({ url, active: true });
        if (tab.id === undefined) throw new Error('the browser did not open a tab');
        return tab.id;
      },
      scrollTabToNote: (tabId, annotationId) => void sendToTab(tabId, { type: 'content/scroll-to', annotationId }),
      notifyAllAnnotationsChanged: () => {
        void tabs.reportedTabs().then((ids) => ids.forEach((id) => void sendToTab(id, { type: 'content/annotations-changed' })));
      },
    }),
    layerEffects: {
      now: () => new Date(),
      topicId: bundledTopic().id,
      publishTerms: saveUserTerms,
      reanalyzeAll: () => void reportedTabs().then((ids) => ids.forEach((id) => void sendToTab(id, { type: 'content/reanalyze' }))),
      keepVisits: async () => (await loadSettings()).keepClaimVisits,
    },
    dataEffects: {
      // Bound: calling the global fetch as a method of another object throws "Illegal invocation".
      fetch: (url, init) => fetch(url, init),
      now: () => new Date(),
      scheduleSync: (minutes) => {
        void browser.alarms.clear(SYNC_ALARM);
        if (minutes > 0) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
      },
    },
  });

  reportedTabs = () => tabsRef.reportedTabs();
  // Terms changed by a sync or an import while no page was open still reach the next page's gate.
  void ready()
    .then(() => readEffectiveDataset(db))
    .then((e) => saveUserTerms(e.terms))
    .catch(() => undefined);
  // The every-page gate reads this index to know, without a message, whether the reader has notes on a page.
  keepNotesIndex(db, notesIndexStorage());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void data.syncNow().then((status) => status.pulled > 0 && notesChanged(null));
  });

  const annotateIn = (tabId: number) => {
    // The sidebar first, while the reader's action still counts as one; then the session, which may not be loaded on this page yet.
    void openSidebarFor(tabId);
    void injectSession(tabId)
      .catch(() => undefined)
      .then(() => sendToTab(tabId, { type: 'content/annotate-selection', purpose: 'annotate' }));
  };

  // Context menu and keyboard shortcut are user actions: the browser's own sidebar may be opened from them.
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === MENU_ID) annotateIn(tab.id);
    if (info.menuItemId === MENU_ADD_ID) {
      const tabId = tab.id;
      // The session captures the selection (with its selectors) as a draft; the form opens in the Dataset page.
      void injectSession(tabId)
        .catch(() => undefined)
        .then(() => sendToTab(tabId, { type: 'content/annotate-selection', purpose: 'dataset' }));
    }
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'annotate-selection' || tab?.id === undefined) return;
    annotateIn(tab.id);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabClosed(tabId));
  // The menu speaks the interface language, and follows the reader's choice in the options.
  watchSettings((settings) => {
    void browser.contextMenus.update(MENU_ID, { title: menuTitle(settings) }).catch(() => undefined);
    void browser.contextMenus.update(MENU_ADD_ID, { title: addMenuTitle(settings) }).catch(() => undefined);
  });
});
