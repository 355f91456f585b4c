import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect, ROOT } from './chromium-fixtures';
import { launchChromiumWithExtension, extensionIdOf } from '../../scripts/shared/chromium';
import { readImportFile } from '../../lib/exchange/import';
import { startWebDavServer, storedFiles, type WebDavServer } from '../webdav/server';
import { guardsSubject, userClaim } from '../unit/layer-fixtures';

const FIXTURE = path.join(ROOT, 'tests/e2e/fixtures/notes.bundle.json');
const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

async function importFile(options: Page, file: string, expectedNew: number) {
  const form = options.getByTestId('import-form');
  await form.getByLabel('File to import').setInputFiles(file);
  await expect(form.getByTestId('import-preview')).toContainText(`${expectedNew} new`);
  await form.getByRole('button', { name: /^Import/ }).click();
  await expect(form.getByTestId('import-message')).toContainText('Imported');
}

async function exportAs(options: Page, format: string, fill?: () => Promise<void>): Promise<{ name: string; text: string }> {
  const form = options.getByTestId('export-form');
  await form.getByLabel('Format').selectOption(format);
  await fill?.();
  const [download]: [Download, void] = await Promise.all([options.waitForEvent('download'), form.getByRole('button', { name: 'Export' }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('every export format from a real browser session, re-imported or validated', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await importFile(options, FIXTURE, 3);
  await expect(options.getByTestId('data-stats')).toContainText('3 annotations on 2 pages');

  // JSON bundle: lossless; importing it back gives exactly the same records.
  const bundle = await exportAs(options, 'bundle');
  expect(bundle.name).toMatch(/\.json$/);
  const back = readImportFile(bundle.text).annotations.sort((a, b) => a.id.localeCompare(b.id));
  expect(back).toEqual(readImportFile(JSON.stringify(fixture)).annotations.sort((a, b) => a.id.localeCompare(b.id)));

  // W3C Web Annotation: a collection our importer reads back to the same records.
  const w3c = await exportAs(options, 'w3c');
  const collection = JSON.parse(w3c.text);
  expect(collection['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
  expect(collection.type).toBe('AnnotationCollection');
  expect(readImportFile(w3c.text).annotations.map((a) => a.id).sort()).toEqual(back.map((a) => a.id));

  // CSV: RFC 4180 with a BOM, one row per highlight, formula-looking cells defused.
  const csv = await exportAs(options, 'csv');
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(/quote/i);
  expect(csv.text).toContain('""check""');
  expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m);
  expect(csv.text).toContain('c000-deportees-261');
  expect(csv.text).toContain('261 people');

  // ClaimReview: one review per verdict, with the fields Google's tools require.
  const claimReview = await exportAs(options, 'claimreview', async () => {
    const form = options.getByTestId('export-form');
    await form.getByLabel(/Review URL/).fill('https://checks.example.org/cecot');
    await form.getByLabel('Fact-checking organisation').fill('Example Checks');
  });
  const reviews = JSON.parse(claimReview.text);
  expect(reviews).toHaveLength(2);
  for (const r of reviews) {
    expect(r['@context']).toContain('schema.org');
    expect(r['@type']).toBe('ClaimReview');
    expect(r.claimReviewed).toBeTruthy();
    expect(r.url).toBe('https://checks.example.org/cecot');
    expect(r.author.name).toBe('Example Checks');
    expect(r.reviewRating.alternateName).toBeTruthy();
    expect(r.itemReviewed['@type']).toBe('Claim');
  }

  // Markdown: grouped by page, quotes as block quotes.
  const md = await exportAs(options, 'markdown');
  expect(md.text).toContain('> can hold up to 40,000 inmates');
  expect(md.text).toContain('news.example.org/cecot-capacity');

  // Filters: one site only.
  const filtered = await exportAs(options, 'bundle', async () => {
    await options.getByTestId('export-form').getByLabel('Site').selectOption('other.example.net');
  });
  expect(readImportFile(filtered.text).annotations).toHaveLength(1);

  // Importing the bundle again changes nothing.
  await options.getByTestId('import-form').getByLabel('File to import').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(bundle.text) });
  await expect(options.getByTestId('import-preview')).toContainText('3 already here');
  await expect(options.getByTestId('import-preview')).toContainText('Nothing to import');
  await options.screenshot({ path: 'test-results/screenshots/chromium-options-data.png', fullPage: true });
});

test('an import with a bad record names it in plain words, writes nothing until asked, then takes the valid ones', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const broken = structuredClone(fixture);
  broken.annotations[2].selectors.quote.exact = 42;
  broken.annotations[1].color = 'chartreuse';
  const form = options.getByTestId('import-form');
  await form.getByLabel('File to import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const invalid = form.getByTestId('import-invalid');
  await expect(invalid).toContainText('2 records in this file cannot be imported');
  await expect(invalid).toContainText('Record 3');
  await expect(invalid).toContainText('“exact” has the wrong kind of value');
  await expect(invalid).toContainText('“color” must be one of: yellow, green, blue, pink, purple');
  // No validator wording reaches the reader.
  await expect(invalid).not.toContainText('Invalid option');
  await expect(invalid).not.toContainText('expected');
  await expect(options.getByTestId('data-stats')).toContainText('0 annotations');
  await options.screenshot({ path: 'test-results/screenshots/chromium-options-import-invalid.png', fullPage: true });
  await form.getByRole('button', { name: 'Import the 1 valid record, leave out the others' }).click();
  await expect(form.getByTestId('import-message')).toContainText('2 records were left out');
  await expect(options.getByTestId('data-stats')).toContainText('1 annotation');

  // A file that is not ours: the reason in words, the details folded away.
  await form.getByLabel('File to import').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(form.getByTestId('import-message')).toContainText('other.json cannot be imported: it is not a CECOT Lens, W3C Web Annotation or Hypothesis file. Nothing was imported.');

  // The message follows a switch of language, rather than staying in English until the next import.
  await options.getByTestId('language-select').selectOption('es');
  await expect(form.getByTestId('import-message')).toContainText('No se puede importar other.json');
  await expect(form.getByTestId('import-message')).not.toContainText('cannot be imported');
  await options.screenshot({ path: 'test-results/screenshots/chromium-options-import-refused-es.png', fullPage: true });
  await options.getByTestId('language-select').selectOption('auto');
  await expect(form.getByTestId('import-message')).toContainText('other.json cannot be imported');

  // The same file chosen again (fixed on disk, or after Cancel) is read anew and previewed again.
  const again = { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) };
  await form.getByLabel('File to import').setInputFiles(again);
  await expect(form.getByTestId('import-invalid')).toContainText('Record 3');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form.getByTestId('import-preview')).toHaveCount(0);
  await form.getByLabel('File to import').setInputFiles(again);
  await expect(form.getByTestId('import-invalid')).toContainText('Record 3');
});

