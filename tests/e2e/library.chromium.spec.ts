import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './chromium-fixtures';
import { highlightCounts, highlightTexts } from './helpers';
import { libraryCorpus } from '../../bench/library-corpus';
import type { Annotation } from '../../lib/annotations/schema';

const SHOTS = 'test-results/screenshots';

function bundle(annotations: Annotation[]): string {
  return JSON.stringify({
    format: 'cecot-lens-annotations',
    formatVersion: 1,
    exportedAt: '2026-11-30T00:00:00.000Z',
    generator: { name: 'library e2e', version: '1' },
    dataset: { id: 'cecot-curated', version: 'test' },
    annotations,
  });
}

/** Imports a bundle through the background, as the options page's import does. */
async function importNotes(page: Page, annotations: Annotation[]): Promise<void> {
  const reply = await page.evaluate(async (text) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
    return api.runtime.sendMessage({ type: 'data/import-apply', text });
  }, bundle(annotations));
  expect(reply.ok, reply.error).toBe(true);
}

async function setLanguage(page: Page, language: 'en' | 'es'): Promise<void> {
  await page.evaluate(async (lang) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await api.storage.local.get('settings')).settings ?? {}) as object;
    await api.storage.local.set({ settings: { ...current, language: lang } });
  }, language);
}

async function openLibrary(context: BrowserContext, extensionId: string): Promise<Page> {
  const library = await context.newPage();
  await library.setViewportSize({ width: 1100, height: 900 });
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  return library;
}

function note(overrides: Partial<Annotation> & { id: string; quote: string; url: string }): Annotation {
  return {
    canonicalUrl: overrides.url,
    title: 'Inside the deal that sends deportees to El Salvador’s mega-prison',
    selectors: { quote: { type: 'TextQuoteSelector', exact: overrides.quote, prefix: '', suffix: '' } },
    color: 'green',
    note: '',
    tags: [],
    verdict: null,
    claims: [],
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    revision: 1,
    deviceId: 'device-e2e',
    deletedAt: null,
    ...overrides,
  };
}

test('the library with 10,000 notes: first screen, accent-insensitive search, filters, keyboard, both languages', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  const library = await openLibrary(context, extensionId);
  await importNotes(library, libraryCorpus(10_000));
  await library.reload();
  const count = library.getByTestId('library-count');
  await expect(count).toHaveText('10,000 notes', { timeout: 30_000 });
  const list = library.getByTestId('library-list');
  // Windowed: a screenful of rows is drawn, not 10,000.
  const drawn = await list.locator('[role="listitem"]').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(120);
  await expect(list.locator('.page-row').first()).toContainText('notes');
  await library.screenshot({ path: `${SHOTS}/chromium-library-10000.png` });

  // A search typed without accents finds the accented word, and says how many matched.
  const search = library.getByTestId('library-search');
  await search.fill('megacarcel');
  await expect(count).toHaveText(/^[\d,]+ of 10,000 notes$/, { timeout: 30_000 });
  await expect(list.locator('.note-quote').first()).toContainText(/megacárcel/i);
  await library.screenshot({ path: `${SHOTS}/chromium-library-search.png` });

  // Filters narrow further: a site, then only notes linked as conflicting with the dataset.
  await library.getByTestId('filter-site').selectOption('www.elfaro.net');
  await library.getByTestId('filter-conflicts').check();
  await expect(count).toHaveText(/^[\d,]+ of 10,000 notes$/);
  const shown = Number((await count.textContent())!.split(' ')[0]!.replace(/,/g, ''));
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(1_000);
  for (const meta of await list.locator('.page-meta').allTextContents()) expect(meta).toContain('www.elfaro.net');
  await expect(list.locator('.badge.conflict').first()).toBeVisible();
  await library.screenshot({ path: `${SHOTS}/chromium-library-filter.png` });

  // Keyboard: Tab reaches the first note; arrow keys move between notes (skipping page headings).
  await search.fill('');
  await library.getByTestId('filter-conflicts').uncheck();
  await library.getByTestId('filter-site').selectOption('');
  await expect(count).toHaveText('10,000 notes');
  // The welcome tab opened on install may have come to the front meanwhile: keys go to the tab the reader is in.
  await library.bringToFront();
  const first = list.locator('.note-row').first();
  await first.locator('.note-open').focus();
  const firstId = await first.getAttribute('data-note');
  const focusedNote = () => library.evaluate(() => document.activeElement?.closest('[data-note]')?.getAttribute('data-note') ?? null);
  await expect.poll(focusedNote).toBe(firstId);
  await library.keyboard.press('ArrowDown');
  await expect.poll(focusedNote).not.toBe(firstId);
  expect(await focusedNote()).toBeTruthy();
  await library.keyboard.press('End');
  await expect.poll(() => library.evaluate(() => document.activeElement?.closest('[role="listitem"]')?.getAttribute('aria-posinset'))).toBe(String(await list.locator('[role="listitem"]').last().getAttribute('aria-setsize')));
  await library.keyboard.press('Space');
  await expect(library.getByTestId('bulk-bar')).toContainText('1 selected');

  await setLanguage(library, 'es');
  await expect(count).toHaveText('10.000 notas');
  await library.keyboard.press('Home');
  await search.fill('deportacion');
  await expect(count).toHaveText(/^[\d.]+ de 10.000 notas$/, { timeout: 30_000 });
  await library.screenshot({ path: `${SHOTS}/chromium-library-search-es.png` });
  await search.fill('');
  await library.getByTestId('filter-tag').selectOption('vuelos');
  await expect(count).toHaveText(/^[\d.]+ de 10.000 notas$/);
  await library.screenshot({ path: `${SHOTS}/chromium-library-filter-es.png` });
  await library.emulateMedia({ colorScheme: 'dark' });
  await library.screenshot({ path: `${SHOTS}/chromium-library-dark-es.png` });

  // Deleting a note far down the list keeps the reader's place.
  await list.evaluate((el) => (el.scrollTop = 20_000));
  await expect.poll(() => list.locator('.note-row').first().getAttribute('aria-posinset').then(Number)).toBeGreaterThan(100);
  await list.locator('.note-row').first().getByRole('button', { name: 'Eliminar' }).click();
  await expect(library.getByTestId('library-status')).toContainText('Se eliminó 1 nota');
  expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(10_000);
});

