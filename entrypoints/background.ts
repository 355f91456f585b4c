import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start';

export default defineBackground(() => {
  startBackground({
    selfId: browser.runtime.id,
    onMessage: (listener) =>
      // Returning the promise keeps the channel open for the async reply in both browsers.
      browser.runtime.onMessage.addListener((message, sender) => listener(message, { id: sender.id })),
    onInstalled: (listener) => browser.runtime.onInstalled.addListener(() => void listener()),
  });
});
