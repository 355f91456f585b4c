import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startGate } from '../platform/content/gate-script';
import { ScriptLifetime } from '../platform/content/script-lifetime';
import { loadGateState } from '../platform/settings-lite';
import { measure } from '../platform/content/timeline';

/**
 * The only script on every page, so it is kept small: it runs the cheap gate
 * and asks the background to load the full page session where there is
 * something to do (an on-topic page, or a page with the reader's notes); on
 * every other page it sends nothing.
 *
 * It is loaded at `document_start` (declared in wxt.config.ts) and runs the
 * gate at DOMContentLoaded. A `document_end` script is started by Chromium
 * well after DOMContentLoaded (90–160 ms on a 20,000-word page in `npm run
 * bench`, the same for an empty script), and that wait was most of the time to
 * the first highlight. Loaded first, the script also has its one storage read
 * answered by the time the document is parsed. The gate reads text nodes
 * without forcing layout.
 *
 * It is built as a plain script and listed in the manifest by hand, not as a
 * WXT content script: WXT wraps those in its `ContentScriptContext`, which on
 * every page dispatched a start-up event into the page's DOM, added a listener
 * for it and built an abort controller, none of which our code used (see
 * ScriptLifetime), and which weighed a tenth of this script.
 */
export default defineUnlistedScript(() => {
  const began = performance.now();
  const lifetime = new ScriptLifetime();
  const state = loadGateState();
  // A read that fails is read again by the gate itself.
  state.catch(() => undefined);
  const gate = () => void startGate(lifetime, state);
  // Once the document is parsed: on `window`, in the bubbling phase, so after the page's own
  // DOMContentLoaded listeners on `document` (a page that renders its article then is gated on it).
  const parsing = document.readyState === 'loading';
  if (parsing) window.addEventListener('DOMContentLoaded', gate, { once: true });
  // Its work at document_start, for `npm run bench` (with the two parts timed in startGate, all of its own main-thread time).
  measure('script-load', began, performance.now());
  if (!parsing) gate();
});
