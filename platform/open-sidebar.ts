import { browser } from 'wxt/browser';

/**
 * Opens the browser's own sidebar on a tab. Both browsers allow it only during
 * a user action, so this must be called before any `await` in the handler.
 * When the browser refuses, the caller falls back to the in-page frame.
 */
export async function openSidebarFor(tabId: number): Promise<'native' | 'in-page'> {
  try {
    const chromePanel = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
    if (chromePanel) {
      await chromePanel.open({ tabId });
      return 'native';
    }
    const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (firefoxSidebar) {
      await firefoxSidebar.open();
      return 'native';
    }
  } catch {
    // Not during a user action, or no sidebar in this browser.
  }
  return 'in-page';
}