test('open a note on its page (flashed), edit, delete to the trash and restore, orphans listed', async ({ context, extensionId, baseURL }) => {
  const url = `${baseURL}/cecot-report.html`;
  const present = note({ id: '7d1e2f30-0000-4000-8000-00000000a001', url, quote: 'toured the prison on Wednesday', note: 'visita oficial', tags: ['visita'] });
  const orphan = note({ id: '7d1e2f30-0000-4000-8000-00000000a002', url, quote: 'a sentence this demo page has never contained', note: 'lost text' });
  const library = await openLibrary(context, extensionId);
  await importNotes(library, [present, orphan]);
  await library.reload();
  await expect(library.getByTestId('library-count')).toHaveText('2 notes');

  // Open: a new tab on the page, scrolled to the note, which is flashed.
  const [page] = await Promise.all([context.waitForEvent('page'), library.locator(`[data-note="${present.id}"] .note-open`).click()]);
  await expect.poll(() => highlightTexts(page, 'cecot-lens-focus'), { timeout: 20_000 }).toEqual(['toured the prison on Wednesday']);
  await expect.poll(async () => Object.keys(await highlightCounts(page))).toContain('cecot-lens-note-green');

  // The page reported the note it could not find: the library lists it as an orphan.
  await library.bringToFront();
  await library.getByTestId('view-orphans').click();
  const list = library.getByTestId('library-list');
  await expect(list.locator('.note-row')).toHaveCount(1, { timeout: 15_000 });
  await expect(list.locator('.note-row')).toContainText('a sentence this demo page has never contained');
  await expect(list.locator('.page-row a')).toHaveAttribute('href', url);
  await library.screenshot({ path: `${SHOTS}/chromium-library-orphans.png` });

  // Edit in the library.
  await library.getByTestId('view-notes').click();
  await list.locator(`[data-note="${present.id}"]`).getByRole('button', { name: 'Edit' }).click();
  const dialog = library.getByTestId('edit-dialog');
  await dialog.getByLabel('Note').fill('visita oficial, confirmar la fecha');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(list.locator(`[data-note="${present.id}"] .note-text`)).toHaveText('visita oficial, confirmar la fecha');

  // Delete: into the trash (the page's highlight goes), then restored with its text.
  await list.locator(`[data-note="${present.id}"]`).getByRole('button', { name: 'Delete' }).click();
  await expect(library.getByTestId('library-status')).toContainText('Deleted 1 note');
  await expect(library.getByTestId('view-trash')).toContainText('1');
  await expect.poll(async () => Object.keys(await highlightCounts(page))).not.toContain('cecot-lens-note-green');
  await library.getByTestId('view-trash').click();
  await expect(list.locator('.note-row')).toHaveCount(1);
  await list.locator(`[data-note="${present.id}"]`).getByRole('button', { name: 'Restore' }).click();
  await expect(library.getByTestId('library-status')).toContainText('Restored 1 note');
  await library.getByTestId('view-notes').click();
  await expect(list.locator(`[data-note="${present.id}"] .note-text`)).toHaveText('visita oficial, confirmar la fecha');
  await expect.poll(async () => Object.keys(await highlightCounts(page))).toContain('cecot-lens-note-green');

  // Bulk: select both, add a tag, export as Markdown.
  await library.getByRole('button', { name: /Select all 2 notes/ }).click();
  await library.getByTestId('bulk-tag').fill('revisar');
  await library.getByRole('button', { name: 'Add tag' }).click();
  await expect(library.getByTestId('library-status')).toContainText('Tag added to 2 notes');
  await expect(list.locator('.tag', { hasText: '#revisar' })).toHaveCount(2);
  const [download] = await Promise.all([library.waitForEvent('download'), library.getByTestId('bulk-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  expect(await (await import('node:fs')).promises.readFile((await download.path())!, 'utf8')).toContain('confirmar la fecha');

  // Bulk delete (both are still selected), then Undo from the status line.
  await expect(library.getByTestId('bulk-bar')).toContainText('2 selected');
  await library.getByTestId('bulk-delete').click();
  await expect(library.getByTestId('library-status')).toContainText('Deleted 2 notes');
  await expect(library.getByTestId('library-count')).toHaveText('0 notes');
  await library.getByTestId('library-status').getByRole('button', { name: 'Undo' }).click();
  await expect(library.getByTestId('library-status')).toContainText('Restored 2 notes');
  await expect(library.getByTestId('library-count')).toHaveText('2 notes');
});

test('welcome page on install, in English and Spanish, with the dataset sources', async ({ context, extensionId }) => {
  const welcome =
    context.pages().find((p) => p.url().endsWith('/welcome.html')) ?? (await context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html'), timeout: 15_000 }));
  expect(welcome.url()).toBe(`chrome-extension://${extensionId}/welcome.html`);
  await welcome.setViewportSize({ width: 900, height: 1300 });
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to CECOT Lens');
  await expect(welcome.getByTestId('welcome-sources').locator('cite')).toHaveCount(2);
  await expect(welcome.getByTestId('welcome-sources')).toContainText('claims checked against 2 articles');
  await expect(welcome.locator('kbd')).toHaveText('Alt+Shift+A');
  await welcome.screenshot({ path: `${SHOTS}/chromium-welcome.png`, fullPage: true });
  await welcome.getByTestId('welcome-language').selectOption('es');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Te damos la bienvenida a CECOT Lens');
  await expect(welcome.getByText('Todo se queda en este navegador', { exact: false })).toBeVisible();
  await welcome.screenshot({ path: `${SHOTS}/chromium-welcome-es.png`, fullPage: true });
});

test('the popup on an off-topic page says what the extension is for and how to annotate there', async ({ context, extensionId, baseURL }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/off-topic.html`);
  const sw = context.serviceWorkers()[0]!;
  const tabId = await sw.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id;
  }, page.url());
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 320, height: 480 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  const off = popup.getByTestId('popup-off-topic');
  await expect(off).toContainText('This page is not about CECOT');
  await expect(off).toContainText('Alt+Shift+A');
  await expect(popup.getByTestId('popup-library')).toHaveAttribute('href', '/library.html');
  await popup.screenshot({ path: `${SHOTS}/chromium-popup-off-topic.png` });
  await setLanguage(popup, 'es');
  await expect(off).toContainText('Esta página no trata del CECOT');
  await expect(off).toContainText('Alt+Mayús+A');
  await popup.screenshot({ path: `${SHOTS}/chromium-popup-off-topic-es.png` });

  // On an on-topic page, the counts agree in number: "1 en conflicto", "5 coinciden".
  await page.goto(`${baseURL}/cecot-report.html`);
  await expect.poll(async () => Object.keys(await highlightCounts(page))).toContain('cecot-lens-agrees');
  await popup.reload();
  const status = popup.getByTestId('popup-status');
  await expect(status).toContainText('Sobre el CECOT');
  await expect(status).toContainText(/1 en conflicto/);
  await expect(status).toContainText(/5 coinciden/);
  await popup.screenshot({ path: `${SHOTS}/chromium-popup-es.png` });
});
