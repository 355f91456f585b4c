import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start';
import { makePageAnalyzer } from '../lib/background/page-analyzer';
import type { ContentRequest, TabChanged } from '../lib/messages/content-protocol';
import { datasetVersion, readDatasetFromDb } from '../lib/store/read-dataset';
import { bundledTopic } from '../lib/topic/bundled';
import { keepNotesIndex } from '../lib/notes-index/keeper';
import { notesIndexStorage } from '../platform/notes-index-storage';
import { injectSession } from '../platform/inject-session';
import { openSidebarFor } from '../platform/open-sidebar';
import { sessionTabPersistence } from '../platform/session-persistence';

const MENU_ID = 'cecot-lens-annotate';

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
const SYNC_ALARM = 'cecot-lens-sync';

export default defineBackground(() => {
  const sendToTab = (tabId: number, message: ContentRequest) => browser.tabs.sendMessage(tabId, message).catch(() => undefined);

  const { db, data, tabs: tabsRef } = startBackground({
    selfId: browser.runtime.id,
    // Returning the promise keeps the channel open for the async reply in both browsers.
    onMessage: (listener) => browser.runtime.onMessage.addListener((message, sender) => listener(message, { id: sender.id, tabId: sender.tab?.id })),
    onInstalled: (listener) =>
      browser.runtime.onInstalled.addListener(() => {
        browser.contextMenus.create({ id: MENU_ID, title: 'Annotate with CECOT Lens', contexts: ['selection'] }, () => void browser.runtime.lastError);
        void listener();
      }),
    tabPersistence: sessionTabPersistence(),
    effects: (db, tabs) => ({
      analyze: timedInWorker('analyze', makePageAnalyzer(() => readDatasetFromDb(db), () => datasetVersion(db), bundledTopic)),
      openSidebar: openSidebarFor,
      injectSession,
      broadcastTabChanged: (tabId) => {
        const message: TabChanged = { type: 'tab/changed', tabId };
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
      notifyAnnotationsChanged: (tabId, canonicalUrl) => {
        void tabs.tabsShowing(canonicalUrl).then((ids) => {
          for (const id of new Set([...ids, ...(tabId === undefined ? [] : [tabId])])) void sendToTab(id, { type: 'content/annotations-changed' });
        });
      },
      notifyAllAnnotationsChanged: () => {
        void tabs.reportedTabs().then((ids) => ids.forEach((id) => void sendToTab(id, { type: 'content/annotations-changed' })));
      },
    }),
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

  // The every-page gate reads this index to know, without a message, whether the reader has notes on a page.
  keepNotesIndex(db, notesIndexStorage());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void data.syncNow();
  });

  const annotateIn = (tabId: number) => {
    // The sidebar first, while the reader's action still counts as one; then the session, which may not be loaded on this page yet.
    void openSidebarFor(tabId);
    void injectSession(tabId)
      .catch(() => undefined)
      .then(() => sendToTab(tabId, { type: 'content/annotate-selection' }));
  };

  // Context menu and keyboard shortcut are user actions: the browser's own sidebar may be opened from them.
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    annotateIn(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'annotate-selection' || tab?.id === undefined) return;
    annotateIn(tab.id);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabsRef.forget(tabId));
});
