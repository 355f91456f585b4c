import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { RefreshScheduler } from '../../lib/page/refresh-scheduler';
import { isSiteDisabled } from '../../lib/settings/site-match';
import { notesIndexHas, notesIndexSize, type NotesIndex } from '../../lib/notes-index/notes-index';
import { pageGate } from '../../lib/topic/page-gate';
import { pageCanonicalUrl } from './page-url';
import { timed, timedAsync } from './timeline';
import { ask } from '../messaging';
import { loadGateState, watchNotesIndex } from '../settings-lite';

/**
 * Decides, locally, whether this page needs the extension at all. The
 * background (a service worker that would have to wake up) hears from this
 * script only when there is something to do: the page passes the gate, the
 * notes index says the reader has notes here, or the reader selects text.
 * Off-topic pages without notes cost one storage read and one gate pass, and
 * no message. Late-loading content is gated again, with back-off, until the
 * page passes or stops changing.
 */
export async function startGate(ctx: ContentScriptContext): Promise<void> {
  const reading = timedAsync('gate-state', () => loadGateState());
  // The gate needs no settings: it runs while storage answers.
  let early: { url: string; passed: boolean } | null = { url: location.href, passed: gateNow(location.href) };
  // The page's own scripts may add content while storage answers (on DOMContentLoaded, say): note it.
  let changedMeanwhile = false;
  const meanwhile = document.body ? new MutationObserver(() => void (changedMeanwhile = true)) : null;
  if (document.body) meanwhile?.observe(document.body, { childList: true, subtree: true });
  const state = await reading;
  meanwhile?.disconnect();
  if (isSiteDisabled(location.hostname, state.disabledSites)) return;
  let notesIndex: NotesIndex | null = state.notesIndex;
  let activated = false;
  let lastUrl = '';

  const check = async (selection = false): Promise<'changed' | 'unchanged'> => {
    if (activated) return 'unchanged';
    const url = location.href;
    const passed = early?.url === url ? early.passed : gateNow(url);
    early = null;
    const hasNotes = !passed && !selection && notesIndex !== null && notesIndexSize(notesIndex) > 0 && timed('notes-lookup', () => notesIndexHas(notesIndex as NotesIndex, pageCanonicalUrl(document, url)));
    const changed = url !== lastUrl;
    lastUrl = url;
    if (!passed && !selection && !hasNotes) return changed ? 'changed' : 'unchanged';
    try {
      const request = { type: 'page/activate', canonicalUrl: pageCanonicalUrl(document, url), gatePassed: passed, selection } as const;
      activated = (await timedAsync('activate', () => ask(request))).activated;
    } catch {
      // The background is restarting or the extension was updated: try again on the next change.
    }
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
  ctx.addEventListener(document, 'mouseup', () => {
    if (!activated && document.getSelection()?.toString().trim()) void check(true);
  });
  // SPA navigation: a new view may be on topic.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    scheduler.reset();
    void check();
  });
  ctx.onInvalidated(() => {
    observer?.disconnect();
    unwatch();
    scheduler.dispose();
  });
}

/** The gate on the live page, measured for `npm run bench` (what it costs inside a real page). */
function gateNow(url: string): boolean {
  const started = performance.now();
  const passed = pageGate(document, url);
  performance.measure('cecot-lens:gate', { start: started, end: performance.now() });
  return passed;
}
