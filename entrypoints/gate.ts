import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startGate } from '../platform/content/gate-script';
import { ScriptLifetime } from '../platform/content/script-lifetime';

/**
 * The only script on every page, so it is kept small: it runs the cheap gate
 * and asks the background to load the full page session where there is
 * something to do (an on-topic page, or a page with the reader's notes); on
 * every other page it sends nothing. It runs as soon as the document is
 * parsed (`document_end`, declared in wxt.config.ts) rather than after the
 * page has loaded: the gate reads text nodes without forcing layout, and
 * highlights start sooner.
 *
 * It is built as a plain script and listed in the manifest by hand, not as a
 * WXT content script: WXT wraps those in its `ContentScriptContext`, which on
 * every page dispatched a start-up event into the page's DOM, added a listener
 * for it and built an abort controller, none of which our code used (see
 * ScriptLifetime), and which weighed a tenth of this script.
 */
export default defineUnlistedScript(() => {
  void startGate(new ScriptLifetime());
});
