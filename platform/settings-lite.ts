import { storage } from 'wxt/utils/storage';

/**
 * The reader's switched-off sites, for the always-on script. Read without the
 * settings schema to keep that script small; anything that is not a list of
 * strings counts as an empty list (the options page validates what it writes).
 */
export async function loadDisabledSites(): Promise<string[]> {
  const raw = await storage.getItem<{ disabledSites?: unknown }>('local:settings');
  const sites = raw?.disabledSites;
  return Array.isArray(sites) ? sites.filter((s): s is string => typeof s === 'string') : [];
}

/** The reader's recognition terms' phrases, left by the background (lib/topic/user-terms.ts); anything malformed counts as none. */
export async function loadUserGatePhrases(): Promise<string[]> {
  const raw = await storage.getItem<{ gatePhrases?: unknown }>('local:userTopic');
  const list = raw?.gatePhrases;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length < 200).slice(0, 2000) : [];
}
