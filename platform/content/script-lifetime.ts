import { browser } from 'wxt/browser';
import { watchLocation, type LocationWatchMode, type TriggerTarget } from '../../lib/page/location-watch';

/**
 * The life of our script in one page: timers and listeners that stop when the
 * extension is reloaded or removed (the script is then orphaned: `runtime.id`
 * is gone). It replaces WXT's `ContentScriptContext` for our code because
 * that one is driven by DOM events a page can forge: a `…wxt:content-script-started`
 * event tears the context down, and `…wxt:locationchange` fires on demand.
 * Here nothing a page dispatches changes our state: navigation is read from
 * `location.href` itself.
 */
export class ScriptLifetime {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isValid(): boolean {
    if (!this.controller.signal.aborted && browser.runtime?.id == null) this.invalidate();
    return !this.controller.signal.aborted;
  }

  invalidate(): void {
    this.controller.abort('extension context invalidated');
  }

  onInvalidated(cb: () => void): void {
    this.controller.signal.addEventListener('abort', cb, { once: true });
  }

  setTimeout(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
    const id = setTimeout(() => {
      if (this.isValid) fn();
    }, ms);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  addEventListener<E extends Event>(target: EventTarget, type: string, handler: (event: E) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(
      type,
      (event) => {
        if (this.isValid) handler(event as E);
      },
      { ...options, signal: this.controller.signal },
    );
  }

  /**
   * Calls `onChange` when the page's address really changes (single-page-app navigation). A page can
   * change its own address, but not make us believe it did: the Navigation API's event, or a timer
   * only while the tab is visible where there is no such API (Firefox 140 ESR), is only a reason to
   * read `location.href` again (lib/page/location-watch.ts).
   */
  watchLocation(onChange: (href: string) => void, everyMs = 1_000): LocationWatchMode {
    const nav = (globalThis as { navigation?: TriggerTarget }).navigation;
    // No timer wakes us now to notice that the extension was reloaded or removed: the reader coming back to the
    // tab does, since asking `isValid` is what tears an orphaned script down.
    document.addEventListener('visibilitychange', () => void this.isValid, { signal: this.signal });
    return watchLocation(
      {
        href: () => location.href,
        navigation: nav && typeof nav.addEventListener === 'function' ? nav : null,
        window,
        document,
        setInterval: (fn, ms) => setInterval(fn, ms),
        clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
        signal: this.signal,
        alive: () => this.isValid,
      },
      onChange,
      everyMs,
    );
  }
}
