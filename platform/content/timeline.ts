/**
 * Steps of the page's work on its own performance timeline (`cecot-lens:<step>`),
 * so `npm run bench` can show where the time goes between DOMContentLoaded and
 * the first highlight. A measure is a few microseconds; nothing is sent anywhere.
 */
export function timed<T>(step: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`cecot-lens:${step}`, { start, end: performance.now() });
  }
}

export async function timedAsync<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`cecot-lens:${step}`, { start, end: performance.now() });
  }
}

/** A point in time (a zero-length measure), e.g. "first highlight painted". */
export function mark(step: string): void {
  const now = performance.now();
  performance.measure(`cecot-lens:${step}`, { start: now, end: now });
}