test('an export that matches nothing downloads nothing and says so; a Hypothesis file imports with its replies kept', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const form = options.getByTestId('export-form');
  let downloads = 0;
  options.on('download', () => (downloads += 1));
  await form.getByRole('button', { name: 'Export' }).click();
  await expect(form.getByTestId('export-message')).toContainText('Nothing to export');
  expect(downloads).toBe(0);

  const hypothesis = path.join(ROOT, 'tests/fixtures/hypothesis/client-export.json');
  const importForm = options.getByTestId('import-form');
  await importForm.getByLabel('File to import').setInputFiles(hypothesis);
  await expect(importForm.getByTestId('import-preview')).toContainText('Hypothesis export');
  await expect(importForm.getByTestId('import-kept-replies')).toContainText('1 Hypothesis reply is kept as a note');
  await expect(importForm.getByTestId('import-kept-page-notes')).toContainText('1 Hypothesis page note is kept');
  await importForm.getByRole('button', { name: /^Import/ }).click();
  await expect(importForm.getByTestId('import-message')).toContainText('3 new');
  const out = await exportAs(options, 'hypothesis');
  const file = JSON.parse(out.text);
  expect(file.annotations).toHaveLength(3);
  expect(readImportFile(out.text).annotations).toHaveLength(3);
});

