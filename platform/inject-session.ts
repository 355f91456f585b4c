import { browser } from 'wxt/browser';

/** Loads the full page session into a tab's content-script world; the script itself ignores a second load. */
export async function injectSession(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/page-session.js'] });
}
