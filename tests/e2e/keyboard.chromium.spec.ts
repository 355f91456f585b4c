import { test, expect } from './chromium-fixtures';
import { highlightTexts, openWithSidebar } from './helpers';
import { OverlayProbe } from './overlay-cdp';
import type { Page } from '@playwright/test';

/**
 * Puts the caret before `text` in `selector` and extends the selection a character at a time, as Shift+→ does
 * with caret browsing on (F7); headless Chromium has no caret browsing, so the same Selection.modify call is made directly.
 */
async function keyboardSelect(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([sel, t]) => {
      const el = document.querySelector(sel)!;
      const node = [...el.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(t)) as Text;
      const s = getSelection()!;
      s.collapse(node, node.data.indexOf(t));
      for (let i = 0; i < t.length; i++) s.modify('extend', 'forward', 'character');
    },
    [selector, text] as const,
  );
  await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe(text);
}

/** One Tab from the selection reaches its Annotate button (not the page's next link). */
async function tabToAnnotate(page: Page, probe: OverlayProbe): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await probe.focusedInOverlay('.annotate')).toBe(true);
}

test('the whole annotate flow by keyboard: Enter and Space on Annotate, focus in the note, Escape cancels, Tab stays in the editor, focus back on the text after Save', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html');
  await page.bringToFront();
  const probe = await OverlayProbe.attach(page);
  const editor = sidebar.getByTestId('annotation-editor');

  await keyboardSelect(page, '#p7', 'streets were quiet');
  await expect.poll(() => probe.visible('.annotate')).toBe(true);
  await tabToAnnotate(page, probe);
  // Tabbing to the button keeps the reader's selection.
  expect(await page.evaluate(() => getSelection()!.toString())).toBe('streets were quiet');
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Note')).toBeFocused();
  await sidebar.keyboard.type('first try');
  // Escape cancels: no editor, nothing saved, and the selection is given back.
  await sidebar.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(sidebar.getByTestId('sidebar-annotation')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe('streets were quiet');

  // Space works as well as Enter.
  await tabToAnnotate(page, probe);
  await page.keyboard.press('Space');
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Note')).toBeFocused();
  await sidebar.keyboard.type('Typed without a mouse');
  // Tab cycles inside the editor: forwards past the last control, backwards past the first.
  for (let i = 0; i < 14; i++) {
    await sidebar.keyboard.press('Tab');
    expect(await sidebar.evaluate(() => !!document.activeElement?.closest('[data-testid="annotation-editor"]'))).toBe(true);
  }
  await editor.getByLabel('Note').focus();
  await sidebar.keyboard.press('Shift+Tab');
  await expect(editor.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await sidebar.keyboard.press('Shift+Tab');
  await expect(editor.getByRole('button', { name: 'Save' })).toBeFocused();
  await sidebar.keyboard.press('Enter');
  await expect(sidebar.getByTestId('sidebar-annotation')).toContainText('Typed without a mouse');
  await expect.poll(() => highlightTexts(page, 'cecot-lens-note-yellow')).toEqual(['streets were quiet']);
  // The page: selection cleared, focus on the annotated paragraph (not the top of the page), the button gone.
  await expect.poll(() => page.evaluate(() => ({ collapsed: getSelection()!.isCollapsed, focus: document.activeElement?.id }))).toEqual({ collapsed: true, focus: 'p7' });
  await expect.poll(() => probe.visible('.annotate')).toBe(false);
  // In the sidebar, focus is on the notes tab rather than lost.
  await expect(sidebar.getByRole('tab', { name: /Your notes/ })).toBeFocused();
  // Editing an existing note: Escape gives focus back to the Edit button that opened the editor.
  const edit = sidebar.getByTestId('sidebar-annotation').getByRole('button', { name: 'Edit' });
  await edit.focus();
  await sidebar.keyboard.press('Enter');
  await expect(editor.getByLabel('Note')).toBeFocused();
  await sidebar.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(edit).toBeFocused();
  await probe.detach();
});

test('claims reachable without a mouse: Alt+Shift+J/K on the page, announced, with focus following in the sidebar', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html', 'cecot-lens-conflicts');
  const claims = sidebar.getByTestId('sidebar-claim');
  await expect(claims.first()).toBeVisible();
  const total = await claims.count();
  // The sidebar announces the number of claims in a live region.
  await expect(sidebar.getByRole('status').filter({ hasText: 'claims highlighted' })).toHaveText(`${total} claims highlighted on this page.`);
  await page.bringToFront();
  const probe = await OverlayProbe.attach(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('Alt+Shift+J');
  await expect.poll(() => probe.text('.live')).toMatch(new RegExp(`^Claim 1 of ${total}: `));
  expect(await probe.visible('.card')).toBe(true);
  // The page's keys walk the claims in page order; the sidebar lists them grouped (conflicts first).
  const sidebarKeys = await claims.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));
  const pageOrder = [...sidebarKeys].sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
  const firstKey = pageOrder[0]!;
  const claimText = async (key: string) => (await sidebar.locator(`[data-testid="sidebar-claim"][data-key="${key}"] .page-text`).textContent())!;
  await expect.poll(() => sidebar.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe(firstKey);
  const firstText = await claimText(firstKey);
  await expect.poll(() => highlightTexts(page, 'cecot-lens-focus')).toEqual([firstText]);

  await page.keyboard.press('Alt+Shift+J');
  await expect.poll(() => probe.text('.live')).toMatch(new RegExp(`^Claim 2 of ${total}: `));
  await expect.poll(() => sidebar.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe(pageOrder[1]);
  await page.keyboard.press('Alt+Shift+K');
  await expect.poll(() => probe.text('.live')).toMatch(new RegExp(`^Claim 1 of ${total}: `));
  // Backwards from the first wraps to the last.
  await page.keyboard.press('Alt+Shift+K');
  await expect.poll(() => probe.text('.live')).toMatch(new RegExp(`^Claim ${total} of ${total}: `));
  // Escape closes the card the keys brought.
  await page.keyboard.press('Escape');
  await expect.poll(() => probe.visible('.card')).toBe(false);

  // The same keys in the sidebar walk its own list, in its order, and scroll the page along.
  await claims.first().focus();
  await sidebar.keyboard.press('Alt+Shift+J');
  const secondKey = sidebarKeys[1]!;
  await expect.poll(() => sidebar.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe(secondKey);
  const secondText = await claimText(secondKey);
  await expect.poll(() => highlightTexts(page, 'cecot-lens-focus')).toEqual([secondText]);
  // In a text field the keys are left alone.
  await sidebar.getByRole('searchbox', { name: 'Search claims' }).focus();
  await sidebar.keyboard.press('Alt+Shift+J');
  await expect(sidebar.getByRole('searchbox', { name: 'Search claims' })).toBeFocused();
  await probe.detach();
});

test('prefers-reduced-motion: moving to a claim jumps instead of scrolling smoothly', async ({ context, baseURL, extensionId }) => {
  const { page } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html', 'cecot-lens-conflicts');
  await page.setViewportSize({ width: 900, height: 260 });
  await page.bringToFront();
  const scrollAfter = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Alt+Shift+K'); // the last claim: far down
    const early = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(scrollY)))));
    await page.waitForTimeout(1_200);
    const late = await page.evaluate(() => scrollY);
    await page.keyboard.press('Escape');
    return { early, late };
  };
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const reduced = await scrollAfter();
  expect(reduced.late).toBeGreaterThan(100);
  expect(reduced.early).toBe(reduced.late);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  // Reset the navigation to "before the first claim" by reloading, then the smooth case for comparison.
  await page.reload();
  await expect.poll(() => highlightTexts(page, 'cecot-lens-conflicts')).not.toEqual([]);
  const smooth = await scrollAfter();
  expect(smooth.late).toBe(reduced.late);
  expect(smooth.early).toBeLessThan(smooth.late);
});
