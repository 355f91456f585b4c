import { test, expect } from './chromium-fixtures';
import { highlightTexts, openWithSidebar, textBox } from './helpers';

test('typed slots: a swapped payer, a wrong legal basis and a wrong full name are conflicts naming both values; time out of the cell, a disputed link and a count of people harmed are explained, in English and Spanish', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/typed-slots.html', 'cecot-lens-conflicts');

  const conflicts = await highlightTexts(page, 'cecot-lens-conflicts');
  expect(conflicts).toEqual(expect.arrayContaining(['El Salvador paid the United States $6 million', 'under the Insurrection Act']));
  expect(await highlightTexts(page, 'cecot-lens-agrees')).toEqual(expect.arrayContaining(['238 Venezuelan and 23 Salvadoran detainees']));

  const money = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'paid the United States' });
  await expect(money).toContainText('The page has El Salvador paying the United States; in the dataset’s source it is the United States that pays El Salvador');
  const law = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'Insurrection Act' });
  await expect(law.locator('[data-testid="claim-part"][data-kind="law"]')).toContainText('the dataset’s source gives the Alien Enemies Act');
  // A full name written beside the short one is compared with the article's.
  const name = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'Detention Center Against Terrorism' });
  await expect(name).toContainText('The page gives “Detention Center Against Terrorism” as the');
  await expect(name).toContainText('Terrorism Confinement Center');
  await name.scrollIntoViewIfNeeded();
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-typed-name.png' });
  // Time out of the cell is read as the rest of the day confined; a reported denial of an alleged link is related.
  const timeOut = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'leave their cells' });
  await expect(timeOut).toContainText('The page says prisoners leave their cells for 30 minutes a day, so they are confined 23.5 hours a day; the dataset’s source says they are confined nearly 24 hours a day.');
  const disputed = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'Court filings allege' });
  await expect(disputed).toHaveAttribute('data-relation', 'related');
  await expect(disputed).toContainText('The page reports that some dispute the alleged link to Tren de Aragua');
  await timeOut.scrollIntoViewIfNeeded();
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-typed-time-out.png' });
  // A count of people harmed is not the count of documented cases: related, and said so.
  const harmed = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'were beaten' });
  await expect(harmed).toHaveAttribute('data-relation', 'related');
  await expect(harmed).toContainText('The page counts at least 40 people who were harmed (beaten, tortured or killed)');
  await harmed.scrollIntoViewIfNeeded();
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-typed-harmed.png' });
  await sidebar.evaluate(() => window.scrollTo(0, 0));
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-typed-slots.png' });

  const box = await textBox(page, '#m1', 'paid the United States');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/chromium-hover-typed-money.png' });

  await sidebar.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { language: 'es' } }));
  await expect(sidebar.getByTestId('sidebar-claim').filter({ hasText: 'paid the United States' })).toContainText('Según la página, El Salvador le paga a Estados Unidos');
  await expect(sidebar.getByTestId('sidebar-claim').filter({ hasText: 'Insurrection Act' })).toContainText('Base legal');
  const nombre = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'Detention Center Against Terrorism' });
  await expect(nombre).toContainText('La página da «Detention Center Against Terrorism» como');
  await nombre.scrollIntoViewIfNeeded();
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-typed-name-es.png' });
  const fuera = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'leave their cells' });
  await expect(fuera).toContainText('La página dice que los presos salen de sus celdas 30 minutos al día, así que pasan encerrados 23,5 horas al día; la fuente del conjunto de datos dice que pasan encerrados casi 24 horas al día.');
  await expect(sidebar.getByTestId('sidebar-claim').filter({ hasText: 'Court filings allege' })).toContainText('La página recoge que hay quien niega');
  await fuera.scrollIntoViewIfNeeded();
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-typed-time-out-es.png' });
  const danos = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'were beaten' });
  await expect(danos).toContainText('La página cuenta al menos 40 personas que sufrieron daños');
  await danos.scrollIntoViewIfNeeded();
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-typed-harmed-es.png' });
  await sidebar.evaluate(() => window.scrollTo(0, 0));
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-typed-slots-es.png' });
  const lawBox = await textBox(page, '#m2', 'under the Insurrection Act');
  // Away from the card still open over the first line.
  await page.mouse.move(10, 10);
  await page.waitForTimeout(300);
  await page.mouse.move(lawBox.x + lawBox.width - 8, lawBox.y + lawBox.height / 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/chromium-hover-typed-law-es.png' });
});
