import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect, ROOT } from './chromium-fixtures';
import { launchChromiumWithExtension, extensionIdOf } from '../../scripts/shared/chromium';
import { readImportFile } from '../../lib/exchange/import';
import { startWebDavServer, storedFiles, type WebDavServer } from '../webdav/server';

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

test('a malformed import gets a clear error naming the record and field, and writes nothing', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const broken = structuredClone(fixture);
  broken.annotations[2].selectors.quote.exact = 42;
  await options.getByTestId('import-form').getByLabel('File to import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(options.getByTestId('import-message')).toContainText('broken.json');
  await expect(options.getByTestId('import-message')).toContainText('annotations[2]');
  await expect(options.getByTestId('import-message')).toContainText('selectors.quote.exact');
  await expect(options.getByTestId('import-message')).toContainText('Nothing was imported');
  await expect(options.getByTestId('data-stats')).toContainText('0 annotations');
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
      await expect(options.getByTestId('sync-status')).toContainText('Synced', { timeout: 30_000 });
    };

    const a = await context.newPage();
    await a.goto(`chrome-extension://${extensionId}/options.html`);
    await importFile(a, FIXTURE, 3);
    await setUp(a);
    expect(readImportFile(storedFiles(server)['browser-sync.json'] ?? '').annotations).toHaveLength(3);
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
      await b.reload();
      await expect(b.getByTestId('data-stats')).toContainText('3 annotations on 2 pages');
    } finally {
      await second.close();
    }
  });
});
