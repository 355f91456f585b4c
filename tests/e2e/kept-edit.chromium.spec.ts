import type { Page } from '@playwright/test';
import { test, expect } from './chromium-fixtures';
import { highlightCounts, openWithSidebar } from './helpers';
import { makeAnnotation } from '../unit/exchange-fixtures';

const SHOTS = 'test-results/screenshots';

// A note deleted on one device while another device edited it: after a sync, the record is a
// tombstone holding the edit as a kept version. The library's trash shows the edit and Restore
// brings it back, so nothing the reader typed on the other device vanishes.
test('the trash shows an edit made elsewhere after the deletion, and Restore brings it back (en, es)', async ({ context, extensionId }) => {
  const id = '7d1e2f30-0000-4000-8000-00000000b001';
  const url = 'https://news.example/cecot/visit';
  const text = keptEditBundle(id, url, { exact: 'toured the prison on Wednesday', prefix: '', suffix: '' }, 'Check the date with the ministry’s own release', {
    title: 'A visit to the prison',
    tags: ['visit'],
  });
  const library = await context.newPage();
  await library.setViewportSize({ width: 1100, height: 700 });
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  const reply = await library.evaluate(async (body) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
    return api.runtime.sendMessage({ type: 'data/import-apply', text: body });
  }, text);
  expect(reply.ok, reply.error).toBe(true);
  await library.reload();

  // Deleted long ago, past the trash's 30 days: still in the trash, because it holds the edit.
  await expect(library.getByTestId('view-trash')).toContainText('1');
  await library.getByTestId('view-trash').click();
  const row = library.locator(`[data-note="${id}"]`);
  await expect(row.getByTestId('kept-edit')).toHaveText('Edited on another device after the deletion: Check the date with the ministry’s own release');
  await expect(row).toContainText('Restore brings this edit back');
  await library.screenshot({ path: `${SHOTS}/chromium-library-kept-edit-en.png` });

  await library.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await api.storage.local.get('settings')).settings ?? {}) as object;
    await api.storage.local.set({ settings: { ...current, language: 'es' } });
  });
  await expect(row.getByTestId('kept-edit')).toHaveText('Editada en otro dispositivo después de eliminarla: Check the date with the ministry’s own release');
  await library.screenshot({ path: `${SHOTS}/chromium-library-kept-edit-es.png` });

  await row.getByRole('button', { name: 'Restaurar' }).click();
  await library.getByTestId('view-notes').click();
  await expect(library.locator(`[data-note="${id}"] .note-text`)).toHaveText('Check the date with the ministry’s own release');
  await expect(library.locator(`[data-note="${id}"]`)).toContainText('#visit');
});

/** A bundle of one tombstone on `url` whose kept version is an edit made on a device (a laptop unless told) that had not seen the deletion. */
function keptEditBundle(
  id: string,
  url: string,
  quote: { exact: string; prefix: string; suffix: string },
  note: string,
  page: { title: string; tags: string[] } = { title: 'Demo report', tags: ['capacity'] },
  devices: { deletedOn: string; editedOn: string } = { deletedOn: 'desktop', editedOn: 'laptop' },
): string {
  const { deletedOn, editedOn } = devices;
  return JSON.stringify({
    format: 'cecot-lens-annotations',
    formatVersion: 3,
    exportedAt: '2026-11-30T00:00:00.000Z',
    generator: { name: 'kept-edit e2e', version: '1' },
    dataset: { id: 'cecot-curated', version: 'test' },
    annotations: [
      makeAnnotation({
        id,
        url,
        canonicalUrl: url,
        title: page.title,
        selectors: { quote: { type: 'TextQuoteSelector', ...quote } },
        quote: quote.exact,
        updatedAt: '2025-04-01T11:00:00.000Z',
        revision: 2,
        deviceId: deletedOn,
        deletedAt: '2025-04-01T11:00:00.000Z',
        clock: { [deletedOn]: 2 },
        conflicts: [
          { note, tags: page.tags, verdict: 'unverified', color: 'blue', claims: [], updatedAt: '2025-04-01T10:00:00.000Z', revision: 2, deviceId: editedOn, deletedAt: null, clock: { [deletedOn]: 1, [editedOn]: 1 } },
        ],
      }),
    ],
  });
}

/** This install's device id, as the sidebar learns it. */
async function thisDevice(page: Page, url: string): Promise<string> {
  const reply = await page.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string; data?: { thisDevice: string } }> } } }).chrome;
    return api.runtime.sendMessage({ type: 'annotations/list', canonicalUrl: u });
  }, url);
  expect(reply.ok, reply.error).toBe(true);
  return reply.data!.thisDevice;
}

async function importApply(page: Page, text: string) {
  const reply = await page.evaluate(async (body) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
    return api.runtime.sendMessage({ type: 'data/import-apply', text: body });
  }, text);
  expect(reply.ok, reply.error).toBe(true);
}

async function setLanguage(page: Page, language: 'en' | 'es') {
  await page.evaluate(async (lang) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await api.storage.local.get('settings')).settings ?? {}) as object;
    await api.storage.local.set({ settings: { ...current, language: lang } });
  }, language);
}

async function noteHighlights(page: Page): Promise<number> {
  const counts = await highlightCounts(page);
  return Object.entries(counts).filter(([name]) => name.startsWith('cecot-lens-note')).reduce((sum, [, n]) => sum + n, 0);
}

