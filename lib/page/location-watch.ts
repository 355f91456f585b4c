/**
 * Noticing single-page-app navigation (`history.pushState`, the back button, a hash) without
 * waking every tab every second.
 *
 * Where the browser has the Navigation API (Chromium; Firefox from 147, not 140 ESR), its
 * `currententrychange` event fires after every same-document change of the current entry,
 * `pushState` and `replaceState` included. Elsewhere a timer looks at the address, but only while
 * the tab is visible: a hidden tab's navigation is caught the moment it is shown again.
 *
 * The page is hostile and can dispatch events of these names on its own objects. An event here is
 * only a reason to read `location.href` again, which the page cannot fake, and carries nothing we
 * read; events the browser did not fire itself (`isTrusted`) are ignored. The worst a page can do
 * is keep a real event from us (a listener of its own that stops it), which only delays our noticing
 * a navigation it made, never makes us believe in one.
 */

/** The part of an `EventTarget` used here: an event is only a trigger, so only `isTrusted` is read of it. */
export interface TriggerTarget {
  addEventListener(type: string, listener: (event: { readonly isTrusted: boolean }) => void, options?: { signal?: AbortSignal }): void;
}

export interface LocationWatchEnv {
  /** `location.href`, read afresh. */
  href(): string;
  /** `navigation` where the browser has the Navigation API, else null. */
  navigation: TriggerTarget | null;
  /** `window`, for `popstate` and `hashchange` where there is no Navigation API. */
  window: TriggerTarget;
  /** `document`, for `visibilitychange` and its `visibilityState`. */
  document: TriggerTarget & { readonly visibilityState: string };
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
  /** Stops everything when aborted (the extension reloaded or removed). */
  signal: AbortSignal;
  /** Asked at every look: false (the extension was reloaded or removed) stops the watch, as the caller then aborts `signal`. */
  alive?: () => boolean;
}

export type LocationWatchMode = 'navigation-api' | 'timer-while-visible';

/** Calls `onChange` with the new address whenever `location.href` really changes; says which way it watches. */
export function watchLocation(env: LocationWatchEnv, onChange: (href: string) => void, everyMs = 1_000): LocationWatchMode {
  let last = env.href();
  const check = (): void => {
    if (env.signal.aborted || env.alive?.() === false) return;
    const now = env.href();
    if (now === last) return;
    last = now;
    onChange(now);
  };
  const on = (target: TriggerTarget, type: string, then: () => void = check): void =>
    target.addEventListener(type, (event) => event.isTrusted && then(), { signal: env.signal });

  if (env.navigation) {
    on(env.navigation, 'currententrychange');
    return 'navigation-api';
  }

  // No Navigation API: pushState fires no event at all, so a timer is still needed, but only while the reader can see the tab.
  let timer: unknown = null;
  const stop = (): void => {
    if (timer !== null) env.clearInterval(timer);
    timer = null;
  };
  const follow = (): void => {
    if (env.document.visibilityState === 'visible') {
      check();
      if (timer === null) timer = env.setInterval(check, everyMs);
    } else stop();
  };
  // The back button and hash links do fire events: no need to wait for the next tick.
  on(env.window, 'popstate');
  on(env.window, 'hashchange');
  on(env.document, 'visibilitychange', follow);
  env.signal.addEventListener('abort', stop, { once: true });
  follow();
  return 'timer-while-visible';
}
