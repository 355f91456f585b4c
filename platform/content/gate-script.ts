import { RefreshScheduler } from '../../lib/page/refresh-scheduler';
import { isSiteDisabled } from '../../lib/settings/site-match';
import { pageGate } from '../../lib/topic/page-gate';
import type { ScriptLifetime } from './script-lifetime';
import { ask } from '../messaging';
import { loadDisabledSites, loadUserGatePhrases } from '../settings-lite';

/**
 * Decides, cheaply, whether this page needs the extension at all. Off-topic
 * pages cost one gate pass and one message; late-loading content is gated
 * again, with back-off, until the page passes or stops changing.
 */
export async function startGate(ctx: ScriptLifetime): Promise<void> {
  const [disabledSites, userPhrases] = await Promise.all([loadDisabledSites(), loadUserGatePhrases()]);
  if (isSiteDisabled(location.hostname, disabledSites)) return;
  let activated = false;
  let lastUrl = '';

  const check = async (selection = false): Promise<'changed' | 'unchanged'> => {
    if (activated) return 'unchanged';
    const url = location.href;
    const started = performance.now();
    const passed = pageGate(document, url, userPhrases);
    // For `npm run bench`: what the gate costs inside a real page.
    performance.measure('cecot-lens:gate', { start: started, end: performance.now() });
    if (!passed && !selection && url === lastUrl) return 'unchanged';
    lastUrl = url;
    // The background files the page under its canonical URL (with the Public Suffix List, too big for this script).
    const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
    try {
      activated = (await ask({ type: 'page/activate', url, canonicalHref, gatePassed: passed, selection })).activated;
    } catch {
      // The background is restarting or the extension was updated: try again on the next change.
    }
    if (activated) observer?.disconnect();
    return 'changed';
  };

  const scheduler = new RefreshScheduler(check, {
    now: () => performance.now(),
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as number),
  });
  const observer = document.body ? new MutationObserver(() => scheduler.poke()) : null;
  await check();
  if (!activated && document.body) observer?.observe(document.body, { childList: true, subtree: true });
  // Any page can be annotated: the first selection of text brings the session (and its Annotate button).
  // Only the reader's own mouse counts: a page script's synthetic mouseup must not pull the session in.
  ctx.addEventListener(document, 'mouseup', (event: MouseEvent) => {
    if (event.isTrusted && !activated && document.getSelection()?.toString().trim()) void check(true);
  });
  // SPA navigation: a new view may be on topic. Read from location.href, through the back-off scheduler.
  ctx.watchLocation(() => scheduler.poke());
  ctx.onInvalidated(() => {
    observer?.disconnect();
    scheduler.dispose();
  });
}
