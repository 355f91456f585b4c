/**
 * A token bucket per key (a tab): each request spends `cost` tokens, tokens
 * come back at `refillPerSecond` up to `capacity`. A page that forges
 * navigation or mutation signals gets its first few analyses and then one now
 * and then, however fast it asks; a reader's page, analysed after each quiet
 * spell by the back-off scheduler, never runs dry.
 */
export interface RateLimitOptions {
  capacity: number;
  refillPerSecond: number;
}

/** What the background allows each tab: bursts of 8 analyses, then one a second on average (the scheduler runs at most one every 1.5 s). */
export const ANALYSIS_RATE: RateLimitOptions = { capacity: 8, refillPerSecond: 1 };

export class RateLimiter<K> {
  private buckets = new Map<K, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  /** True (and the tokens spent) when `key` may go on; false, with nothing spent, when it must wait. */
  take(key: K, cost = 1): boolean {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.capacity, at: t };
    const elapsed = Math.max(0, t - bucket.at) / 1000;
    const tokens = Math.min(this.options.capacity, bucket.tokens + elapsed * this.options.refillPerSecond);
    const allowed = tokens >= cost;
    this.buckets.set(key, { tokens: allowed ? tokens - cost : tokens, at: t });
    return allowed;
  }

  /** True when `key` could spend `cost` now; nothing is spent. */
  allows(key: K, cost = 1): boolean {
    const bucket = this.buckets.get(key);
    if (!bucket) return cost <= this.options.capacity;
    const elapsed = Math.max(0, this.now() - bucket.at) / 1000;
    return Math.min(this.options.capacity, bucket.tokens + elapsed * this.options.refillPerSecond) >= cost;
  }

  forget(key: K): void {
    this.buckets.delete(key);
  }

  /** How many keys hold a bucket. */
  get size(): number {
    return this.buckets.size;
  }
}

/** An analysis costs more the longer the text: one unit, plus one per 250,000 characters. */
export function analysisCost(textLength: number): number {
  return 1 + Math.floor(textLength / 250_000);
}

/** The longest first part of a page (lib/page/leading-part.ts) that rides on its whole text's analysis. */
export const FIRST_PART_MAX = 16_000;
