import { browser } from 'wxt/browser';
import type { TabPersistence } from '../lib/background/tab-registry';

const KEY = 'tabs';

/** Session storage survives a service-worker restart but not the browser session, which is what tab state needs. */
export function sessionTabPersistence(): TabPersistence | undefined {
  const area = browser.storage.session;
  if (!area) return undefined;
  return {
    load: async () => ((await area.get(KEY))[KEY] as Awaited<ReturnType<TabPersistence['load']>>) ?? {},
    save: async (snapshot) => {
      await area.set({ [KEY]: snapshot });
    },
  };
}
