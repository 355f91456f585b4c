import { browser } from 'wxt/browser';
import type { PageKey } from '../lib/page/page-key';

/**
 * Loads the full page session into a tab's content-script world; the script itself ignores a second load.
 * The key the page is filed under goes first, so that the session needs neither the Public Suffix List
 * (some 270 KB of script to parse and build on every page it loads on) nor a round trip to ask for it.
 */
export async function injectSession(tabId: number, key?: PageKey): Promise<void> {
  const target = { tabId, frameIds: [0] };
  if (key) {
    await browser.scripting.executeScript({
      target,
      // Runs in the tab: self-contained, the seed's name written out (see PAGE_KEY_SEED).
      func: (seed: PageKey) => {
        (globalThis as { __cecotLensPageKey?: PageKey }).__cecotLensPageKey = seed;
      },
      args: [key],
    });
  }
  await browser.scripting.executeScript({ target, files: ['/page-session.js'] });
}
