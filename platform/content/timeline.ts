/**
 * Steps of the page's work on its own performance timeline (`cecot-lens:<step>`),
 * so `npm run bench` can show where the time goes between DOMContentLoaded and
 * the first highlight. A measure is a few microseconds; nothing is sent anywhere.
 *
 * The timeline is the document's: the page's own scripts can read every entry
 * on it. Written always, our steps would tell any site that the extension is
 * installed, whether it found the page on topic and whether the reader has
 * notes somewhere. So they are written only when the switch in extension
 * storage is on (`TIMELINE_KEY`: the bench and the browser tests set it; the
 * interface never does). Until the always-on script has read the switch, steps
 * wait in a small buffer, then are written or dropped.
 *
 * The switch and the buffer are kept on the content scripts' own global (not
 * the page's), which the always-on script and the page session share.
 */

/** The storage.local key of the switch (`true` writes the steps). */
export const TIMELINE_KEY = 'diagnosticTimeline';

interface Step {
  name: string;
  start: number;
  end: number;
  detail?: unknown;
}

interface TimelineState {
  /** null until the always-on script has read the switch. */
  on: boolean | null;
  pending: Step[];
}

/** Steps kept while the switch is unread (a page session's start is about 30). */
const PENDING_MAX = 200;
const STATE = Symbol.for('cecot-lens.timeline');

function state(): TimelineState {
  const scope = globalThis as { [STATE]?: TimelineState };
  return (scope[STATE] ??= { on: null, pending: [] });
}

function write(step: Step): void {
  performance.measure(`cecot-lens:${step.name}`, step.detail === undefined ? { start: step.start, end: step.end } : { start: step.start, end: step.end, detail: step.detail });
}

/** A step from `start` to `end` (performance.now() times). */
export function measure(name: string, start: number, end: number, detail?: unknown): void {
  const s = state();
  if (s.on === true) write({ name, start, end, detail });
  else if (s.on === null && s.pending.length < PENDING_MAX) s.pending.push({ name, start, end, detail });
}

/** The switch as read from storage: the steps so far are written (on) or dropped (off). */
export function setTimeline(on: boolean): void {
  const s = state();
  s.on = on;
  if (on) s.pending.forEach(write);
  s.pending = [];
}

export function timed<T>(step: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measure(step, start, performance.now());
  }
}

export async function timedAsync<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    measure(step, start, performance.now());
  }
}

/** A point in time (a zero-length measure), e.g. "first highlight painted". */
export function mark(step: string): void {
  const now = performance.now();
  measure(step, now, now);
}
