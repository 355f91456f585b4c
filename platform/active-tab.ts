import { browser } from 'wxt/browser';

export interface ActiveTab {
  id: number;
  url: string;
  host: string;
}

/** The tab the popup was opened over. `?tab=N` overrides it, for opening the popup page on its own. */
export async function activeTab(): Promise<ActiveTab | null> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param && /^\d+$/.test(param) ? await browser.tabs.get(Number(param)) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab || tab.id === undefined) return null;
  const url = tab.url ?? '';
  let host = '';
  try {
    host = /^https?:$/.test(new URL(url).protocol) ? new URL(url).hostname : '';
  } catch {
    // about:, chrome:, file: pages: nothing to analyse.
  }
  return { id: tab.id, url, host };
}

/**
 * Opens the browser's sidebar. Must run synchronously inside the click handler:
 * both browsers accept it only during the user's action.
 */
export function openBrowserSidebar(tabId: number): Promise<void> {
  const chromePanel = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
  if (chromePanel) return chromePanel.open({ tabId });
  const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (firefoxSidebar) return firefoxSidebar.open();
  return Promise.reject(new Error('this browser has no sidebar'));
}
