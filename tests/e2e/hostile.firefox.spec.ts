// The hostile-page checks that puppeteer's Firefox driver allows (WebDriver BiDi gives no CDP isolated
// world; the extension's own content-script sandbox is reached with scripting.executeScript instead).
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { useFirefox, openExtensionPage, waitFor as until, selectText } from './firefox-fixtures';
import { hostileRoute } from './hostile-pages';
import { EXPECTED, messageSamples } from '../fixtures/message-samples';
import type { RequestType } from '../../lib/messages/protocol';

type Reply = { ok: boolean; error?: string };


const firefox = useFirefox({ servePages: { extraRoute: hostileRoute } });

/** Runs `messages` one by one from our content-script sandbox in the tab showing `url`; returns the replies. */
async function sendFromContentScript(url: string, messages: unknown[]): Promise<Reply[]> {
  const ext = await openExtensionPage(firefox.browser, 'popup.html', 'main');
  try {
    return await ext.evaluate(
      async (u, ms) => {
        type Api = {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        const id = (await api.tabs.query({})).find((t) => t.url === u)?.id;
        const [first] = await api.scripting.executeScript({
          target: { tabId: id, frameIds: [0] },
          func: async (list: unknown[]) => {
            const runtime = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime;
            const out: unknown[] = [];
            for (const m of list) out.push(await runtime.sendMessage(m));
            return out;
          },
          args: [ms],
        });
        return first?.result as Reply[];
      },
      url,
      messages,
    );
  } finally {
    await ext.close();
  }
}

/** How many page/analyze messages our content scripts in the tab showing `url` sent since `start` was true. */
async function analysesCounter(url: string, start: boolean): Promise<number> {
  const ext = await openExtensionPage(firefox.browser, 'popup.html', 'main');
  try {
    return await ext.evaluate(
      async (u, begin) => {
        type Api = {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        const id = (await api.tabs.query({})).find((t) => t.url === u)?.id;
        const [first] = await api.scripting.executeScript({
          target: { tabId: id, frameIds: [0] },
          func: (install: boolean) => {
            const g = globalThis as unknown as { __analyses?: number; browser: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };
            if (install) {
              const send = g.browser.runtime.sendMessage.bind(g.browser.runtime);
              g.__analyses = 0;
              g.browser.runtime.sendMessage = (m: unknown) => {
                if ((m as { type?: string } | null)?.type === 'page/analyze') g.__analyses = (g.__analyses ?? 0) + 1;
                return send(m);
              };
            }
            return g.__analyses ?? -1;
          },
          args: [begin],
        });
        return first?.result as number;
      },
      url,
      start,
    );
  } finally {
    await ext.close();
  }
}

async function onTopic(url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(url);
  await until(() => page.evaluate(() => CSS.highlights.size), (n) => n > 0);
  return page;
}

test('firefox: a content script may not send privileged messages; its own-tab ones still work', async () => {
  const page = await onTopic(`${firefox.server.url}/cecot-report.html?ff`);
  const types = Object.keys(EXPECTED) as RequestType[];
  const own = messageSamples(firefox.server.url, 1);
  const other = messageSamples('http://victim.example', 1);
  const replies = await sendFromContentScript(page.url(), [...types.map((t) => own[t]), ...types.map((t) => other[t])]);
  types.forEach((type, i) => {
    const row = EXPECTED[type];
    const a = replies[i]!;
    const b = replies[types.length + i]!;
    if (row.ownTab === 'ok') expect(a.ok, `${type}: ${a.error}`).toBe(true);
    else expect(a.error, type).toMatch(/^refused:/);
    if (row.otherSite === 'ok') expect(b.ok, `${type}: ${b.error}`).toBe(true);
    else expect(b.error, type).toMatch(/^refused:/);
  });
  await page.close();
});

test('firefox: no start-up postMessage, and random highlight names', async () => {
  const page = await onTopic(`${firefox.server.url}/hostile/listener`);
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.filter((m) => /wxt|content-script-started|cecot-lens@/.test(m))).toEqual([]);
  const names = await page.evaluate(() => [...CSS.highlights.keys()]);
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toMatch(/^h[0-9a-f]{16}$/);
  await page.close();
});

test('firefox: forged WXT events neither tear the session down nor make it analyse', async () => {
  const page = await onTopic(`${firefox.server.url}/hostile/listener?forged`);
  const url = page.url();
  expect(await analysesCounter(url, true)).toBe(0);
  const before = await page.evaluate(() => [...CSS.highlights.values()].map((h) => h.size).sort());
  await page.evaluate(() => {
    for (let i = 0; i < 200; i++) {
      for (const entry of ['content', 'page-session']) {
        window.dispatchEvent(new Event(`cecot-lens@cecot-lens.org:${entry}:wxt:locationchange`));
        document.dispatchEvent(
          new CustomEvent(`cecot-lens@cecot-lens.org:${entry}:wxt:content-script-started`, { detail: { contentScriptName: entry, messageId: `forged${i}` } }),
        );
      }
      // The events that now tell us to read the address again, without a Navigation API: the page's own copies are ignored.
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      document.dispatchEvent(new Event('visibilitychange'));
    }
  });
  await new Promise((r) => setTimeout(r, 3_000));
  expect(await analysesCounter(url, false)).toBe(0);
  expect(await page.evaluate(() => [...CSS.highlights.values()].map((h) => h.size).sort())).toEqual(before);
  // Still alive: a real single-page-app navigation alone, with the same text, is noticed from the address
  // (no Navigation API in Firefox 140 ESR: the timer, the tab being visible) and the view analysed afresh.
  await page.evaluate(() => history.pushState({}, '', '/hostile/listener?forged&view=1'));
  const viewed = await page.evaluate(() => location.href);
  await until(() => analysesCounter(viewed, false), (n) => n >= 1, 10_000);
  await analysesCounter(viewed, true);
  // Then one with new text.
  await page.evaluate(() => {
    history.pushState({}, '', '/hostile/listener?forged&view=2');
    document.querySelector('#p7')!.textContent = 'Officials said the prison also held 85 people from other countries.';
  });
  // The address as the tab has it: puppeteer's page.url() does not follow a pushState over Firefox 140 ESR's BiDi.
  const moved = await page.evaluate(() => location.href);
  await until(() => analysesCounter(moved, false), (n) => n >= 1, 10_000);
  await page.close();
});

test('firefox: page CSS cannot hide, move or cover the Annotate button; a bait under it gets no click', async () => {
  const page = await onTopic(`${firefox.server.url}/hostile/bait`);
  const select = () => selectText(page, '#p7', 'streets were quiet');
  const box = await select();
  const x = Math.max(8, box.right - 40);
  const y = box.bottom + 8;
  const clip = { x: x + 4, y: y + 4, width: 60, height: 20 };
  await page.evaluate(() => getSelection()!.removeAllRanges());
  await new Promise((r) => setTimeout(r, 300));
  const blank = Buffer.from(await page.screenshot({ clip }));
  await select();
  await until(async () => Buffer.from(await page.screenshot({ clip })).equals(blank), (same) => !same, 5_000);
  expect(await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.tagName, [x + 15, y + 10])).toBe('CECOT-LENS-OVERLAY');
  await page.screenshot({ path: 'test-results/screenshots/firefox-hostile-annotate-button.png' });
  await page.mouse.click(x + 15, y + 10);
  await new Promise((r) => setTimeout(r, 800));
  expect(await page.evaluate(() => (window as unknown as { __baitClicks: number }).__baitClicks)).toBe(0);
  // The click reached our button: the draft waits in the sidebar.
  const ext = await openExtensionPage(firefox.browser, 'popup.html', 'main');
  const quote = await ext.evaluate(async (u) => {
    type Api = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; runtime: { sendMessage(m: unknown): Promise<{ data?: { draft?: { quote?: string } | null } }> } };
    const api = (globalThis as unknown as { browser: Api }).browser;
    const id = (await api.tabs.query({})).find((t) => t.url === u)?.id;
    return (await api.runtime.sendMessage({ type: 'tab/state', tabId: id })).data?.draft?.quote ?? null;
  }, page.url());
  await ext.close();
  expect(quote).toBe('streets were quiet');
  await page.close();
});
