import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGate } from '../platform/content/gate-script';
import { ScriptLifetime } from '../platform/content/script-lifetime';

/**
 * The only script on every page, so it is kept small: it runs the cheap gate
 * and asks the background to load the full page session where there is
 * something to do (an on-topic page, or a page with the reader's notes); on
 * every other page it sends nothing. It runs as soon as the document is
 * parsed (`document_end`) rather than after the page has loaded: the gate
 * reads text nodes without forcing layout, and highlights start sooner.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_end',
  // WXT's window.postMessage at start-up tells every page script our extension id (and so how to forge
  // WXT's events); off. Our code does not use WXT's context at all: see ScriptLifetime.
  noScriptStartedPostMessage: true,
  main() {
    void startGate(new ScriptLifetime());
  },
});
