import { test, expect } from './chromium-fixtures';
import { highlightTexts, openWithSidebar, textBox } from './helpers';

test('a sentence that claims several things gets a highlight and a row per thing; page errors are conflicts', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/claim-parts.html', 'cecot-lens-conflicts');

  // "Noem, who toured the prison …, said 238 Venezuelans …": the visit agrees, the count is a narrower group.
  await expect.poll(() => highlightTexts(page, 'cecot-lens-agrees')).toEqual(expect.arrayContaining(['Noem, who toured the prison']));
  expect(await highlightTexts(page, 'cecot-lens-related')).toEqual(expect.arrayContaining(['238 Venezuelans']));
  // The wrong title and the wrong year are highlighted on their own, as conflicts; the flagged population as a repeated error.
  const conflicts = await highlightTexts(page, 'cecot-lens-conflicts');
  expect(conflicts).toEqual(expect.arrayContaining(['South Dakota Governor Kristi Noem', 'Secretary of Defense Marco Rubio', 'Alien Enemies Act of 1789']));
  expect(await highlightTexts(page, 'cecot-lens-repeats-error')).toEqual(['10,000-20,000 inmates']);
  // The weather line shares only the topic's own words: nothing to relate it to.
  expect((await highlightTexts(page, 'cecot-lens-related')).some((t) => t.includes('day'))).toBe(false);

  const visit = sidebar.getByTestId('sidebar-claim').filter({ hasText: 'who toured the prison' });
  await expect(visit.getByTestId('claim-part')).toHaveCount(2);
  await expect(visit.locator('[data-testid="claim-part"][data-kind="event"]')).toContainText('Noem');
  await expect(visit.locator('[data-testid="claim-part"][data-kind="count"]')).toContainText('group is narrower');
  await visit.scrollIntoViewIfNeeded();
  await visit.screenshot({ path: 'test-results/screenshots/chromium-sidebar-multi-claim.png' });

  // Conflicts come first, and say both values and the slot.
  const first = sidebar.getByTestId('sidebar-claim').first();
  await expect(first).toHaveAttribute('data-relation', 'conflicts');
  const year = sidebar.getByTestId('sidebar-claim').filter({ hasText: '1789' });
  await expect(year).toContainText('The page gives 1789 as the year of the Alien Enemies Act; the dataset’s source gives 1798.');
  await expect(year).toContainText('medium reliability');
  // A repeated error shows the curator's verdict openly, not in a collapsed note.
  const flagged = sidebar.locator('[data-testid="sidebar-claim"][data-relation="repeats-error"]');
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText('Officials describe the site');
  await expect(flagged.getByTestId('flagged-verdict')).toBeVisible();
  await expect(flagged).toContainText('Repeats a flagged error');
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-page-errors.png' });
  await flagged.scrollIntoViewIfNeeded();
  await flagged.screenshot({ path: 'test-results/screenshots/chromium-sidebar-repeats-error.png' });

  // Hover cards: on the count inside the multi-claim sentence, then on the wrong title.
  const count = await textBox(page, '#q1', '238 Venezuelans');
  await page.mouse.move(count.x + count.width / 2, count.y + count.height / 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/chromium-hover-multi-claim.png' });
  const title = await textBox(page, '#q2', 'South Dakota Governor');
  await page.mouse.move(title.x + 20, title.y + title.height / 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/chromium-hover-page-error.png' });

  // The same sidebar in Spanish.
  await sidebar.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { language: 'es' } }));
  await expect(sidebar.getByTestId('sidebar-claim').filter({ hasText: '1789' })).toContainText('La página da 1789 como año de la Ley de Enemigos Extranjeros; la fuente del conjunto de datos da 1798.');
  await sidebar.evaluate(() => window.scrollTo(0, 0));
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-page-errors-es.png' });
});
