import { browser } from 'wxt/browser';
import type { PageKey } from '../lib/page/page-key';

/**
 * Loads the full page session into a tab's content-script world; the script itself ignores a second load.
 * The key the page is filed under goes with it, so that the session needs neither the Public Suffix List
 * (some 270 KB of script to parse and build on every page it loads on) nor a round trip to ask for it.
 * Both injections are sent at once (one after the other, they were two round trips to the tab on the
 * way to the first highlight); the key's tiny function is run first as a rule, and should the session
 * start before it, the session asks for its key (`page/key`) and works the same.
 * The key's function also leaves the reader's settings and terms (`start`, lib/page/session-start.ts), and the
 * reader's notes on the page when they are read already (`notes`, lib/page/page-notes-seed.ts); notes still
 * being read follow in a third function once they are.
 * Both run at once (`injectImmediately`), not at the browser's default `document_idle`: the gate asks at
 * DOMContentLoaded, and on a long page idle came some 60 ms later, a wait that was most of the injection's.
 * Each is a `cecot-lens:` measure on the service worker's timeline, for `npm run bench`.
 */
export async function injectSession(tabId: number, key?: PageKey, start?: string, notes?: string | Promise<string | undefined>): Promise<void> {
  const target = { tabId, frameIds: [0] };
  const seeding = key
    ? timed('inject-key', () =>
        browser.scripting.executeScript({
          target,
          // Runs in the tab: self-contained, the seeds' names written out (see PAGE_KEY_SEED, SESSION_START_SEED, PAGE_NOTES_SEED).
          func: (seed: PageKey, begin: string, drawn: string) => {
            const g = globalThis as { __cecotLensPageKey?: PageKey; __cecotLensSessionStart?: string; __cecotLensPageNotes?: string };
            g.__cecotLensPageKey = seed;
            if (begin) g.__cecotLensSessionStart = begin;
            if (drawn) g.__cecotLensPageNotes = drawn;
          },
          // The settings and the reader's terms (lib/page/session-start.ts), and the page's notes when they are read
          // already (lib/page/page-notes-seed.ts): '' when the background has none.
          args: [key, start ?? '', typeof notes === 'string' ? notes : ''],
          injectImmediately: true,
        }),
      )
    : null;
  const session = timed('inject-session', () => browser.scripting.executeScript({ target, files: ['/page-session.js'], injectImmediately: true }));
  // Notes still being read follow as soon as they are, not holding the two above back: left for the session if it has
  // not started yet, or given to the hook it leaves while it waits for them (lib/page/page-notes-seed.ts).
  const handing = key && notes && typeof notes !== 'string'
    ? notes.then((drawn) =>
        drawn
          ? timed('inject-notes', () =>
              browser.scripting.executeScript({
                target,
                func: (text: string) => {
                  const g = globalThis as { __cecotLensPageNotes?: string; __cecotLensOnPageNotes?: (text: string) => void; __cecotLensSession?: boolean };
                  const hook = g.__cecotLensOnPageNotes;
                  if (typeof hook === 'function') hook(text);
                  else if (!g.__cecotLensSession) g.__cecotLensPageNotes = text;
                },
                args: [drawn],
                injectImmediately: true,
              }),
            )
          : undefined,
      )
    : null;
  await Promise.all([seeding, session, handing?.catch(() => undefined)]);
}

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`cecot-lens:${step}`, { start, end: performance.now() });
  }
}
