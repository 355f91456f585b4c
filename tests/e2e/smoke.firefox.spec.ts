// Firefox leg: @playwright/test is only the runner; puppeteer-core drives Debian's firefox-esr over WebDriver BiDi
// (Playwright's own Firefox driver does not speak to Firefox ESR).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { useFirefox, openExtensionPage, waitFor } from './firefox-fixtures';
import { ROOT } from './paths';
import { countStoredClaims } from './helpers';

const seedClaims = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/claims.json'), 'utf8')).claims.length as number;

const firefox = useFirefox();

test('firefox: the options page shows the claim count read back from IndexedDB', async () => {
  const page = await openExtensionPage(firefox.browser, 'options.html', '[data-testid="claim-count"]');
  expect(await page.$eval('[data-testid="claim-count"]', (e) => e.textContent)).toBe(String(seedClaims));
  const stored = await page.evaluate(countStoredClaims);
  expect(stored).toBe(seedClaims);
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/firefox-options.png', fullPage: true });
  await page.close();
});

test('firefox: the library page is answered (an extension page, not a content script) and lists the notes', async () => {
  const page = await openExtensionPage(firefox.browser, 'library.html', '[data-testid="library-list"]');
  // Polled from here: puppeteer's waitForFunction builds its check with Function(), which the extension page's CSP blocks.
  const count = await waitFor(() => page.evaluate(() => document.querySelector('[data-testid="library-count"]')?.textContent ?? ''), (t) => /^\d+ notes?$/.test(t));
  expect(count).toMatch(/^\d+ notes?$/);
  expect(await page.$('[role="alert"]')).toBeNull();
  await page.screenshot({ path: 'test-results/screenshots/firefox-library.png' });
  await page.close();
});
