import type { BrowserContext, Page, Worker } from '@playwright/test';
import { exportBundleJson } from '../../lib/exchange/bundle';
import type { Annotation } from '../../lib/annotations/schema';
import { test, expect } from './chromium-fixtures';
import { highlightCounts, serviceWorker, showTimeline } from './helpers';

type Sw = { chrome: { runtime: { onMessage: { addListener(l: (m: unknown, s: { tab?: unknown; url?: string }) => undefined): void } } }; __fromTabs?: string[] };

/** Starts recording, inside the service worker, every message a web page's content script sends to the background (not our own pages open in a tab, such as the welcome page). */
async function recordTabMessages(context: BrowserContext): Promise<Worker> {
  const sw = await serviceWorker(context);
  await sw.evaluate(() => {
    const g = globalThis as unknown as Sw;
    g.__fromTabs = [];
    g.chrome.runtime.onMessage.addListener((m, sender) => {
      if (sender.tab && /^https?:/.test(sender.url ?? '')) g.__fromTabs?.push(String((m as { type?: unknown }).type));
      return undefined;
    });
  });
  return sw;
}

const tabMessages = (sw: Worker) => sw.evaluate(() => [...((globalThis as unknown as Sw).__fromTabs ?? [])]);

/** The index the background keeps in storage.local, read from the service worker. */
const storedIndexKeys = (sw: Worker) =>
  sw.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { keys?: string } | undefined>> } } } }).chrome;
    return (await api.storage.local.get('notesIndex')).notesIndex?.keys ?? null;
  });

/** Waits until the always-on script has run its gate on this page (it leaves a performance entry). */
async function gateRan(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('cecot-lens:gate').length), { timeout: 10_000 }).toBeGreaterThan(0);
}

function noteOn(url: string, quote: string): Annotation {
  const stamp = '2026-11-01T00:00:00.000Z';
  return {
    id: '5e0c1a00-0000-4000-8000-000000000001',
    url,
    canonicalUrl: url,
    title: 'Tomatoes',
    selectors: { quote: { type: 'TextQuoteSelector', exact: quote } },
    quote,
    color: 'yellow',
    note: 'a note on an off-topic page',
    tags: [],
    verdict: null,
    claims: [],
    createdAt: stamp,
    updatedAt: stamp,
    revision: 1,
    deviceId: 'e2e',
    deletedAt: null,
  };
}

test('an off-topic page without notes sends the background nothing; notes or an on-topic page do', async ({ context, baseURL, extensionId }) => {
  const sw = await recordTabMessages(context);
  await showTimeline(context);
  // The background writes its (empty) index at start; the gate reads it from storage, not by message.
  await expect.poll(() => storedIndexKeys(sw)).toBe('');

  const page = await context.newPage();
  await page.goto(`${baseURL}/off-topic.html`);
  await gateRan(page);
  await page.waitForTimeout(500);
  expect(await tabMessages(sw)).toEqual([]);
  // Nor is anything of ours on it: no highlight sheet (only a page that passes the gate gets one).
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  // Selecting text still works on any page: that is something to do, so it asks.
  // (Checked elsewhere; here the page stays untouched.)

  // The recorder does hear pages: an on-topic page asks for the session at once.
  const onTopic = await context.newPage();
  await onTopic.goto(`${baseURL}/cecot-report.html`);
  await expect.poll(() => tabMessages(sw), { timeout: 10_000 }).toContain('page/activate');
  await onTopic.close();

  // Notes for the open off-topic page arrive (an import): the index changes, the page asks, the note is drawn without a reload.
  const offUrl = `${baseURL}/off-topic.html`;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const bundle = exportBundleJson([noteOn(offUrl, 'Roast 40 cherry tomatoes with garlic')], {
    exportedAt: '2026-11-01T00:00:00.000Z',
    generator: { name: 'e2e', version: '1' },
    dataset: { id: 'e2e', version: '1' },
  });
  const imported = await options.evaluate(
    (text) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: 'data/import-apply', text }),
    bundle,
  );
  expect(imported.ok).toBe(true);
  await expect.poll(() => storedIndexKeys(sw)).toMatch(/^[0-9a-f]{8}$/);
  await expect.poll(() => highlightCounts(page), { timeout: 10_000 }).toEqual({ 'cecot-lens-note-yellow': 1 });

  // A fresh load of that page asks once, because the index says it has notes.
  const before = (await tabMessages(sw)).filter((t) => t === 'page/activate').length;
  await page.reload();
  await expect.poll(() => highlightCounts(page), { timeout: 10_000 }).toEqual({ 'cecot-lens-note-yellow': 1 });
  expect((await tabMessages(sw)).filter((t) => t === 'page/activate').length).toBe(before + 1);

  // Another off-topic page, still without notes, stays silent.
  const count = (await tabMessages(sw)).length;
  const other = await context.newPage();
  await other.goto(`${baseURL}/off-topic.html?another=1`);
  await gateRan(other);
  await other.waitForTimeout(500);
  expect((await tabMessages(sw)).length).toBe(count);
});

test('by default a page cannot see the extension on its performance timeline, on topic or not', async ({ context, baseURL }) => {
  // The steps the bench reads are written only when the diagnostic switch is on (platform/content/timeline.ts).
  const ours = (page: Page) => page.evaluate(() => performance.getEntries().filter((e) => e.name.includes('cecot-lens')).map((e) => e.name));
  const onTopic = await context.newPage();
  await onTopic.goto(`${baseURL}/cecot-report.html`);
  // Painted, so the gate, the session's start and its analysis have all run here.
  await expect.poll(async () => Object.values(await highlightCounts(onTopic)).reduce((a, b) => a + b, 0), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await ours(onTopic)).toEqual([]);
  const offTopic = await context.newPage();
  await offTopic.goto(`${baseURL}/off-topic.html`);
  await offTopic.waitForTimeout(500);
  expect(await ours(offTopic)).toEqual([]);
  // Switched on, the same page shows them: the check above can fail.
  await showTimeline(context);
  await onTopic.reload();
  await expect.poll(() => ours(onTopic), { timeout: 15_000 }).toContain('cecot-lens:gate');
});
