// Firefox: the in-page keyboard paths (Tab to Annotate, Enter; next claim) and the interface language (puppeteer-core over WebDriver BiDi).
import { test, expect } from '@playwright/test';
import { highlightTexts, useFirefox, openExtensionPage, sessionNames, tabIdOf, waitFor } from './firefox-fixtures';

const firefox = useFirefox({ servePages: true });


test('firefox: Alt+Shift+J reaches a claim, Tab then Enter annotates, and the sidebar speaks Spanish when asked', async () => {
  // The reader picks Spanish in the options.
  const options = await openExtensionPage(firefox.browser, 'options.html', '[data-testid="language-select"]');
  await options.select('[data-testid="language-select"]', 'es');
  await waitFor(() => options.evaluate(() => document.querySelector('h2#dataset-h')?.textContent ?? ''), (t) => t === 'Conjunto de datos curado');
  await options.close();

  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.server.url}/megacarcel-es.html`);
  await waitFor(() => highlightTexts(firefox.browser, page, 'cecot-lens-conflicts'), (t) => t.length > 0);
  const tabId = await tabIdOf(firefox.browser, page.url());
  const sidebar = await openExtensionPage(firefox.browser, `sidepanel.html?tab=${tabId}`, '[data-testid="sidebar-claim"]');
  expect(await sidebar.evaluate(() => document.getElementById('tab-claims')?.textContent ?? '')).toMatch(/^Afirmaciones \(\d+\)$/);
  // The page's keys walk the claims in page order (the sidebar groups them, conflicts first): the first is the one that starts first.
  const first = await sidebar.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="sidebar-claim"]')];
    rows.sort((a, b) => Number(a.dataset.key!.split('-')[0]) - Number(b.dataset.key!.split('-')[0]));
    return rows[0]?.querySelector('.page-text')?.textContent ?? '';
  });

  await page.bringToFront();
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyJ');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
  await waitFor(() => highlightTexts(firefox.browser, page, 'cecot-lens-focus'), (t) => t.length === 1 && t[0] === first);
  // Reading the highlight names goes through an extension page: give the article its focus back.
  await page.bringToFront();

  // Keyboard selection stands in for caret browsing; one Tab reaches the button, Enter opens the editor.
  await page.evaluate(() => {
    const node = document.querySelector('#e5')!.firstChild as Text;
    const s = getSelection()!;
    s.collapse(node, node.data.indexOf('calurosa'));
    for (let i = 0; i < 'calurosa'.length; i++) s.modify('extend', 'forward', 'character');
  });
  await new Promise((r) => setTimeout(r, 300));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await sidebar.bringToFront();
  await sidebar.waitForSelector('[data-testid="annotation-editor"]', { timeout: 10_000 });
  expect(await sidebar.evaluate(() => document.querySelector('#editor-h')?.textContent)).toBe('Nueva anotación');
  expect(await sidebar.evaluate(() => document.querySelector('[data-testid="annotation-editor"] blockquote')?.textContent)).toBe('calurosa');
  await sidebar.screenshot({ path: 'test-results/screenshots/firefox-editor-es.png' });
  await page.close();
  await sidebar.close();
});