// The same situation seen from the page: its sidebar says that a deleted note holds words typed on another
// device, restores it right there, and links to the library's trash.
test('the sidebar of the page tells of a deleted note holding an edit made elsewhere, restores it, and links to the trash (en, es)', async ({ context, extensionId, baseURL }) => {
  const id = '7d1e2f30-0000-4000-8000-00000000b002';
  const kept = 'The 40,000 figure is the government’s; <b>ask</b> for the design document.';
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${extensionId}/library.html`);
  await importApply(setup, keptEditBundle(id, `${baseURL}/cecot-report.html`, { exact: 'can hold up to 40,000 inmates', prefix: 'prison ', suffix: ', according' }, kept));
  await setup.close();

  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html');
  await sidebar.locator('#tab-notes').click();
  const notice = sidebar.getByTestId('sidebar-kept-edits');
  await expect(notice.locator('h3')).toHaveText('A deleted note still holds an edit');
  const item = notice.locator(`[data-note="${id}"]`);
  // The kept text is shown as text: its markup is not parsed.
  await expect(item.getByTestId('kept-text')).toHaveText(kept);
  await expect(item.locator('b')).toHaveCount(0);
  await expect(item).toContainText('can hold up to 40,000 inmates');
  await expect(item).toContainText('Edited on another device on Apr 1, 2025 · deleted on Apr 1, 2025');
  await expect(notice).toContainText('Another device changed this note before it learned it was deleted.');
  await expect(sidebar.getByTestId('sidebar-annotation')).toHaveCount(0);
  expect(await noteHighlights(page)).toBe(0);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-kept-edit-en.png` });

  await setLanguage(sidebar, 'es');
  await expect(notice.locator('h3')).toHaveText('Una nota eliminada aún guarda una edición');
  await expect(item).toContainText('Editada en otro dispositivo el 1 abr 2025 · eliminada el 1 abr 2025');
  await expect(notice.getByTestId('kept-trash-link')).toHaveText('Ver la papelera');
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-kept-edit-es.png` });
  await setLanguage(sidebar, 'en');
  await expect(notice.getByTestId('kept-trash-link')).toHaveText('See the trash');

  // The link opens the library on its trash, where the same note waits.
  const [library] = await Promise.all([context.waitForEvent('page'), notice.getByTestId('kept-trash-link').click()]);
  await expect(library).toHaveURL(/\/library\.html#trash$/);
  await expect(library.getByTestId('view-trash')).toHaveAttribute('aria-pressed', 'true');
  await expect(library.locator(`[data-note="${id}"]`).getByTestId('kept-edit')).toContainText('ask');
  await library.close();

  // Restore, right there: the note is listed and highlighted again, with the kept edit, and the notice is gone.
  await item.getByRole('button', { name: /^Restore/ }).click();
  await expect(sidebar.getByTestId('sidebar-kept-edits')).toHaveCount(0);
  const restored = sidebar.getByTestId('sidebar-annotation');
  await expect(restored).toHaveCount(1);
  await expect(restored.locator('.note-text')).toHaveText(kept);
  await expect(restored).toContainText('#capacity');
  await expect(sidebar.getByTestId('kept-restored')).toHaveText('Note restored.');
  await expect.poll(() => noteHighlights(page)).toBe(1);
});

// The edit can also be this device's own: it was edited here before a deletion made on another device
// arrived. The notice then says so, rather than blaming another device.
test('the sidebar says an edit kept in a deleted note was made on this device when it was (en, es)', async ({ context, extensionId, baseURL }) => {
  const id = '7d1e2f30-0000-4000-8000-00000000b003';
  const url = `${baseURL}/cecot-report.html`;
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${extensionId}/library.html`);
  const here = await thisDevice(setup, url);
  const bundle = keptEditBundle(id, url, { exact: 'can hold up to 40,000 inmates', prefix: 'prison ', suffix: ', according' }, 'Typed here before the deletion arrived.', undefined, {
    deletedOn: 'phone',
    editedOn: here,
  });
  await importApply(setup, bundle);
  await setup.close();

  const { sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html');
  await sidebar.locator('#tab-notes').click();
  const notice = sidebar.getByTestId('sidebar-kept-edits');
  const item = notice.locator(`[data-note="${id}"]`);
  await expect(item).toContainText('Edited on this device on Apr 1, 2025 · deleted on Apr 1, 2025');
  await expect(notice).toContainText('This note was deleted on another device, and changed on this one before the deletion reached it.');
  await expect(notice).not.toContainText('another device changed', { ignoreCase: true });
  await expect(item).not.toContainText('Edited on another device');
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-kept-edit-here-en.png` });

  await setLanguage(sidebar, 'es');
  await expect(item).toContainText('Editada en este dispositivo el 1 abr 2025 · eliminada el 1 abr 2025');
  await expect(notice).toContainText('Esta nota se eliminó en otro dispositivo y se cambió en este antes de que le llegara la eliminación.');
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-kept-edit-here-es.png` });
  await setLanguage(sidebar, 'en');

  // The library's trash says the same of it.
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html#trash`);
  const row = library.locator(`[data-note="${id}"]`);
  await expect(row.getByTestId('kept-edit')).toHaveText('Edited on this device before the deletion made on another reached it: Typed here before the deletion arrived.');
  await setLanguage(library, 'es');
  await expect(row.getByTestId('kept-edit')).toHaveText('Editada en este dispositivo antes de que le llegara la eliminación hecha en otro: Typed here before the deletion arrived.');
  await setLanguage(library, 'en');
});
