import { test, expect } from './chromium-fixtures';
import { highlightCounts, tabIdOf } from './helpers';

test('popup shows the tab verdict and counts, and pausing a site clears its highlights', async ({ context, baseURL, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/cecot-report.html`);
  await expect.poll(() => highlightCounts(page)).toHaveProperty('cecot-lens-agrees');
  const tabId = await tabIdOf(context, page.url());

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 320, height: 300 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  const status = popup.getByTestId('popup-status');
  await expect(status).toContainText('About CECOT');
  await expect(status).toContainText(/1 conflict(?!s)/);
  await popup.screenshot({ path: 'test-results/screenshots/chromium-popup.png' });

  await popup.getByTestId('pause-toggle').click();
  await expect(status).toContainText('Paused on 127.0.0.1');
  await expect.poll(() => highlightCounts(page)).toEqual({});
  await page.reload();
  await page.waitForTimeout(1500);
  expect(await highlightCounts(page)).toEqual({});

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('disabled-sites')).toContainText('127.0.0.1');
  await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
  await expect(options.getByTestId('disabled-sites')).toHaveCount(0);
  await page.reload();
  await expect.poll(() => highlightCounts(page)).toHaveProperty('cecot-lens-agrees');
});

test('options page: a site is validated before it is added', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByPlaceholder('example.com').fill('not a site!');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByRole('alert')).toContainText('host name');
  await options.getByPlaceholder('example.com').fill('https://News.Example.org/some/article');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByTestId('disabled-sites')).toContainText('news.example.org');
  await options.screenshot({ path: 'test-results/screenshots/chromium-options-settings.png', fullPage: true });
});
