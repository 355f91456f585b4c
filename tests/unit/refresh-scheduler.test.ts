import { describe, expect, it, vi, beforeEach, afterEach } from 'vitest';
import { RefreshScheduler } from '../../lib/page/refresh-scheduler';

const clock = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };
const opts = { debounceMs: 100, maxWaitMs: 500, minIntervalMs: 200, maxIntervalMs: 3_200 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('RefreshScheduler', () => {
  it('debounces a burst into one run', async () => {
    const run = vi.fn(async () => 'changed' as const);
    const s = new RefreshScheduler(run, clock, opts);
    for (let i = 0; i < 5; i++) {
      s.poke();
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs within maxWait even when changes never stop', async () => {
    const run = vi.fn(async () => 'changed' as const);
    const s = new RefreshScheduler(run, clock, opts);
    for (let t = 0; t < 520; t += 20) {
      s.poke();
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('backs off on a page that mutates forever without new text, and stays bounded', async () => {
    const run = vi.fn(async () => 'unchanged' as const);
    const s = new RefreshScheduler(run, clock, opts);
    // 60 seconds of a change every 50 ms.
    for (let t = 0; t < 60_000; t += 50) {
      s.poke();
      await vi.advanceTimersByTimeAsync(50);
    }
    // Intervals 200, 400, …, capped at 3,200 ms: far fewer runs than the 120 a fixed 500 ms max-wait would give.
    expect(run.mock.calls.length).toBeGreaterThan(5);
    expect(run.mock.calls.length).toBeLessThan(25);
  });

  it('returns to quick runs once the text changes again', async () => {
    let outcome: 'changed' | 'unchanged' = 'unchanged';
    const run = vi.fn(async () => outcome);
    const s = new RefreshScheduler(run, clock, opts);
    for (let t = 0; t < 20_000; t += 50) {
      s.poke();
      await vi.advanceTimersByTimeAsync(50);
    }
    outcome = 'changed';
    s.poke();
    await vi.advanceTimersByTimeAsync(3_300);
    const before = run.mock.calls.length;
    s.poke();
    await vi.advanceTimersByTimeAsync(600);
    expect(run.mock.calls.length).toBe(before + 1);
  });
});
