import { RefreshScheduler } from '../../lib/page/refresh-scheduler';
import { isSiteDisabled } from '../../lib/settings/site-match';
import { notesIndexHas, notesIndexSize, type NotesIndex } from '../../lib/notes-index/notes-index';
import { pageGate } from '../../lib/topic/page-gate';
import type { ScriptLifetime } from './script-lifetime';
import { canonicalKeyCandidates } from '../../lib/url/canonical-key';
import { measure, setTimeline, timed, timedAsync } from './timeline';
import { ask } from '../messaging';
import { sendFirstPart } from './first-part';
import { loadGateState, watchNotesIndex, type GateState } from '../settings-lite';
import { dropPreparedSheet, prepareSheet } from '../highlight-sheet';

/**
 * Decides, locally, whether this page needs the extension at all. The
 * background (a service worker that would have to wake up) hears from this
 * script only when there is something to do: the page passes the gate, the
 * notes index says the reader has notes here, or the reader selects text.
 * Off-topic pages without notes cost one storage read and one gate pass, and
 * no message. Late-loading content is gated again, with back-off, until the
 * page passes or stops changing.
 */
export async function startGate(ctx: ScriptLifetime, stateRead?: Promise<GateState>): Promise<void> {
  // All of this script's own work on the page, in its two synchronous parts (`script-start`, `script-settle`),
  // for `npm run bench`: the storage call, the gate and the watchers, beyond the gate alone.
  const began = performance.now();
  // Started at document_start (entrypoints/gate.ts), so usually answered by now; the wait left is `gate-state`.
  const reading = timedAsync('gate-state', () => (stateRead ?? loadGateState()).catch(() => loadGateState()));
  // The gate needs no settings: it runs while storage answers.
  let early: { url: string; passed: boolean } | null = { url: location.href, passed: gateNow(location.href) };
  // The page's own scripts may add content while storage answers (on DOMContentLoaded, say): note it.
  let changedMeanwhile = false;
  const meanwhile = document.body ? new MutationObserver(() => void (changedMeanwhile = true)) : null;
  if (document.body) meanwhile?.observe(document.body, { childList: true, subtree: true });
  let activated = false;
  const activate = async (url: string, passed: boolean, selection: boolean, canonicalHref: string | null): Promise<void> => {
    try {
      const request = { type: 'page/activate', url, canonicalHref, gatePassed: passed, selection } as const;
      activated = (await timedAsync('activate', () => ask(request))).activated;
    } catch {
      // The background is restarting or the extension was updated: try again on the next change.
    }
  };
  // A page that passes needs nothing from storage to ask for its session, so it asks now: the storage
  // answer can come long after DOMContentLoaded (behind the page's first layout), and that wait was
  // on the way to the first highlight. The background checks switched-off sites itself.
  const activating = early.passed ? activate(early.url, true, false, document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null) : null;
  measure('script-start', began, performance.now());
  // The first screen goes for analysis now, while the background loads the session (first-part.ts); and the
  // session's highlight sheet is adopted now, before the browser's first style pass (platform/highlight-sheet.ts).
  if (activating) {
    sendFirstPart(document, early.url);
    timed('gate-sheet', () => prepareSheet(document));
  }
  const state = await reading;
  setTimeline(state.timeline);
  await activating;
  const settling = performance.now();
  meanwhile?.disconnect();
  // No session is coming (a switched-off site, a refused activation): its sheet goes (a session took it otherwise).
  if (activating && !activated) dropPreparedSheet(document);
  if (isSiteDisabled(location.hostname, state.disabledSites)) return;
  let notesIndex: NotesIndex | null = state.notesIndex;
  const userPhrases = state.userPhrases;
  let lastUrl = '';

  const check = async (selection = false): Promise<'changed' | 'unchanged'> => {
    if (activated) return 'unchanged';
    const url = location.href;
    // The early answer was without the reader's own terms (they come with the storage read): a no is asked again with them.
    const passed = early?.url === url && (early.passed || userPhrases.length === 0) ? early.passed : gateNow(url, userPhrases);
    early = null;
    // The background files the page under its canonical URL with the Public Suffix List, too big for this script;
    // here every key the page could have is looked up, so that a page with notes is never missed. The link is
    // looked for only when it is needed (on a page without one, that search runs through the whole document).
    let canonicalHref: string | null | undefined;
    const canonical = () => (canonicalHref ??= document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null);
    const hasNotes =
      !passed && !selection && notesIndex !== null && notesIndexSize(notesIndex) > 0 && timed('notes-lookup', () => pageKeys(url, canonical()).some((key) => notesIndexHas(notesIndex as NotesIndex, key)));
    const changed = url !== lastUrl;
    lastUrl = url;
    if (!passed && !selection && !hasNotes) return changed ? 'changed' : 'unchanged';
    await activate(url, passed, selection, canonical());
    if (activated) {
      observer?.disconnect();
      unwatch();
    }
    return 'changed';
  };

  const scheduler = new RefreshScheduler(check, {
    now: () => performance.now(),
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as number),
  });
  const observer = document.body ? new MutationObserver(() => scheduler.poke()) : null;
  // Notes saved for this page elsewhere (another tab, an import, a sync) bring the session without a reload.
  const unwatch = watchNotesIndex((index) => {
    notesIndex = index;
    if (!activated) void check();
  });
  await check();
  if (!activated && document.body) observer?.observe(document.body, { childList: true, subtree: true });
  if (!activated && changedMeanwhile) scheduler.poke();
  // Any page can be annotated: the first selection of text brings the session (and its Annotate button).
  // Only the reader's own mouse counts: a page script's synthetic mouseup must not pull the session in.
  ctx.addEventListener(document, 'mouseup', (event: MouseEvent) => {
    if (event.isTrusted && !activated && document.getSelection()?.toString().trim()) void check(true);
  });
  // SPA navigation: a new view may be on topic. Read from location.href, through the back-off scheduler.
  ctx.watchLocation(() => scheduler.poke());
  ctx.onInvalidated(() => {
    observer?.disconnect();
    unwatch();
    scheduler.dispose();
  });
  // (On a page that activated, this span holds the round trip to the background: the session times its own steps.)
  if (!activated) measure('script-settle', settling, performance.now());
}

/** The gate on the live page, measured for `npm run bench` (what it costs inside a real page). */
function gateNow(url: string, userPhrases: readonly string[] = []): boolean {
  const started = performance.now();
  const passed = pageGate(document, url, userPhrases);
  measure('gate', started, performance.now());
  return passed;
}

function pageKeys(url: string, canonicalHref: string | null): string[] {
  try {
    return canonicalKeyCandidates(url, canonicalHref);
  } catch {
    return [];
  }
}
