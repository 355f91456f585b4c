// Firefox: highlights, the sidebar, and an annotation that survives a reload (puppeteer-core over WebDriver BiDi).
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { useFirefox, openExtensionPage, sessionNames, setViewport, tabIdOf, waitFor, selectText } from './firefox-fixtures';

const firefox = useFirefox({ servePages: true });

async function counts(page: Page): Promise<Record<string, number>> {
  const names = await sessionNames(firefox.browser, page);
  return page.evaluate((byKind) => {
    const out: Record<string, number> = {};
    for (const [kind, name] of Object.entries(byKind)) {
      const size = CSS.highlights.get(name)?.size ?? 0;
      if (size > 0) out[`cecot-lens-${kind}`] = size;
    }
    return out;
  }, names);
}


test('firefox: highlights, sidebar, and an annotation that survives a reload', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.server.url}/cecot-report.html`);
  const painted = await waitFor(() => counts(page), (c) => (c['cecot-lens-agrees'] ?? 0) > 0);
  expect(painted['cecot-lens-conflicts']).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: 'test-results/screenshots/firefox-highlights.png' });

  const tabId = await tabIdOf(firefox.browser, page.url());
  const sidebar = await openExtensionPage(firefox.browser, `sidepanel.html?tab=${tabId}`, '[data-testid="sidebar-claim"]');
  await setViewport(sidebar, { width: 400, height: 900 });
  const claimTexts = await sidebar.$$eval('[data-testid="sidebar-claim"]', (els) => els.map((e) => e.textContent ?? ''));
  // A sentence that claims several things is painted once per thing, listed once.
  expect(claimTexts.length).toBeLessThanOrEqual(Object.entries(painted).reduce((s, [, n]) => s + n, 0));
  expect(claimTexts.some((t) => t.includes('238') && t.includes('261') && t.includes('Conflicts'))).toBe(true);
  await sidebar.screenshot({ path: 'test-results/screenshots/firefox-sidebar.png' });

  // Select text, press the in-page Annotate button (by position: it lives in a closed shadow root).
  await page.bringToFront();
  const box = await selectText(page, '#p7', 'streets were quiet');
  await new Promise((r) => setTimeout(r, 300));
  await page.mouse.click(Math.max(8, box.right - 40) + 15, box.bottom + 8 + 10);

  // Firefox opens its own sidebar only from a browser-level action: here the sidebar comes as a frame in the page.
  await new Promise((r) => setTimeout(r, 800));
  await page.screenshot({ path: 'test-results/screenshots/firefox-in-page-sidebar.png' });
  await sidebar.bringToFront();
  await sidebar.waitForSelector('[data-testid="annotation-editor"]', { timeout: 10_000 });
  await sidebar.type('[data-testid="annotation-editor"] textarea', 'Firefox note');
  await sidebar.click('[data-testid="annotation-editor"] button[type="submit"]');
  await sidebar.waitForSelector('[data-testid="sidebar-annotation"]', { timeout: 10_000 });

  await waitFor(() => counts(page), (c) => c['cecot-lens-note-yellow'] === 1);
  await page.reload();
  await waitFor(() => counts(page), (c) => c['cecot-lens-note-yellow'] === 1);
  const yellow = (await sessionNames(firefox.browser, page))['note-yellow'] ?? '(none)';
  const text = await page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), yellow);
  expect(text).toEqual(['streets were quiet']);
  await page.close();
  await sidebar.close();
});
