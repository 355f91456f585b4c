import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, ROOT } from './chromium-fixtures';
import { launchChromiumWithExtension, extensionIdOf } from '../../scripts/shared/chromium';
import { readImportFile } from '../../lib/exchange/import';
import { guardsSubject, userClaim } from '../unit/layer-fixtures';

// The options page's JSON backup carries the reader's dataset layer; restoring it in a fresh browser
// brings back the notes and the reader's claims together.
test('a full JSON backup holds the dataset layer, and restoring it in another browser brings the added claim back', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const saved = await options.evaluate(async ([claim, subject]) => {
    const send = (m: unknown) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage(m);
    return [await send({ type: 'layer/save', edit: { kind: 'subject', subject } }), await send({ type: 'layer/save', edit: { kind: 'claim', claim } })];
  }, [userClaim, guardsSubject] as const);
  for (const reply of saved) expect(reply, reply.error).toMatchObject({ ok: true });

  const form = options.getByTestId('export-form');
  await form.getByLabel('Format').selectOption('bundle');
  const [download] = await Promise.all([options.waitForEvent('download'), form.getByRole('button', { name: 'Export' }).click()]);
  await expect(options.getByTestId('export-message')).toContainText('The backup also holds 2 changes to your dataset.');
  await options.getByTestId('export-message').scrollIntoViewIfNeeded();
  await options.screenshot({ path: 'test-results/screenshots/chromium-options-backup-layer.png' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lens-backup-')), download.suggestedFilename());
  fs.copyFileSync((await download.path())!, file);
  expect(readImportFile(fs.readFileSync(file, 'utf8')).datasetLayer?.map((c) => c.id).sort()).toEqual(['claim:u-cecot-guards-1200', 'subject:cecot.guards']);

  // The same backup, with the interface in Spanish.
  await options.getByTestId('language-select').selectOption('es');
  await form.getByLabel('Formato').selectOption('bundle');
  await Promise.all([options.waitForEvent('download'), form.getByRole('button', { name: 'Exportar' }).click()]);
  await expect(options.getByTestId('export-message')).toContainText('La copia incluye también 2 cambios de tu conjunto de datos.');
  await options.getByTestId('export-message').scrollIntoViewIfNeeded();
  await options.screenshot({ path: 'test-results/screenshots/chromium-options-backup-layer-es.png' });

  const second = await launchChromiumWithExtension(path.join(ROOT, '.output/chrome-mv3'));
  try {
    const id = await extensionIdOf(second.context);
    const b = await second.context.newPage();
    await b.goto(`chrome-extension://${id}/options.html`);
    const importForm = b.getByTestId('import-form');
    await importForm.getByLabel('File to import').setInputFiles(file);
    await expect(importForm.getByTestId('import-dataset-changes')).toHaveText('2 changes to your dataset (claims, corrections, terms…)');
    await importForm.getByRole('button', { name: 'Import 2 changes' }).click();
    await expect(importForm.getByTestId('import-message')).toContainText('2 changes to your dataset restored.');
    await importForm.getByTestId('import-message').scrollIntoViewIfNeeded();
    await b.screenshot({ path: 'test-results/screenshots/chromium-options-restore-layer.png' });
    await b.goto(`chrome-extension://${id}/dataset.html`);
    await b.getByTestId('dataset-status').selectOption('added');
    await expect(b.getByTestId('dataset-claim')).toHaveCount(1);
    await expect(b.getByTestId('dataset-claim')).toContainText(userClaim.statement);
    // Restored again, in Spanish: the file's changes are named, and the dataset already holds them.
    await b.goto(`chrome-extension://${id}/options.html`);
    await b.getByTestId('language-select').selectOption('es');
    await b.reload();
    await importForm.getByLabel('Archivo para importar').setInputFiles(file);
    await expect(importForm.getByTestId('import-dataset-changes')).toHaveText('2 cambios de tu conjunto de datos (afirmaciones, correcciones, términos…)');
    await importForm.getByRole('button', { name: /^Importar/ }).click();
    await expect(importForm.getByTestId('import-message')).toContainText('Tu conjunto de datos ya tenía todos esos cambios.');
    await importForm.getByTestId('import-message').scrollIntoViewIfNeeded();
    await b.screenshot({ path: 'test-results/screenshots/chromium-options-restore-layer-es.png' });
  } finally {
    await second.close();
  }
});
