import fs from 'node:fs';
import path from 'node:path';
import { test, expect, ROOT } from './chromium-fixtures';
import { countStoredClaims } from './helpers';

const seedClaims = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/claims.json'), 'utf8')).claims.length as number;
const seedVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/manifest.json'), 'utf8')).version as string;

test('the background loads the dataset into IndexedDB and the options page reads the count back', async ({ context, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('claim-count')).toHaveText(String(seedClaims));
  await expect(page.getByTestId('dataset-version')).toContainText(seedVersion);
  // Ask IndexedDB directly from the extension's origin: the number on screen must be what the database holds.
  const stored = await page.evaluate(countStoredClaims);
  expect(stored).toBe(seedClaims);
  await page.screenshot({ path: 'test-results/screenshots/chromium-options.png', fullPage: true });
});
