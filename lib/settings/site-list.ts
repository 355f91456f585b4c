import { SitePattern } from './schema';
import { isSiteDisabled } from './site-match';

/**
 * Adds what the reader typed or pasted (a host, or a whole URL) to the list of
 * switched-off sites. Returns the new sorted list, or why not (the interface words it in the reader's language).
 */
export function addSite(list: readonly string[], input: string): { sites: string[] } | { error: 'invalid' | 'duplicate'; site: string } {
  const host = input.trim().replace(/^[a-z]+:\/\//i, '').replace(/^[^@/]*@/, '').replace(/[/?#:].*$/, '');
  const parsed = SitePattern.safeParse(host);
  if (!parsed.success) return { error: 'invalid', site: host };
  if (list.includes(parsed.data)) return { error: 'duplicate', site: parsed.data };
  return { sites: [...list, parsed.data].sort() };
}

/**
 * "Pause on this site" from the popup: on an active site it adds the site
 * (without its `www.`, so the whole site pauses); on a paused one it removes
 * every entry that covers the host, so the toggle always flips.
 */
export function togglePausedSite(list: readonly string[], host: string): string[] {
  if (isSiteDisabled(host, list)) return list.filter((site) => !isSiteDisabled(host, [site]));
  return [...list, host.toLowerCase().replace(/^www\./, '')].sort();
}
