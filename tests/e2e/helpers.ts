import type { BrowserContext, Frame, Page, Worker } from '@playwright/test';

/** Our highlight names and how many ranges each holds, read from the page's highlight registry. */
export async function highlightCounts(page: Page | Frame): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, h] of CSS.highlights) if (name.startsWith('cecot-lens-') && h.size > 0) out[name] = h.size;
    return out;
  });
}

/** The text each of our highlights covers. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), name);
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
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
export async function selectText(page: Page, selector: string, text: string): Promise<{ x: number; y: number; right: number; bottom: number }> {
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
        const last = rects[rects.length - 1]!;
        return { x: last.left, y: last.top, right: last.right, bottom: last.bottom };
      }
      throw new Error(`text not found: ${t}`);
    },
    [selector, text] as const,
  );
}
