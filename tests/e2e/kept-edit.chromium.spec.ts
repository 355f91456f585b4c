import { test, expect } from './chromium-fixtures';

const SHOTS = 'test-results/screenshots';

// A note deleted on one device while another device edited it: after a sync, the record is a
// tombstone holding the edit as a kept version. The library's trash shows the edit and Restore
// brings it back, so nothing the reader typed on the other device vanishes.
test('the trash shows an edit made elsewhere after the deletion, and Restore brings it back (en, es)', async ({ context, extensionId }) => {
  const id = '7d1e2f30-0000-4000-8000-00000000b001';
  const url = 'https://news.example/cecot/visit';
  const tombstone = {
    id,
    url,
    canonicalUrl: url,
    title: 'A visit to the prison',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'toured the prison on Wednesday', prefix: '', suffix: '' } },
    quote: 'toured the prison on Wednesday',
    color: 'yellow',
    note: '',
    tags: [],
    verdict: null,
    claims: [],
    createdAt: '2025-03-20T10:00:00.000Z',
    updatedAt: '2025-04-01T11:00:00.000Z',
    revision: 2,
    deviceId: 'desktop',
    deletedAt: '2025-04-01T11:00:00.000Z',
    clock: { desktop: 2 },
    conflicts: [
      {
        note: 'Check the date with the ministry’s own release',
        tags: ['visit'],
        verdict: 'unverified',
        color: 'blue',
        claims: [],
        updatedAt: '2025-04-01T10:00:00.000Z',
        revision: 2,
        deviceId: 'laptop',
        deletedAt: null,
        clock: { desktop: 1, laptop: 1 },
      },
    ],
  };
  const text = JSON.stringify({
    format: 'cecot-lens-annotations',
    formatVersion: 3,
    exportedAt: '2026-11-30T00:00:00.000Z',
    generator: { name: 'kept-edit e2e', version: '1' },
    dataset: { id: 'cecot-curated', version: 'test' },
    annotations: [tombstone],
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