test.describe('sync with a real WebDAV server', () => {
  let server: WebDavServer;
  test.beforeAll(async () => {
    server = await startWebDavServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('two browsers converge through the server from the options page', async ({ context, extensionId }) => {
    const url = `${server.collectionUrl}browser-sync.json`;
    const setUp = async (options: Page) => {
      const form = options.getByTestId('sync-form');
      await form.getByLabel('Address of the sync file').fill(url);
      await form.getByLabel('User name').fill(server.username);
      await form.getByLabel('Password or app token').fill(server.password);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(options.getByTestId('sync-message')).toContainText('Saved');
      await form.getByRole('button', { name: 'Sync now' }).click();
      await expect(options.getByTestId('sync-status')).toContainText(/synced, \d+ received/, { timeout: 30_000 });
    };

    const a = await context.newPage();
    await a.goto(`chrome-extension://${extensionId}/options.html`);
    await importFile(a, FIXTURE, 3);
    // A dataset claim added in browser A travels with the notes.
    // (Saved as layer edits from the extension page: the add-claim form needs an open source page, tested in dataset.chromium.spec.ts.)
    const saved = await a.evaluate(async ([claim, subject]) => {
      const send = (m: unknown) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage(m);
      return [await send({ type: 'layer/save', edit: { kind: 'subject', subject } }), await send({ type: 'layer/save', edit: { kind: 'claim', claim } })];
    }, [userClaim, guardsSubject] as const);
    for (const reply of saved) expect(reply, reply.error).toMatchObject({ ok: true });
    await setUp(a);
    await expect(a.getByTestId('sync-status')).toContainText('Dataset changes: 0 received, 2 sent.');
    const onServer = readImportFile(storedFiles(server)['browser-sync.json'] ?? '');
    expect(onServer.annotations).toHaveLength(3);
    expect(onServer.datasetLayer?.map((c) => c.id).sort()).toEqual(['claim:u-cecot-guards-1200', 'subject:cecot.guards']);
    // The password is stored, never shown back.
    await expect(a.getByTestId('sync-form').getByLabel('Password or app token')).toHaveValue('');
    await expect(a.getByTestId('sync-form').getByLabel('Password or app token')).toHaveAttribute('placeholder', /stored/);
    await a.screenshot({ path: 'test-results/screenshots/chromium-options-sync.png', fullPage: true });

    const second = await launchChromiumWithExtension(path.join(ROOT, '.output/chrome-mv3'));
    try {
      const b = await second.context.newPage();
      await b.goto(`chrome-extension://${await extensionIdOf(second.context)}/options.html`);
      await expect(b.getByTestId('data-stats')).toContainText('0 annotations');
      await setUp(b);
      await expect(b.getByTestId('sync-status')).toContainText('Dataset changes: 2 received, 0 sent.');
      await b.screenshot({ path: 'test-results/screenshots/chromium-options-sync-dataset.png', fullPage: false });
      await b.reload();
      await expect(b.getByTestId('data-stats')).toContainText('3 annotations on 2 pages');
      await b.goto(`chrome-extension://${await extensionIdOf(second.context)}/dataset.html`);
      await b.getByTestId('dataset-status').selectOption('added');
      await expect(b.getByTestId('dataset-claim')).toHaveCount(1);
      await expect(b.getByTestId('dataset-claim')).toContainText(userClaim.statement);
      await b.screenshot({ path: 'test-results/screenshots/chromium-dataset-synced-claim.png', fullPage: false });
    } finally {
      await second.close();
    }
  });
});

test('the export, import and sync forms in Spanish', async ({ context, extensionId }) => {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await sw.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await api.storage.local.get('settings'))['settings'] ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { ...current, language: 'es' } });
  });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const broken = structuredClone(fixture);
  broken.annotations[1].color = 'chartreuse';
  const form = options.getByTestId('import-form');
  await expect(form).toContainText('Importar');
  await form.getByLabel('Archivo para importar').setInputFiles({ name: 'notas.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(form.getByTestId('import-invalid')).toContainText('1 registro de este archivo no se puede importar');
  await expect(form.getByTestId('import-invalid')).toContainText('«color» debe ser uno de: yellow, green, blue, pink, purple');
  await expect(options.getByTestId('sync-form')).toContainText('Dirección del archivo de sincronización');
  const exportForm = options.getByTestId('export-form');
  // Nothing is stored yet: the export says so in Spanish and downloads nothing.
  await exportForm.getByRole('button', { name: 'Exportar' }).click();
  await expect(exportForm.getByTestId('export-message')).toContainText('No hay nada que exportar');
  await options.screenshot({ path: 'test-results/screenshots/chromium-options-data-es.png', fullPage: true });
});

test('the sync form and the dataset pack keep their last message in the language the reader switches to', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const sync = options.getByTestId('sync-form');
  await sync.getByLabel('Address of the sync file').fill('ftp://files.example/notes.json');
  await sync.getByLabel('User name').fill('reader');
  await sync.getByLabel('Password or app token').fill('secret');
  await sync.getByRole('button', { name: 'Save' }).click();
  await expect(sync.getByTestId('sync-message')).toContainText('must start with https://');

  const dataset = await context.newPage();
  await dataset.goto(`chrome-extension://${extensionId}/dataset.html`);
  await dataset.getByTestId('pack-file').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"claims": [') });
  await expect(dataset.getByTestId('pack-message')).toContainText('cut.json');
  await expect(dataset.getByTestId('pack-message')).toContainText('Nothing was imported');

  // Both pages follow the switch made on the options page, without a new action.
  await options.getByTestId('language-select').selectOption('es');
  await expect(sync.getByTestId('sync-message')).toContainText('debe empezar con https://');
  await expect(dataset.getByTestId('pack-message')).toContainText('No se importó nada');
  await options.screenshot({ path: 'test-results/screenshots/chromium-options-sync-message-es.png', fullPage: true });
  await dataset.getByTestId('pack-section').screenshot({ path: 'test-results/screenshots/chromium-dataset-pack-message-es.png' });
});
