import { describe, expect, it } from 'vitest';
import { watchLocation, type LocationWatchEnv, type TriggerTarget } from '../../lib/page/location-watch';

type Listener = (event: { readonly isTrusted: boolean }) => void;

/** An event target whose listeners the test fires by hand, as the browser (trusted) or as the page (not). */
class Target implements TriggerTarget {
  readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    if (options?.signal?.aborted) return;
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    options?.signal?.addEventListener('abort', () => this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l !== listener)));
  }
  fire(type: string, isTrusted = true): void {
    for (const l of this.listeners.get(type) ?? []) l({ isTrusted });
  }
}

function env(withNavigation: boolean) {
  const state = { href: 'https://news.example/a', visible: true, timers: new Map<number, () => void>(), next: 1 };
  const controller = new AbortController();
  const document = new (class extends Target {
    get visibilityState() {
      return state.visible ? 'visible' : 'hidden';
    }
  })();
  const e: LocationWatchEnv = {
    href: () => state.href,
    navigation: withNavigation ? new Target() : null,
    window: new Target(),
    document,
    setInterval: (fn) => {
      const id = state.next++;
      state.timers.set(id, fn);
      return id;
    },
    clearInterval: (id) => state.timers.delete(id as number),
    signal: controller.signal,
  };
  const seen: string[] = [];
  const tick = () => [...state.timers.values()].forEach((fn) => fn());
  return { e, state, controller, seen, tick, nav: e.navigation as Target, win: e.window as Target, doc: document };
}

describe('watching the address for single-page-app navigation', () => {
  it('uses the Navigation API where there is one: no timer, and only the browser’s own event counts', () => {
    const w = env(true);
    expect(watchLocation(w.e, (h) => w.seen.push(h))).toBe('navigation-api');
    expect(w.state.timers.size).toBe(0);
    w.state.href = 'https://news.example/b';
    // The page's own event, of the right name, on the same object: ignored.
    w.nav.fire('currententrychange', false);
    expect(w.seen).toEqual([]);
    w.nav.fire('currententrychange');
    expect(w.seen).toEqual(['https://news.example/b']);
    // A real event with the address unchanged (replaceState of the state only) reports nothing.
    w.nav.fire('currententrychange');
    expect(w.seen).toEqual(['https://news.example/b']);
  });

  it('never takes the address from the event: it reads location.href again', () => {
    const w = env(true);
    watchLocation(w.e, (h) => w.seen.push(h));
    w.nav.fire('currententrychange');
    expect(w.seen).toEqual([]);
  });

  it('without the Navigation API, looks with a timer only while the tab is visible, and at once when shown again', () => {
    const w = env(false);
    expect(watchLocation(w.e, (h) => w.seen.push(h))).toBe('timer-while-visible');
    expect(w.state.timers.size).toBe(1);
    w.state.href = 'https://news.example/b';
    w.tick();
    expect(w.seen).toEqual(['https://news.example/b']);
    w.state.visible = false;
    w.doc.fire('visibilitychange');
    expect(w.state.timers.size).toBe(0);
    w.state.href = 'https://news.example/c';
    w.state.visible = true;
    // A forged visibilitychange does nothing; the real one looks at once and starts the timer again.
    w.doc.fire('visibilitychange', false);
    expect([w.seen.length, w.state.timers.size]).toEqual([1, 0]);
    w.doc.fire('visibilitychange');
    expect(w.seen).toEqual(['https://news.example/b', 'https://news.example/c']);
    expect(w.state.timers.size).toBe(1);
  });

  it('without the Navigation API, the back button and hash links are noticed before the next tick', () => {
    const w = env(false);
    watchLocation(w.e, (h) => w.seen.push(h));
    w.state.href = 'https://news.example/a#part-2';
    w.win.fire('hashchange', false);
    expect(w.seen).toEqual([]);
    w.win.fire('hashchange');
    w.state.href = 'https://news.example/b';
    w.win.fire('popstate');
    expect(w.seen).toEqual(['https://news.example/a#part-2', 'https://news.example/b']);
  });

  it('stops when the extension goes: the timer is cleared and events are no longer heard', () => {
    const w = env(false);
    watchLocation(w.e, (h) => w.seen.push(h));
    w.controller.abort();
    expect(w.state.timers.size).toBe(0);
    w.state.href = 'https://news.example/b';
    w.win.fire('popstate');
    w.tick();
    expect(w.seen).toEqual([]);
  });

  it('a look that finds the extension gone reports nothing', () => {
    const w = env(false);
    let alive = true;
    watchLocation({ ...w.e, alive: () => alive }, (h) => w.seen.push(h));
    w.state.href = 'https://news.example/b';
    alive = false;
    w.tick();
    expect(w.seen).toEqual([]);
  });
});
