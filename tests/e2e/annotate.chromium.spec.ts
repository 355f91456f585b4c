import { test, expect } from './chromium-fixtures';
import { annotateByButton, highlightCounts, highlightTexts, openWithSidebar, showTimeline } from './helpers';

test('sidebar shows the verdict and each claim beside its dataset claims', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html', 'cecot-lens-conflicts');
  await expect(sidebar.getByTestId('topic-verdict')).toContainText('About CECOT');
  const claims = sidebar.getByTestId('sidebar-claim');
  await expect(claims.first()).toBeVisible();
  const counts = await highlightCounts(page);
  const painted = Object.entries(counts).filter(([n]) => !n.includes('note') && !n.includes('focus')).reduce((s, [, v]) => s + v, 0);
  // One row per sentence; a sentence that claims several things is painted once per thing.
  const parts = await sidebar.getByTestId('claim-part').count();
  const partless = await sidebar.locator('[data-testid="sidebar-claim"][data-parts="0"]').count();
  expect(painted).toBe(parts + partless);
  const conflict = claims.filter({ hasText: '238' });
  await expect(conflict).toContainText('Conflicts');
  await expect(conflict).toContainText('261');
  await expect(conflict.locator('blockquote').first()).not.toBeEmpty();
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar.png' });

  // The curator's notes, including those across the two articles, open under a match.
  const capacity = claims.filter({ hasText: '40,000 inmates' });
  await capacity.locator('details.curator summary').first().click();
  const agreement = capacity.getByTestId('cross-assessment').filter({ hasText: 'The articles agree' });
  await expect(agreement).toContainText('not a count of people held');
  await expect(capacity.getByTestId('cross-assessment').filter({ hasText: 'Inconsistent within an article' })).toContainText('confuses capacity with population');
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-sidebar-curator.png' });
  await capacity.locator('details.curator summary').first().click();

  // Filter by relation, then search.
  await sidebar.getByRole('button', { name: /^Agrees/ }).click();
  await expect(sidebar.locator('[data-testid="sidebar-claim"][data-relation="agrees"]')).toHaveCount(0);
  await expect(sidebar.locator('[data-testid="sidebar-claim"][data-relation="conflicts"]')).toHaveCount(1);
  await sidebar.getByRole('searchbox', { name: 'Search claims' }).fill('venezuelan');
  await expect(claims).toHaveCount(1);

  // "Show on page" scrolls there and flashes the claim.
  await conflict.getByRole('button', { name: /Show on page/ }).click();
  await expect.poll(() => highlightTexts(page, 'cecot-lens-focus')).toEqual([expect.stringContaining('238 Venezuelan')]);
});

test('annotate a selection through the in-page button, reload, edit the text, and see it re-attach or become an orphan', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html');
  await page.bringToFront();

  // Select, then press the "Annotate" button drawn by the selection.
  const editor = sidebar.getByTestId('annotation-editor');
  await annotateByButton(page, '#p7', 'streets were quiet', editor);
  await expect(editor.locator('blockquote')).toHaveText('streets were quiet');
  await editor.getByLabel('Note').fill('Check with the weather service');
  await editor.getByLabel(/Tags/).fill('weather, context');
  await editor.getByLabel('Verdict').selectOption('unverified');
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-editor.png' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(sidebar.getByTestId('sidebar-annotation')).toHaveCount(1);
  await expect(sidebar.getByTestId('sidebar-annotation')).toContainText('Check with the weather service');
  await expect.poll(() => highlightTexts(page, 'cecot-lens-note-yellow')).toEqual(['streets were quiet']);
  // Saved: the selection is gone, so the note's own mark shows.
  await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe('');

  // A later visit: re-attached, from the notes the background handed the session with its key (it asked for none).
  await showTimeline(context);
  await page.reload();
  await expect.poll(() => highlightTexts(page, 'cecot-lens-note-yellow')).toEqual(['streets were quiet']);
  // (A read too slow to go with the key follows it, and may reach the session after it asked: then before the reply.)
  const handedOver = await page.evaluate(() => {
    const notesIn = performance.getEntriesByName('cecot-lens:notes-in')[0];
    const asked = performance.getEntriesByName('cecot-lens:ask:annotations/anchors')[0];
    return notesIn !== undefined && (asked === undefined || notesIn.startTime < asked.startTime + asked.duration);
  });
  expect(handedOver).toBe(true);

  // The page's text changes a little: re-attached by fuzzy matching.
  await page.evaluate(() => {
    document.querySelector('#p7')!.textContent = 'The weather in San Salvador was warm, and the streets were very quiet that afternoon.';
  });
  await expect.poll(() => highlightTexts(page, 'cecot-lens-note-yellow'), { timeout: 10_000 }).toEqual([expect.stringMatching(/streets were (very )?quiet/)]);

  // The passage is rewritten: the note is kept as an orphan, with its quote and note.
  await page.evaluate(() => {
    document.querySelector('#p7')!.textContent = 'Rain fell all day over the capital.';
  });
  await expect.poll(() => highlightCounts(page), { timeout: 10_000 }).not.toHaveProperty('cecot-lens-note-yellow');
  await sidebar.bringToFront();
  await sidebar.getByRole('tab', { name: /Your notes/ }).click();
  const orphans = sidebar.getByTestId('orphans');
  await expect(orphans).toContainText('streets were quiet');
  await expect(orphans).toContainText('Check with the weather service');
  await sidebar.screenshot({ path: 'test-results/screenshots/chromium-orphans.png' });
});

test('single-page-app navigation and late-loading content are analysed as they appear', async ({ context, baseURL }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/spa.html`);
  await page.waitForTimeout(1000);
  expect(await highlightCounts(page)).toEqual({});
  await page.click('#to-story');
  await expect.poll(() => highlightTexts(page, 'cecot-lens-agrees'), { timeout: 10_000 }).toEqual(
    expect.arrayContaining([expect.stringContaining('40,000'), expect.stringContaining('$6 million')]),
  );
  await page.evaluate(() => (window as unknown as { addLate: () => void }).addLate());
  await expect.poll(async () => (await highlightTexts(page, 'cecot-lens-agrees')).join(' | '), { timeout: 10_000 }).toContain('174 cases');
  await page.click('#to-sports');
  await expect.poll(() => highlightCounts(page), { timeout: 10_000 }).toEqual({});
});
