/** A prefetched read older than this is not trusted: the session it was meant for never asked. */
export const PREFETCH_TTL_MS = 10_000;

/**
 * The notes of a page being activated, read while its page session is being
 * injected. Injecting the session (a large script, parsed and run in the
 * page) and reading and validating a thousand notes each take tens of
 * milliseconds; one after the other they were most of the wait before the
 * first note was drawn. The session's own request then takes the read that
 * is already under way or done.
 *
 * An entry serves one request and is dropped on any write to the notes
 * (`invalidate`), so a session never draws notes older than its request
 * except by the few milliseconds a write may race with it, and that write
 * tells the tab to draw again anyway.
 */
export class PageNotesPrefetch<List> {
  private readonly entries = new Map<string, { at: number; list: Promise<List> }>();

  constructor(
    private readonly read: (canonicalUrl: string) => Promise<List>,
    private readonly now: () => number,
  ) {}

  /** Starts reading a page's notes for the session about to ask for them. */
  prefetch(canonicalUrl: string): void {
    const at = this.now();
    for (const [key, entry] of this.entries) if (at - entry.at > PREFETCH_TTL_MS) this.entries.delete(key);
    const list = this.read(canonicalUrl);
    // A failed read is the asker's to report; until someone asks, it must not count as unhandled.
    list.catch(() => undefined);
    this.entries.set(canonicalUrl, { at, list });
  }

  /** The page's notes: the prefetched read when one is fresh, else a read now. */
  take(canonicalUrl: string): Promise<List> {
    const entry = this.entries.get(canonicalUrl);
    this.entries.delete(canonicalUrl);
    if (entry && this.now() - entry.at <= PREFETCH_TTL_MS) return entry.list;
    return this.read(canonicalUrl);
  }

  /**
   * The page's notes for the session about to be loaded (lib/page/page-notes-seed.ts), when the read started
   * by `prefetch` settles before `deadline` does: that read is then used up, and the session asks for nothing.
   * Undefined when there is no fresh read, when it failed (the session's own request reads again), when the
   * notes changed meanwhile, or when it is not done in time (it is left for the session's request).
   */
  async handOver(canonicalUrl: string, deadline: Promise<void>): Promise<List | undefined> {
    const entry = this.entries.get(canonicalUrl);
    if (!entry || this.now() - entry.at > PREFETCH_TTL_MS) return undefined;
    const read = entry.list.then(
      (list) => ({ list }),
      () => null,
    );
    const first = await Promise.race([read, deadline.then(() => 'late' as const)]);
    if (first === 'late') return undefined;
    // Dropped by a write while it was read (invalidate), or replaced by a newer read: not this one's to give.
    if (this.entries.get(canonicalUrl) !== entry) return undefined;
    this.entries.delete(canonicalUrl);
    return first?.list;
  }

  /** The notes changed: nothing read before may be served. */
  invalidate(): void {
    this.entries.clear();
  }
}
