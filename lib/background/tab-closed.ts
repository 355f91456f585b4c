import type { RateLimiter } from './rate-limit';
import type { TabRegistry } from './tab-registry';

/**
 * What the background drops when a tab closes: its report and draft, and its
 * analysis rate-limit bucket. Tab ids are not reused within a browser session,
 * so a bucket left behind would only accumulate, one per tab ever analysed.
 */
export function whenTabCloses(tabs: Pick<TabRegistry, 'forget'>, analysisLimiter: Pick<RateLimiter<number>, 'forget'>) {
  return async (tabId: number): Promise<void> => {
    analysisLimiter.forget(tabId);
    await tabs.forget(tabId);
  };
}
