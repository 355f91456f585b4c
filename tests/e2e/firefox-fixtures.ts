import { test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';
import { startStaticServer } from '../../scripts/shared/static-server';

export const FIREFOX_EXT = path.join(ROOT, '.output/firefox-mv3');
export const GECKO_ID = JSON.parse(fs.readFileSync(path.join(FIREFOX_EXT, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id as string;
/** Pinned so that tests know the moz-extension:// origin before the add-on is installed. */
export const FIREFOX_UUID = '6b1e7c52-1d0e-4e3a-9a55-0c7f1f5ec0c7';
export const FIREFOX_BASE = `moz-extension://${FIREFOX_UUID}`;

export async function launchFirefox(): Promise<Browser> {
  if (!fs.existsSync(path.join(FIREFOX_EXT, 'manifest.json'))) throw new Error(`no Firefox build at ${FIREFOX_EXT}: run \`npm run build:firefox\` first`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['-remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 860 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'browser.safebrowsing.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXT);
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  return browser;
}

type StaticServer = Awaited<ReturnType<typeof startStaticServer>>;
type ExtraRoute = NonNullable<Parameters<typeof startStaticServer>[1]>;

export interface FirefoxSuite {
  /** The spec file's Firefox, with the add-on installed. */
  readonly browser: Browser;
  /** The server of `demo/pages/` (with `servePages`). */
  readonly server: StaticServer;
}

/**
 * The hooks every Firefox spec file needs, registered in the calling file: one Firefox with the
 * add-on, launched before the file's first test and closed after its last, so that the file's tests
 * share a profile and no other file's notes are in it; with `servePages`, the demo pages served on
 * 127.0.0.1 for as long (`extraRoute` answers the paths it claims, such as generated pages).
 */
export function useFirefox(options: { servePages?: boolean | { extraRoute: ExtraRoute } } = {}): FirefoxSuite {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  test.beforeAll(async () => {
    const { servePages } = options;
    if (servePages) server = await startStaticServer(path.join(ROOT, 'demo/pages'), servePages === true ? undefined : servePages.extraRoute);
    browser = await launchFirefox();
  });
  test.afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T,>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only there inside a test (useFirefox starts it before the file's first test)`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'Firefox');
    },
    get server() {
      return ready(server, options.servePages ? 'the demo pages server' : 'a server (ask for servePages)');
    },
  };
}

/** Opens an extension page. Over BiDi this navigation never reports that it finished, so wait for the DOM instead. */
export async function openExtensionPage(browser: Browser, file: string, readySelector: string): Promise<Page> {
  const page = await browser.newPage();
  page.goto(`${FIREFOX_BASE}/${file}`, { timeout: 15_000 }).catch(() => {});
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForSelector(readySelector, { timeout: Math.max(1_000, deadline - Date.now()) });
      return page;
    } catch (error) {
      // A wait that starts while the page is still being replaced can fail inside Firefox's BiDi
      // script realm ("right-hand side of 'in' should be an object"); that is not our page failing.
      if (Date.now() > deadline || !/Protocol error/.test(causeChain(error))) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * Sets a page's viewport. Puppeteer sends a screen-orientation override with the size, a command
 * Firefox 140 ESR's WebDriver BiDi does not know; the size itself is applied, which is waited for.
 */
export async function setViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (!/setScreenOrientationOverride/.test(causeChain(error))) throw error;
  }
  await waitFor(() => page.evaluate(() => [innerWidth, innerHeight]), ([w, h]) => w === size.width && h === size.height);
}

/** An error and its causes, as one string (puppeteer nests the protocol error two levels down). */
function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) parts.push(String(e));
  return parts.join(' <- ');
}

/** Polls `fn` until `ok` holds, for the Firefox tests (puppeteer has no expect.poll). */
export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await fn();
  }
  return last;
}

/** Firefox's id for the tab showing `url`, asked from an extension page. */
export async function tabIdOf(browser: Browser, url: string): Promise<number> {
  const page = await openExtensionPage(browser, 'popup.html', 'main');
  const id = await page.evaluate(async (u) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  await page.close();
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * The page sees our highlights under random per-session names; the mapping lives in our content-script
 * sandbox, read here from an extension page with scripting.executeScript.
 */
export async function sessionNames(browser: Browser, page: Page): Promise<Record<string, string>> {
  const ext = await openExtensionPage(browser, 'popup.html', 'main');
  try {
    return await ext.evaluate(async (u) => {
      type Api = {
        tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
        scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> };
      };
      const api = (globalThis as unknown as { browser: Api }).browser;
      const id = (await api.tabs.query({})).find((t) => t.url === u)?.id;
      if (id === undefined) return {};
      const [first] = await api.scripting.executeScript({
        target: { tabId: id, frameIds: [0] },
        func: () => (globalThis as { __cecotLensHighlightNames?: Record<string, string> }).__cecotLensHighlightNames ?? {},
      });
      return (first?.result ?? {}) as Record<string, string>;
    }, page.url());
  } finally {
    await ext.close();
  }
}

/** The texts of one kind of our highlights (`cecot-lens-conflicts`, `cecot-lens-focus`…), through the session's names. */
export async function highlightTexts(browser: Browser, page: Page, name: string): Promise<string[]> {
  const names = await sessionNames(browser, page);
  const real = names[name.replace(/^cecot-lens-/, '')] ?? '(none)';
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), real);
}

/** Selects `text` in the first text node of `selector`; returns the bottom-right corner of its last line, where Annotate appears. */
export async function selectText(page: Page, selector: string, text: string): Promise<{ right: number; bottom: number }> {
  return page.evaluate(
    (sel, t) => {
      const p = document.querySelector(sel)!.firstChild as Text;
      const i = p.data.indexOf(t);
      const r = document.createRange();
      r.setStart(p, i);
      r.setEnd(p, i + t.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      const rect = r.getClientRects()[r.getClientRects().length - 1]!;
      return { right: rect.right, bottom: rect.bottom };
    },
    selector,
    text,
  );
}
