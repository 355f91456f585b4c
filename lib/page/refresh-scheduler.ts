export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  /** Quiet time after the last change before a run. */
  debounceMs: number;
  /** A run happens at the latest this long after the first change of a burst, however busy the page. */
  maxWaitMs: number;
  /** Least time between two runs; doubles (up to `maxIntervalMs`) after each run that found nothing new. */
  minIntervalMs: number;
  maxIntervalMs: number;
}

export const DEFAULT_SCHEDULE: SchedulerOptions = { debounceMs: 600, maxWaitMs: 3_000, minIntervalMs: 1_500, maxIntervalMs: 30_000 };

/**
 * Turns a stream of "the page changed" signals into few re-analyses: debounced,
 * with a maximum wait so that infinite scroll still gets analysed, and with a
 * back-off so that a page that mutates all the time (a ticker, a clock) costs
 * one run every half minute at most once its text stops changing.
 */
export class RefreshScheduler {
  private timer: unknown = null;
  private burstStart: number | null = null;
  private lastRun = Number.NEGATIVE_INFINITY;
  private interval: number;
  private running = false;
  private pending = false;

  constructor(
    private readonly run: () => Promise<'changed' | 'unchanged'>,
    private readonly clock: SchedulerClock,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULE,
  ) {
    this.interval = options.minIntervalMs;
  }

  /** Signals a change. */
  poke(): void {
    const now = this.clock.now();
    this.burstStart ??= now;
    const dueByDebounce = now + this.options.debounceMs;
    const dueByMaxWait = this.burstStart + this.options.maxWaitMs;
    const dueByInterval = this.lastRun + this.interval;
    const due = Math.max(Math.min(dueByDebounce, dueByMaxWait), dueByInterval);
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => void this.fire(), Math.max(0, due - now));
  }

  /** Resets the back-off, e.g. after a navigation. */
  reset(): void {
    this.interval = this.options.minIntervalMs;
    this.lastRun = Number.NEGATIVE_INFINITY;
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private async fire(): Promise<void> {
    this.timer = null;
    if (this.running) {
      // A change arrived while running: run once more afterwards.
      this.pending = true;
      return;
    }
    this.running = true;
    this.burstStart = null;
    this.lastRun = this.clock.now();
    try {
      const outcome = await this.run();
      this.interval = outcome === 'changed' ? this.options.minIntervalMs : Math.min(this.interval * 2, this.options.maxIntervalMs);
    } finally {
      this.running = false;
      if (this.pending) {
        this.pending = false;
        this.poke();
      }
    }
  }
}
