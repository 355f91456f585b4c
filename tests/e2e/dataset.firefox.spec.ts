// Firefox leg of the Dataset page (puppeteer-core over WebDriver BiDi, as in smoke.firefox.spec.ts).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { useFirefox, openExtensionPage } from './firefox-fixtures';
import { ROOT } from './paths';

const seedClaims = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/claims.json'), 'utf8')).claims.length as number;

const firefox = useFirefox();

test('firefox: the Dataset page lists the claims, and a retirement takes effect', async () => {
  const page = await openExtensionPage(firefox.browser, 'dataset.html', '[data-testid="dataset-claim"]');
  const count = () => page.$$eval('[data-testid="dataset-claim"]', (els) => els.length);
  expect(await count()).toBe(seedClaims);
  await page.click('[data-claim-id="c000-capacity-40000"] [data-testid="claim-retire"]');
  await page.waitForSelector('[data-claim-id="c000-capacity-40000"][data-status="retired"]', { timeout: 10_000 });
  await page.close();
  // Read back from IndexedDB by a fresh page: the layer record was stored.
  const again = await openExtensionPage(firefox.browser, 'dataset.html', '[data-claim-id="c000-capacity-40000"][data-status="retired"]');
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await again.screenshot({ path: 'test-results/screenshots/firefox-dataset-page.png' });
  await again.close();
});
