// Firefox: an off-topic page sends the background nothing; an on-topic page asks (puppeteer-core over WebDriver BiDi).
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { useFirefox, openExtensionPage, waitFor } from './firefox-fixtures';

const firefox = useFirefox({ servePages: true });

type Recorder = { browser: { runtime: { onMessage: { addListener(l: (m: unknown, s: { tab?: unknown; url?: string }) => undefined): void } } }; __fromTabs?: string[] };

/**
 * Records, in an extension page, every message a web page's content script sends: `runtime.sendMessage`
 * from a content script reaches every extension page's listeners, the background's and this one's alike.
 */
async function recordTabMessages(): Promise<Page> {
  const recorder = await openExtensionPage(firefox.browser, 'popup.html', 'main');
  await recorder.evaluate(() => {
    const g = globalThis as unknown as Recorder;
    g.__fromTabs = [];
    g.browser.runtime.onMessage.addListener((m, sender) => {
      if (sender.tab && /^https?:/.test(sender.url ?? '')) g.__fromTabs?.push(`${String((m as { type?: unknown }).type)} ${sender.url}`);
      return undefined;
    });
  });
  return recorder;
}

/** The messages recorded so far, as "<type> <sender's URL>". */
const tabMessages = (recorder: Page) => recorder.evaluate(() => [...((globalThis as unknown as Recorder).__fromTabs ?? [])]);
const fromOffTopic = async (recorder: Page) => (await tabMessages(recorder)).filter((m) => m.includes('/off-topic.html'));

/** Whether the always-on script has run its gate on this page (it leaves a performance entry on the page's timeline). */
const gateRan = (page: Page) => page.evaluate(() => performance.getEntriesByName('cecot-lens:gate').length > 0);

test('firefox: an off-topic page sends the background nothing; an on-topic page asks for the session', async () => {
  const recorder = await recordTabMessages();
  // Our steps on the page's timeline, which `gateRan` reads, are written only with this switch (off by default).
  await recorder.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }).browser.storage.local.set({ diagnosticTimeline: true }));

  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.server.url}/off-topic.html`);
  await waitFor(() => gateRan(page), (ran) => ran);
  await new Promise((r) => setTimeout(r, 500));
  expect(await tabMessages(recorder)).toEqual([]);

  // The recorder does hear pages: an on-topic page asks at once.
  const onTopic = await firefox.browser.newPage();
  await onTopic.goto(`${firefox.server.url}/cecot-report.html`);
  const heard = await waitFor(() => tabMessages(recorder), (msgs) => msgs.some((m) => m.startsWith('page/activate ') && m.includes('/cecot-report.html')));
  expect(heard.some((m) => m.startsWith('page/activate '))).toBe(true);

  // Another off-topic load after that stays silent (the on-topic tab goes on talking: only the off-topic pages count).
  const other = await firefox.browser.newPage();
  await other.goto(`${firefox.server.url}/off-topic.html?another=1`);
  await waitFor(() => gateRan(other), (ran) => ran);
  await new Promise((r) => setTimeout(r, 500));
  expect(await fromOffTopic(recorder)).toEqual([]);
});
