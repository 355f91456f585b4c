/**
 * The library's in-browser figures for `npm run bench -- browser`: 10,000
 * notes imported, then the library page opened several times; the page
 * measures when its first screen of notes was drawn, when all notes were
 * listed and when search was ready (performance.measure from navigation
 * start), and one search keystroke
 * is timed from the input event to the new rows and count in the DOM. Ratios are to the
 * same page's own DOMContentLoaded in the same run.
 */
import type { BrowserContext } from '@playwright/test';
import { libraryCorpus } from '../../bench/library-corpus';
import { exportBundleJson } from '../../lib/exchange/bundle';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function libraryBrowserRows(context: BrowserContext, extensionId: string, runs: number): Promise<string[][]> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  const notes = libraryCorpus(10_000);
  const bundle = exportBundleJson(notes, { exportedAt: new Date().toISOString(), generator: { name: 'bench', version: '1' }, dataset: { id: 'bench', version: '1' } });
  const imported = await page.evaluate(async (text) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
    return api.runtime.sendMessage({ type: 'data/import-apply', text });
  }, bundle);
  if (!imported.ok) throw new Error(`bench: library import failed: ${imported.error}`);
  const first: number[] = [];
  const index: number[] = [];
  const whole: number[] = [];
  const request: number[] = [];
  const started: number[] = [];
  const dcl: number[] = [];
  const keystroke: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await page.goto(`chrome-extension://${extensionId}/library.html?run=${i}`);
    await page.waitForFunction(() => performance.getEntriesByName('cecot-lens:library-index-ready').length > 0, undefined, { timeout: 60_000, polling: 20 });
    const m = await page.evaluate(() => ({
      first: performance.getEntriesByName('cecot-lens:library-first-screen')[0]?.duration ?? NaN,
      index: performance.getEntriesByName('cecot-lens:library-index-ready')[0]?.duration ?? NaN,
      whole: performance.getEntriesByName('cecot-lens:library-all-notes')[0]?.duration ?? NaN,
      request: performance.getEntriesByName('cecot-lens:library-first-request')[0]?.duration ?? NaN,
      started: performance.getEntriesByName('cecot-lens:library-first-request')[0]?.startTime ?? NaN,
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? NaN,
    }));
    // One keystroke: from the input event to the count that follows it, drawn.
    const typed = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid="library-search"]')!;
          const count = document.querySelector('[data-testid="library-count"]')!;
          const before = count.textContent;
          const t0 = performance.now();
          new MutationObserver((_, observer) => {
            if (count.textContent === before) return;
            observer.disconnect();
            // The DOM holds the new rows and count: the work is done (painting follows in the next frame).
            resolve(performance.now() - t0);
          }).observe(count, { childList: true, characterData: true, subtree: true });
          input.value = 'megacarcel';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
    );
    if (i === 0) continue; // warm-up
    first.push(m.first);
    index.push(m.index);
    whole.push(m.whole);
    request.push(m.request);
    started.push(m.started);
    dcl.push(m.dcl);
    keystroke.push(typed);
  }
  await page.close();
  const d = median(dcl);
  return [
    ['library, 10,000 notes: first screen of notes drawn', `${Math.round(median(first))} ms`, `${(median(first) / Math.max(d, 1)).toFixed(1)} × its DOMContentLoaded (${Math.round(d)} ms); target < 300 ms`],
    ['  of which the page asked for its first notes at', `${Math.round(median(started))} ms`, `the answer took ${Math.round(median(request))} ms (background: 12 latest notes and the rest of their pages)`],
    ['  all 10,000 notes listed (filters and counts complete)', `${Math.round(median(whole))} ms`, 'from navigation start'],
    ['  search ready (index built after the first screen)', `${Math.round(median(index))} ms`, 'from navigation start'],
    ['  one search keystroke, input event to new rows in the DOM', `${median(keystroke).toFixed(1)} ms`, 'search, filter, group, render; target < 16 ms'],
  ];
}
