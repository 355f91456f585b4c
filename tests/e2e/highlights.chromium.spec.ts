import { test, expect } from './chromium-fixtures';
import { highlightCounts } from './helpers';

test('an on-topic page gets claim highlights coloured by relation, without DOM changes', async ({ context, baseURL }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/cecot-report.html`);
  const before = await page.evaluate(() => document.querySelector('article')!.innerHTML);
  await expect.poll(() => highlightCounts(page), { timeout: 15_000 }).toMatchObject({ 'cecot-lens-agrees': expect.any(Number) });
  const counts = await highlightCounts(page);
  console.log(counts);
  expect(counts['cecot-lens-agrees']).toBeGreaterThanOrEqual(2);
  expect(counts['cecot-lens-conflicts']).toBeGreaterThanOrEqual(1);
  // Highlights are painted, not wrapped: the article's markup is untouched.
  expect(await page.evaluate(() => document.querySelector('article')!.innerHTML)).toBe(before);
  await page.screenshot({ path: 'test-results/screenshots/chromium-highlights.png' });
});

test('an off-topic page gets nothing', async ({ context, baseURL }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/off-topic.html`);
  await page.waitForTimeout(1500);
  expect(await highlightCounts(page)).toEqual({});
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await page.locator('cecot-lens-overlay').count()).toBe(0);
});
