// Firefox: export, import and WebDAV sync from the options page of the built add-on (puppeteer-core over WebDriver BiDi).
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import path from 'node:path';
import { useFirefox, openExtensionPage, waitFor as poll } from './firefox-fixtures';
import { ROOT } from './paths';
import { readImportFile } from '../../lib/exchange/import';
import { startWebDavServer, storedFiles, type WebDavServer } from '../webdav/server';

const FIXTURE = path.join(ROOT, 'tests/e2e/fixtures/notes.bundle.json');
const HYPOTHESIS = path.join(ROOT, 'tests/fixtures/hypothesis/client-export.json');

const firefox = useFirefox();
let dav: WebDavServer;

test.beforeAll(async () => {
  dav = await startWebDavServer();
});
test.afterAll(async () => {
  await dav?.stop();
});

/** Imports, exports and syncs take longer than the fixtures' default wait. */
const waitFor = <T,>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> => poll(fn, ok, ms);

const text = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

/** Clicks the button inside `scope` whose text starts with `label`. */
async function clickButton(page: Page, scope: string, label: string): Promise<void> {
  const clicked = await page.evaluate(
    (s, l) => {
      const button = [...document.querySelectorAll(`${s} button`)].find((b) => (b.textContent ?? '').trim().startsWith(l)) as HTMLButtonElement | undefined;
      button?.click();
      return button !== undefined;
    },
    scope,
    label,
  );
  if (!clicked) throw new Error(`no button "${label}" in ${scope}`);
}

/**
 * The page offers files through an <a download> with a blob URL; record what it
 * offers (name and content) instead of going through Firefox's download prompt.
 */
async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __offered: Array<{ name: string; text: Promise<string> }> };
    w.__offered = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download && this.href.startsWith('blob:')) {
        w.__offered.push({ name: this.download, text: fetch(this.href).then((r) => r.text()) });
        return;
      }
      click.call(this);
    };
  });
}

async function offered(page: Page): Promise<Array<{ name: string; text: string }>> {
  return page.evaluate(async () => {
    const w = window as unknown as { __offered: Array<{ name: string; text: Promise<string> }> };
    return Promise.all(w.__offered.map(async (o) => ({ name: o.name, text: await o.text })));
  });
}

async function importFile(page: Page, file: string): Promise<void> {
  const input = await page.$('[data-testid="import-form"] input[type="file"]');
  await input!.uploadFile(file);
  await waitFor(() => text(page, '[data-testid="import-preview"]'), (t) => t.includes('new'));
  await clickButton(page, '[data-testid="import-preview"]', 'Import');
  await waitFor(() => text(page, '[data-testid="import-message"]'), (t) => t.includes('Imported'));
}

test('firefox: import, export in every format, an empty export, and a Hypothesis file', async () => {
  const page = await openExtensionPage(firefox.browser, 'options.html', '[data-testid="import-form"]');
  await captureDownloads(page);
  await importFile(page, FIXTURE);
  await waitFor(() => text(page, '[data-testid="data-stats"]'), (t) => t.includes('3 annotations'));

  for (const format of ['bundle', 'w3c', 'hypothesis', 'csv', 'markdown']) {
    await page.select('[data-testid="export-form"] select', format);
    await clickButton(page, '[data-testid="export-form"]', 'Export');
    await waitFor(() => text(page, '[data-testid="export-message"]'), (t) => t.includes('Exported 3 annotations'));
  }
  const files = await waitFor(() => offered(page), (f) => f.length === 5);
  const [bundle, w3c, hypothesis, csv, md] = files;
  expect(readImportFile(bundle!.text).annotations).toHaveLength(3);
  expect(JSON.parse(w3c!.text)).toMatchObject({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage' } });
  expect(readImportFile(w3c!.text).annotations).toHaveLength(3);
  expect(readImportFile(hypothesis!.text).format).toBe('hypothesis');
  expect(csv!.text).toContain('linked_claims');
  expect(md!.text).toContain('> can hold up to 40,000 inmates');

  // A filter that matches nothing: a message, no file.
  await page.select('[data-testid="export-form"] select', 'claimreview');
  await page.evaluate(() => {
    const form = document.querySelector('[data-testid="export-form"]')!;
    const selects = form.querySelectorAll('select');
    const verdict = selects[3] as HTMLSelectElement;
    verdict.value = 'unverified';
    verdict.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.type('[data-testid="export-form"] input[type="url"]', 'https://checks.example.org/cecot');
  await page.type('[data-testid="export-form"] input[type="text"]', 'Example Checks');
  await clickButton(page, '[data-testid="export-form"]', 'Export');
  await waitFor(() => text(page, '[data-testid="export-message"]'), (t) => t.includes('Nothing to export'));
  expect(await offered(page)).toHaveLength(5);

  await importFile(page, HYPOTHESIS);
  await waitFor(() => text(page, '[data-testid="data-stats"]'), (t) => t.includes('6 annotations'));
  await page.screenshot({ path: 'test-results/screenshots/firefox-options-data.png', fullPage: true });
});

test('firefox: sync with the real WebDAV server, a folder address corrected when saved', async () => {
  const page = await openExtensionPage(firefox.browser, 'options.html', '[data-testid="sync-form"]');
  const form = '[data-testid="sync-form"]';
  await page.type(`${form} input[type="url"]`, dav.collectionUrl);
  await page.type(`${form} input[autocomplete="username"]`, dav.username);
  await page.type(`${form} input[type="password"]`, dav.password);
  await clickButton(page, form, 'Save');
  const hint = await waitFor(() => text(page, '[data-testid="sync-message"]'), (t) => t.includes('looks like a folder'));
  expect(hint).toContain(`${dav.collectionUrl}cecot-lens.json`);
  await clickButton(page, '[data-testid="sync-message"]', 'Use this address');
  await waitFor(() => text(page, '[data-testid="sync-message"]'), (t) => t.includes('Saved'));
  await clickButton(page, form, 'Sync now');
  await waitFor(() => text(page, '[data-testid="sync-status"]'), (t) => /synced, \d+ received, \d+ sent/.test(t), 30_000);
  const stored = await waitFor(async () => storedFiles(dav)['cecot-lens.json'] ?? '', (t) => t.length > 0);
  // The first test's six notes (same Firefox profile) are on the server now.
  expect(readImportFile(stored).annotations.length).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: 'test-results/screenshots/firefox-options-sync.png', fullPage: true });
});
