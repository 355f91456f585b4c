import type { Page } from '@playwright/test';
import { test, expect } from './chromium-fixtures';
import { openWithSidebar, serviceWorker } from './helpers';

/**
 * A note edited on two devices between syncs: both versions arrive in one
 * bundle (format 2, the other version kept with the record). The sidebar must
 * show both texts and let the reader keep one, the other or both.
 */
function conflictBundle(pageUrl: string): string {
  const id = '5b1c7e20-0000-4000-8000-00000000c0f1';
  const record = {
    id,
    url: pageUrl,
    canonicalUrl: pageUrl,
    title: 'Demo report',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'can hold up to 40,000 inmates', prefix: 'prison ', suffix: ', according' } },
    quote: 'can hold up to 40,000 inmates',
    color: 'yellow',
    note: 'The 40,000 figure is the government’s own; no independent count yet.',
    tags: ['capacity'],
    verdict: 'disputed',
    claims: [],
    createdAt: '2025-04-01T09:00:00.000Z',
    updatedAt: '2025-04-01T10:15:00.000Z',
    revision: 2,
    deviceId: 'laptop',
    deletedAt: null,
    clock: { laptop: 2 },
    conflicts: [
      {
        note: 'Ask the ministry for the design capacity document.',
        tags: ['follow-up'],
        verdict: null,
        color: 'yellow',
        claims: [],
        updatedAt: '2025-04-01T10:02:00.000Z',
        revision: 2,
        deviceId: 'phone',
        deletedAt: null,
        clock: { laptop: 1, phone: 1 },
      },
    ],
  };
  return JSON.stringify({
    format: 'cecot-lens-annotations',
    formatVersion: 2,
    exportedAt: '2025-04-01T11:00:00.000Z',
    generator: { name: 'hand-written test fixture', version: '1' },
    dataset: { id: 'cecot-curated', version: 'any' },
    annotations: [record],
  });
}

async function importBundle(options: Page, text: string) {
  const form = options.getByTestId('import-form');
  await form.getByLabel('File to import').setInputFiles({ name: 'two-devices.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(form.getByTestId('import-preview')).toBeVisible();
  await form.getByRole('button', { name: /^Import/ }).click();
  await expect(form.getByTestId('import-message')).toContainText('Imported');
}

async function setLanguage(context: Parameters<typeof serviceWorker>[0], language: 'en' | 'es') {
  const sw = await serviceWorker(context);
  await sw.evaluate(async (lang) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await api.storage.local.get('settings'))['settings'] ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { ...current, language: lang } });
  }, language);
}

test('concurrent edits: the sidebar shows both versions, in English and Spanish, and keeping both saves both texts', async ({ context, extensionId, baseURL }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await importBundle(options, conflictBundle(`${baseURL}/cecot-report.html`));

  const { sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html');
  await sidebar.locator('#tab-notes').click();
  const conflict = sidebar.getByTestId('edit-conflict');
  await expect(conflict).toContainText('Also edited on another device');
  await expect(conflict.getByTestId('conflict-version')).toHaveCount(2);
  await expect(conflict).toContainText('no independent count yet');
  await expect(conflict).toContainText('Ask the ministry');
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-edit-conflict-en.png', fullPage: true });

  await setLanguage(context, 'es');
  await expect(conflict).toContainText('También se editó en otro dispositivo');
  await expect(conflict.getByRole('button', { name: 'Quedarme con ambas' })).toBeVisible();
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-edit-conflict-es.png', fullPage: true });
  await setLanguage(context, 'en');

  await conflict.getByRole('button', { name: 'Keep both' }).click();
  await expect(sidebar.getByTestId('edit-conflict')).toHaveCount(0);
  const note = sidebar.getByTestId('sidebar-annotation');
  await expect(note).toContainText('no independent count yet');
  await expect(note).toContainText('Ask the ministry');
  await expect(note).toContainText('#follow-up');
  await expect(note).toContainText('#capacity');
});
