import type { BrowserContext, Frame, Locator, Page, Worker } from '@playwright/test';

/**
 * The page sees our highlights under random names (one set per page session);
 * the session keeps the mapping in its own content-script world, which the page
 * cannot read and `scripting.executeScript` (from the extension) can.
 */
async function sessionNames(page: Page): Promise<Record<string, string>> {
  const context = page.context();
  const sw = await serviceWorker(context);
  const tabId = await tabIdOf(context, page.url()).catch(() => undefined);
  if (tabId === undefined) return {};
  return sw.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> } } }).chrome;
    const [first] = await api.scripting.executeScript({
      target: { tabId: id, frameIds: [0] },
      func: () => (globalThis as { __cecotLensHighlightNames?: Record<string, string> }).__cecotLensHighlightNames ?? {},
    });
    return (first?.result ?? {}) as Record<string, string>;
  }, tabId);
}

/** Our highlights by readable name (`cecot-lens-agrees`, `cecot-lens-note-yellow`…) and how many ranges each holds. */
export async function highlightCounts(target: Page | Frame): Promise<Record<string, number>> {
  const page = 'page' in target ? target.page() : target;
  const names = await sessionNames(page);
  return page.evaluate((byKind) => {
    const out: Record<string, number> = {};
    for (const [kind, name] of Object.entries(byKind)) {
      const size = CSS.highlights.get(name)?.size ?? 0;
      if (size > 0) out[`cecot-lens-${kind}`] = size;
    }
    return out;
  }, names);
}

/** The text each of our highlights covers; `name` is the readable name, e.g. `cecot-lens-agrees`. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  const names = await sessionNames(page);
  const real = names[name.replace(/^cecot-lens-/, '')] ?? '(none)';
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), real);
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Switches on our steps on pages' performance timelines (platform/content/timeline.ts), for tests that
 * read them: off by default, so that a page cannot see the extension there. Pages loaded after this see it.
 */
export async function showTimeline(context: BrowserContext): Promise<void> {
  const sw = await serviceWorker(context);
  await sw.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ diagnosticTimeline: true });
  });
}

/** The browser's id of the tab showing `url`. */
export async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const sw = await serviceWorker(context);
  const id = await sw.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Selects the first occurrence of `text` inside the element matching `selector`. */
export async function selectText(
  page: Page,
  selector: string,
  text: string,
): Promise<{ x: number; y: number; right: number; bottom: number; x1: number; y1: number; x2: number; y2: number }> {
  return page.evaluate(
    ([sel, t]) => {
      const el = document.querySelector(sel)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(t);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + t.length);
        const sel2 = getSelection()!;
        sel2.removeAllRanges();
        sel2.addRange(range);
        const rects = range.getClientRects();
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return {
          x: last.left,
          y: last.top,
          right: last.right,
          bottom: last.bottom,
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      throw new Error(`text not found: ${t}`);
    },
    [selector, text] as const,
  );
}

/**
 * Opens `path` on the test server, waits until the extension has painted the
 * highlight `waitFor`, and opens the sidebar page for that tab beside it.
 */
export async function openWithSidebar(
  context: BrowserContext,
  baseURL: string,
  extensionId: string,
  path: string,
  waitFor = 'cecot-lens-agrees',
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; sidebar: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(`${baseURL}${path}`);
  await expectEventually(async () => (await highlightCounts(page))[waitFor] !== undefined, `highlight ${waitFor} on ${path}`);
  const tabId = await tabIdOf(context, page.url());
  const sidebar = await context.newPage();
  await sidebar.emulateMedia({ colorScheme });
  await sidebar.setViewportSize({ width: 400, height: 900 });
  await sidebar.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return { page, sidebar, tabId };
}

async function expectEventually(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Run inside an extension page (Playwright or puppeteer): how many claims the extension's IndexedDB holds. */
export function countStoredClaims(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('cecot-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const count = open.result.transaction('claims').objectStore('claims').count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    };
  });
}

/**
 * Selects `text` in `selector` and presses the "Annotate" button drawn beside
 * the selection. The button lives in our closed shadow root, so it is clicked
 * by position; it appears after the browser's (asynchronous) selectionchange,
 * so the selection is made again and the click retried until the editor shows.
 */
export async function annotateByButton(page: Page, selector: string, text: string, editor: Locator): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.bringToFront();
    const box = await selectText(page, selector, text);
    await page.waitForTimeout(150 * (attempt + 1));
    await page.mouse.click(Math.max(8, box.right - 40) + 15, box.bottom + 8 + 10);
    try {
      await editor.waitFor({ state: 'visible', timeout: 2_000 });
      return;
    } catch {
      // The button was not there yet: select again and retry.
    }
  }
  throw new Error(`the Annotate button did not open the editor for "${text}"`);
}

/** Selects `text` by dragging the mouse across it, as a reader does (so mouseup fires). */
export async function dragSelect(page: Page, selector: string, text: string): Promise<{ right: number; bottom: number }> {
  const rect = await selectText(page, selector, text);
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await page.mouse.move(rect.x1, rect.y1);
  await page.mouse.down();
  await page.mouse.move(rect.x2, rect.y2, { steps: 8 });
  await page.mouse.up();
  return rect;
}

/**
 * Where a piece of text sits in the page (its first line box), for pointing at it: only the parts
 * of a sentence that claim something are highlighted, so a test must hover those words.
 */
export async function textBox(page: Page, selector: string, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const b = range.getClientRects()[0]!;
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
      return null;
    },
    { selector, text },
  );
  if (!box) throw new Error(`no "${text}" in ${selector}`);
  return box;
}
