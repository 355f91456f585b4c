import { browser } from 'wxt/browser';
import { TabChanged, type ContentRequest } from '../lib/messages/content-protocol';

/**
 * Which tab the sidebar speaks for. In the in-page frame it is the tab that
 * hosts the frame; in the browser's own sidebar it is the active tab of the
 * window. `?tab=N` overrides both (used when the page is opened on its own).
 */
export async function resolveTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const own = await browser.tabs.getCurrent?.();
  if (own?.id !== undefined) return own.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/** Calls back when the background says a tab changed, or when the reader switches tabs. */
export function watchTabs(onChange: (tabId: number | null) => void): () => void {
  const onMessage = (message: unknown) => {
    const parsed = TabChanged.safeParse(message);
    if (parsed.success) onChange(parsed.data.tabId);
  };
  const onActivated = () => onChange(null);
  const onUpdated = (_id: number, info: { status?: string }) => {
    if (info.status === 'complete') onChange(null);
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}

export function tellTab(tabId: number, message: ContentRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
