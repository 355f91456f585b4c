import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start';
import { sessionTabPersistence } from '../platform/session-persistence';
import { openSidebarFor } from '../platform/open-sidebar';
import { injectSession } from '../platform/inject-session';
import { makePageAnalyzer } from '../lib/background/page-analyzer';
import { datasetVersion, readDatasetFromDb } from '../lib/store/read-dataset';
import { bundledTopic } from '../lib/topic/bundled';
import type { ContentRequest, TabChanged } from '../lib/messages/content-protocol';

const MENU_ID = 'cecot-lens-annotate';

export default defineBackground(() => {
  const sendToTab = (tabId: number, message: ContentRequest) => browser.tabs.sendMessage(tabId, message).catch(() => undefined);

  const { tabs } = startBackground({
    selfId: browser.runtime.id,
    // Returning the promise keeps the channel open for the async reply in both browsers.
    onMessage: (listener) => browser.runtime.onMessage.addListener((message, sender) => listener(message, { id: sender.id, tabId: sender.tab?.id })),
    onInstalled: (listener) =>
      browser.runtime.onInstalled.addListener(() => {
        browser.contextMenus.create({ id: MENU_ID, title: 'Annotate with CECOT Lens', contexts: ['selection'] }, () => void browser.runtime.lastError);
        void listener();
      }),
    tabPersistence: sessionTabPersistence(),
    effects: (db) => ({
      analyze: makePageAnalyzer(() => readDatasetFromDb(db), () => datasetVersion(db), bundledTopic),
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
    }),
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
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
});
