import { test } from './chromium-fixtures';
test('debug', async ({ context, baseURL, extensionId }) => {
  const page = await context.newPage();
  page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
  const [sw] = context.serviceWorkers();
  sw?.on('console', (m) => console.log('SW', m.type(), m.text()));
  await page.goto(`${baseURL}/cecot-report.html`);
  await page.waitForTimeout(4000);
  const r = await sw!.evaluate(async () => {
    // @ts-ignore
    return await chrome.storage.session.get('tabs');
  });
  console.log(JSON.stringify(r).slice(0, 3000));
});
