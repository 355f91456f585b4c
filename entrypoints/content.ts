import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGate } from '../platform/content/gate-script';
import { ScriptLifetime } from '../platform/content/script-lifetime';
import { loadGateState } from '../platform/settings-lite';

/**
 * The only script on every page, so it is kept small: it runs the cheap gate
 * and asks the background to load the full page session where there is
 * something to do (an on-topic page, or a page with the reader's notes); on
 * every other page it sends nothing.
 *
 * It is loaded at `document_start` and runs the gate at DOMContentLoaded. A
 * `document_end` script is started by Chromium well after DOMContentLoaded
 * (90–160 ms on a 20,000-word page in `npm run bench`, the same for an empty
 * script), and that wait was most of the time to the first highlight. Loaded
 * first, the script also has its one storage read answered by the time the
 * document is parsed. The gate reads text nodes without forcing layout.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // WXT's window.postMessage at start-up tells every page script our extension id (and so how to forge
  // WXT's events); off. Our code does not use WXT's context at all: see ScriptLifetime.
  noScriptStartedPostMessage: true,
  main() {
    const lifetime = new ScriptLifetime();
    const state = loadGateState();
    // A read that fails is read again by the gate itself.
    state.catch(() => undefined);
    whenParsed(() => void startGate(lifetime, state));
  },
});

/**
 * Once the document is parsed: on `window`, in the bubbling phase, so after the page's own
 * DOMContentLoaded listeners on `document` (a page that renders its article then is gated on it).
 */
function whenParsed(run: () => void): void {
  if (document.readyState !== 'loading') return run();
  window.addEventListener('DOMContentLoaded', () => run(), { once: true });
}
