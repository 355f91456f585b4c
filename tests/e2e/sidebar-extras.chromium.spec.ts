import { test, expect } from './chromium-fixtures';
import { annotateByButton, dragSelect, highlightCounts, highlightTexts, openWithSidebar, selectText, tabIdOf, textBox } from './helpers';
import { OverlayProbe } from './overlay-cdp';

test('hovering a highlight shows a card, in a shadow root the page cannot open, that never covers the claim', async ({ context, baseURL }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/cecot-report.html`);
  await expect.poll(() => highlightCounts(page)).toHaveProperty('cecot-lens-conflicts');
  // The wrong year is its own highlight inside the sentence: hover it. (The year alone: a longer stretch
  // may wrap, and the middle of a two-line box is the gap between the lines.)
  const box = await textBox(page, '#p3', '1789');
  // Where the card will sit: just above the hovered line or, where there is no room for it there, just below.
  // Until then, both points are the article's text.
  const beside = [
    { x: box.x + 10, y: box.y - 30 },
    { x: box.x + 10, y: box.y + box.height + 30 },
  ];
  const hitTag = (p: { x: number; y: number }) => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName ?? null, p);
  const cardBeside = async () => (await Promise.all(beside.map(hitTag))).includes('CECOT-LENS-OVERLAY');
  expect(await cardBeside()).toBe(false);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // The card is inside our closed shadow root, so the page sees only its host element there.
  await expect.poll(cardBeside).toBe(true);
  expect(await page.evaluate(() => document.querySelector('cecot-lens-overlay')!.shadowRoot)).toBeNull();
  // The hovered claim stays visible: its start, middle and end are the page's text, not our card.
  const claimPoints = [0.1, 0.5, 0.9].map((f) => ({ x: box.x + box.width * f, y: box.y + box.height / 2 }));
  for (const p of claimPoints) expect(await hitTag(p)).not.toBe('CECOT-LENS-OVERLAY');
  await page.screenshot({ path: 'test-results/screenshots/chromium-hover-card.png' });
  // Moving away hides it.
  await page.mouse.move(box.x + 120, 5);
  await expect.poll(cardBeside).toBe(false);
});

test('the card is reachable by the pointer (grace area), follows scroll and goes when its claim scrolls away; so does the Annotate button', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html', 'cecot-lens-conflicts');
  await page.setViewportSize({ width: 1000, height: 420 });
  await page.bringToFront();
  const probe = await OverlayProbe.attach(page);
  await page.locator('#p3').scrollIntoViewIfNeeded();
  // The Act's wrong year is a highlighted part of the sentence: point at it.
  const box = await textBox(page, '#p3', '1789');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y);
  await expect.poll(() => probe.visible('.card')).toBe(true);
  // Travel to the card's "Show in sidebar" link, across other text, in small steps: the card stays.
  const link = (await probe.box('.card .link'))!;
  await page.mouse.move(link.x + link.width / 2, link.y + link.height / 2, { steps: 12 });
  await page.waitForTimeout(500);
  expect(await probe.visible('.card')).toBe(true);
  await page.mouse.click(link.x + link.width / 2, link.y + link.height / 2);
  const conflict = sidebar.locator('[data-testid="sidebar-claim"][data-relation="conflicts"]');
  await expect.poll(() => sidebar.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.relation)).toBe('conflicts');
  await expect(conflict).toContainText('238');

  // Scrolling moves the card with its claim, and a claim scrolled out of view takes its card away.
  // (A taller window, so that the card, two parts high, has room above its claim before and after the scroll
  // rather than changing sides or being pinned to an edge of the window.)
  await page.setViewportSize({ width: 1000, height: 1100 });
  // Room above and below the article (layout only, no text), so that the claim can be centred and the page
  // scrolled the whole 40 px from there.
  await page.evaluate(() => {
    document.body.style.paddingTop = '600px';
    document.body.style.paddingBottom = '1200px';
  });
  await page.evaluate(() => document.querySelector('#p3')!.scrollIntoView({ block: 'center' }));
  const centred = await textBox(page, '#p3', '1789');
  await page.mouse.move(centred.x + centred.width / 2, centred.y + centred.height / 2);
  await expect.poll(() => probe.visible('.card')).toBe(true);
  const before = (await probe.box('.card'))!;
  await page.evaluate(() => window.scrollBy(0, 40));
  // Where the card sits beside its claim (above it or, with no room there, below) is kept: both move together
  // (by what the page could still scroll, which near its end is less than asked).
  const moved = await textBox(page, '#p3', '1789');
  expect(centred.y - moved.y, 'the page scrolled, so the card had to move').toBeGreaterThan(10);
  await expect.poll(async () => Math.round((await probe.box('.card'))!.y - moved.y)).toBe(Math.round(before.y - centred.y));
  // Back to the short window and the page's own layout, where the page scrolls far enough for the claim to leave it.
  await page.evaluate(() => {
    document.body.style.paddingTop = '';
    document.body.style.paddingBottom = '';
  });
  await page.setViewportSize({ width: 1000, height: 420 });
  await page.evaluate(() => window.scrollBy(0, 2_000));
  await expect.poll(() => probe.visible('.card')).toBe(false);

  // The Annotate button: follows the selection, hides while it is off screen, comes back with it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await selectText(page, '#p2', '$6 million');
  await expect.poll(() => probe.visible('.annotate')).toBe(true);
  const button = (await probe.box('.annotate'))!;
  await page.evaluate(() => window.scrollBy(0, 30));
  await expect.poll(async () => Math.round((await probe.box('.annotate'))?.y ?? -1)).toBe(Math.round(button.y - 30));
  await page.evaluate(() => window.scrollBy(0, 2_000));
  await expect.poll(() => probe.visible('.annotate')).toBe(false);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(() => probe.visible('.annotate')).toBe(true);
  await probe.detach();
});

test('one article under several URLs shares its notes; edit and delete (kept as a tombstone)', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html?utm_source=newsletter&fbclid=abc');
  const editor = sidebar.getByTestId('annotation-editor');
  await annotateByButton(page, '#p2', '$6 million', editor);
  // The selection overlaps a matched claim: the payment claim is offered first.
  const suggested = editor.getByRole('group', { name: 'Matched on this page' }).getByRole('checkbox');
  // The sum and what it pays for are both matched; the payment claim is offered first.
  await expect(suggested).toHaveCount(2);
  await expect(suggested.first()).toHaveAccessibleName(/United States pays El Salvador \$6 million/);
  await suggested.first().check();
  // A second claim, found by searching in Spanish while the interface is in English.
  await editor.getByRole('searchbox', { name: 'Search dataset claims to link' }).fill('capacidad 40.000');
  await editor.getByRole('group', { name: 'All dataset claims' }).getByRole('checkbox').first().check();
  await expect(editor.getByTestId('picker-chosen').locator('li')).toHaveCount(2);
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-editor-claim-picker.png' });
  await editor.getByLabel('Note').fill('Amount matches both articles');
  await editor.getByRole('radio', { name: 'green' }).check({ force: true });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(sidebar.getByTestId('sidebar-annotation')).toContainText('Linked: Under the agreement');
  await expect(sidebar.getByTestId('sidebar-annotation')).toContainText('Linked: CECOT can hold up to 40,000');

  // The same article without tracking parameters shows the note.
  const clean = await context.newPage();
  await clean.goto(`${baseURL}/cecot-report.html`);
  await expect.poll(() => highlightTexts(clean, 'cecot-lens-note-green')).toEqual(['$6 million']);
  // A green note on a green "agrees" claim: the note's line above the text tells them apart.
  await clean.locator('#p2').screenshot({ path: 'test-results/screenshots/chromium-green-note-on-agrees-claim.png', scale: 'device' });

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
