import { describe, expect, it } from 'vitest';
import { ANALYSIS_RATE, analysisCost, RateLimiter } from '../../lib/background/rate-limit';
import { DEFAULT_SCHEDULE } from '../../lib/page/refresh-scheduler';
import { whenTabCloses } from '../../lib/background/tab-closed';
import { TabRegistry } from '../../lib/background/tab-registry';

describe('RateLimiter', () => {
  it('allows a burst, then refuses until tokens come back, per key', () => {
    let t = 0;
    const limiter = new RateLimiter<number>({ capacity: 3, refillPerSecond: 1 }, () => t);
    expect([1, 2, 3, 4].map(() => limiter.take(7))).toEqual([true, true, true, false]);
    // Another tab has its own bucket.
    expect(limiter.take(8)).toBe(true);
    t = 999;
    expect(limiter.take(7)).toBe(false);
    t = 1_000;
    expect(limiter.take(7)).toBe(true);
    expect(limiter.take(7)).toBe(false);
  });

  it('spends nothing on a refused request, and never holds more than its capacity', () => {
    let t = 0;
    const limiter = new RateLimiter<string>({ capacity: 2, refillPerSecond: 1 }, () => t);
    expect(limiter.take('a', 3)).toBe(false);
    expect(limiter.take('a', 2)).toBe(true);
    t = 60_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    limiter.forget('a');
    expect(limiter.take('a', 2)).toBe(true);
  });

  it('stops 200 forged analyses at the burst, while a page analysed on the scheduler never runs dry', () => {
    let t = 0;
    const limiter = new RateLimiter<number>(ANALYSIS_RATE, () => t);
    const allowed = Array.from({ length: 200 }, () => limiter.take(1)).filter(Boolean).length;
    expect(allowed).toBe(ANALYSIS_RATE.capacity);

    // A busy reader's page: one analysis at the scheduler's shortest interval, for ten minutes.
    const reader = new RateLimiter<number>(ANALYSIS_RATE, () => t);
    t = 0;
    let refused = 0;
    for (let i = 0; i < 400; i++, t += DEFAULT_SCHEDULE.minIntervalMs) if (!reader.take(2, analysisCost(80_000))) refused++;
    expect(refused).toBe(0);
  });

  it('looks without spending: a first part is allowed exactly when its whole text will be', () => {
    let t = 0;
    const limiter = new RateLimiter<number>({ capacity: 2, refillPerSecond: 1 }, () => t);
    expect(limiter.allows(1)).toBe(true);
    expect(limiter.allows(1, 3)).toBe(false);
    // Asking does not spend: two whole analyses still go through, then neither a first part nor a whole.
    expect([limiter.allows(1), limiter.take(1), limiter.allows(1), limiter.take(1)]).toEqual([true, true, true, true]);
    expect([limiter.allows(1), limiter.take(1)]).toEqual([false, false]);
    t = 1_000;
    expect([limiter.allows(1), limiter.allows(1), limiter.take(1)]).toEqual([true, true, true]);
  });

  it('charges long texts more', () => {
    expect(analysisCost(10)).toBe(1);
    expect(analysisCost(2_000_000)).toBe(9);
  });

  it('a closed tab takes its bucket with it, and its report and draft; other tabs keep theirs', async () => {
    let t = 0;
    const limiter = new RateLimiter<number>({ capacity: 2, refillPerSecond: 1 }, () => t);
    const tabs = new TabRegistry();
    await tabs.setDraft(5, { quote: 'x' } as never);
    await tabs.setDraft(6, { quote: 'y' } as never);
    expect([limiter.take(5), limiter.take(5), limiter.take(5)]).toEqual([true, true, false]);
    limiter.take(6);
    expect(limiter.size).toBe(2);
    await whenTabCloses(tabs, limiter)(5);
    expect(limiter.size).toBe(1);
    expect((await tabs.get(5)).draft).toBeNull();
    expect((await tabs.get(6)).draft).not.toBeNull();
    // Tab 6 is still limited as before: only the closed tab's bucket went.
    expect([limiter.take(6), limiter.take(6)]).toEqual([true, false]);
  });
});
