/**
 * Checks a sync address before it is saved. The address names a file; a
 * folder address (ending in "/", or whose last part has no ".json") gets a
 * file name suggested instead of failing later with an HTTP 409.
 */
export const SUGGESTED_SYNC_FILE = 'cecot-lens.json';

export type SyncAddressCheck = { ok: true } | { ok: false; code: 'not-http' | 'folder'; suggestion?: string };

export function checkSyncAddress(raw: string): SyncAddressCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, code: 'not-http' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, code: 'not-http' };
  const last = url.pathname.split('/').pop() ?? '';
  if (url.pathname.endsWith('/') || !/\.json$/i.test(last)) {
    const folder = url.pathname.endsWith('/') ? url.pathname : url.pathname + '/';
    const suggestion = new URL(folder + SUGGESTED_SYNC_FILE, url.origin);
    suggestion.search = url.search;
    return { ok: false, code: 'folder', suggestion: suggestion.toString() };
  }
  return { ok: true };
}
