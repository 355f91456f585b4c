import { test, expect } from './chromium-fixtures';
import { annotateByButton, dragSelect, highlightCounts, highlightTexts, openWithSidebar, tabIdOf } from './helpers';

test('hovering a highlight shows a card, in a shadow root the page cannot open', async ({ context, baseURL }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/cecot-report.html`);
  await expect.poll(() => highlightCounts(page)).toHaveProperty('cecot-lens-conflicts');
  // The wrong year is its own highlight inside the sentence: hover it.
  const box = await page.evaluate(() => {
    const p = document.querySelector('#p3')!.firstChild as Text;
    const r = document.createRange();
    const i = p.data.indexOf('Alien Enemies Act of 1789');
    r.setStart(p, i);
    r.setEnd(p, i + 'Alien Enemies Act'.length);
    const b = r.getBoundingClientRect();
    return { x: b.x, y: b.y, height: b.height };
  });
  // Where the card will sit: just below the hovered line. Until then, that point is the article's text.
  const below = { x: box.x + 30, y: box.y + box.height + 40 };
  const hitTag = () => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName ?? null, below);
  expect(await hitTag()).not.toBe('CECOT-LENS-OVERLAY');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  // The card is inside our closed shadow root, so the page sees only its host element there.
  await expect.poll(hitTag).toBe('CECOT-LENS-OVERLAY');
  expect(await page.evaluate(() => document.querySelector('cecot-lens-overlay')!.shadowRoot)).toBeNull();
  await page.screenshot({ path: 'test-results/screenshots/chromium-hover-card.png' });
  // Moving away hides it.
  await page.mouse.move(box.x + 120, 5);
  await expect.poll(hitTag).not.toBe('CECOT-LENS-OVERLAY');
});

test('one article under several URLs shares its notes; edit and delete (kept as a tombstone)', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html?utm_source=newsletter&fbclid=abc');
  const editor = sidebar.getByTestId('annotation-editor');
  await annotateByButton(page, '#p2', '$6 million', editor);
  // The selection overlaps a matched claim: the payment claim is offered first.
  await expect(editor.getByLabel('Linked dataset claim').locator('optgroup[label="Matched on this page"] option')).toHaveCount(1);
  await editor.getByLabel('Linked dataset claim').selectOption({ index: 1 });
  await editor.getByLabel('Note').fill('Amount matches both articles');
  await editor.getByRole('radio', { name: 'green' }).check({ force: true });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(sidebar.getByTestId('sidebar-annotation')).toContainText('Linked: Under the agreement');

  // The same article without tracking parameters shows the note.
  const clean = await context.newPage();
  await clean.goto(`${baseURL}/cecot-report.html`);
  await expect.poll(() => highlightTexts(clean, 'cecot-lens-note-green')).toEqual(['$6 million']);

  // Edit.
  await sidebar.getByRole('button', { name: 'Edit' }).click();
  await sidebar.getByTestId('annotation-editor').getByLabel('Note').fill('Edited note');
  await sidebar.getByTestId('annotation-editor').getByRole('button', { name: 'Save' }).click();
  await expect(sidebar.getByTestId('sidebar-annotation')).toContainText('Edited note');

  // Delete: confirmed, gone from the page and the list, kept in the database as a tombstone.
  sidebar.once('dialog', (d) => void d.accept());
  await sidebar.getByRole('button', { name: 'Delete' }).click();
  await expect(sidebar.getByTestId('sidebar-annotation')).toHaveCount(0);
  await expect.poll(() => highlightCounts(page)).not.toHaveProperty('cecot-lens-note-green');
  const stored = await sidebar.evaluate(
    () =>
      new Promise<{ deletedAt: string | null; revision: number }[]>((resolve) => {
        const open = indexedDB.open('cecot-lens');
        open.onsuccess = () => {
          const all = open.result.transaction('annotations').objectStore('annotations').getAll();
          all.onsuccess = () => resolve(all.result);
        };
      }),
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]!.deletedAt).not.toBeNull();
  expect(stored[0]!.revision).toBe(3);
});

test('the sidebar in dark mode', async ({ context, baseURL, extensionId }) => {
  const { sidebar } = await openWithSidebar(context, baseURL, extensionId, '/megacarcel-es.html', 'cecot-lens-conflicts', 'dark');
  await expect(sidebar.getByTestId('sidebar-claim').first()).toBeVisible();
  // Spanish page, English dataset: the conflict names both numbers.
  await expect(sidebar.getByTestId('sidebar-claim').filter({ hasText: '300' })).toContainText('261');
  const bg = await sidebar.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 21, 21)');
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-dark.png' });
});

test('any page can be annotated: selecting text on an off-topic page brings the Annotate button', async ({ context, baseURL, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/off-topic.html`);
  await page.waitForTimeout(800);
  expect(await page.locator('cecot-lens-overlay').count()).toBe(0);
  const tabId = await tabIdOf(context, page.url());
  const sidebar = await context.newPage();
  await sidebar.setViewportSize({ width: 400, height: 900 });
  await sidebar.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await page.bringToFront();
  const editor = sidebar.getByTestId('annotation-editor');
  let opened = false;
  for (let attempt = 0; attempt < 5 && !opened; attempt++) {
    const box = await dragSelect(page, '#p3', 'a good olive oil');
    await page.waitForTimeout(300 * (attempt + 1));
    await page.mouse.click(Math.max(8, box.right - 40) + 15, box.bottom + 8 + 10);
    opened = await editor.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false);
  }
  expect(opened).toBe(true);
  await editor.getByLabel('Note').fill('Not about CECOT, but worth a note');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => highlightTexts(page, 'cecot-lens-note-yellow')).toEqual(['a good olive oil']);
  // Still no claim highlights: the page is off topic.
  expect(Object.keys(await highlightCounts(page)).filter((k) => !k.includes('note'))).toEqual([]);
});

test('the sidebar is usable by keyboard', async ({ context, baseURL, extensionId }) => {
  const { sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html', 'cecot-lens-conflicts');
  const claimsTab = sidebar.getByRole('tab', { name: /Claims/ });
  await claimsTab.focus();
  await sidebar.keyboard.press('ArrowRight');
  await expect(sidebar.getByRole('tab', { name: /Your notes/ })).toBeFocused();
  await expect(sidebar.getByRole('tab', { name: /Your notes/ })).toHaveAttribute('aria-selected', 'true');
  await sidebar.keyboard.press('ArrowLeft');
  await expect(claimsTab).toHaveAttribute('aria-selected', 'true');
  // Filters are toggle buttons with their state announced.
  const conflicts = sidebar.getByRole('button', { name: /^Conflicts/ });
  await conflicts.focus();
  await sidebar.keyboard.press('Enter');
  await expect(conflicts).toHaveAttribute('aria-pressed', 'false');
  await expect(sidebar.locator('[data-testid="sidebar-claim"][data-relation="conflicts"]')).toHaveCount(0);
});
