import { SitePattern } from './schema';
import { isSiteDisabled } from './site-match';

/**
 * Adds what the reader typed or pasted (a host, or a whole URL) to the list of
 * switched-off sites. Returns the new sorted list, or an error to show.
 */
export function addSite(list: readonly string[], input: string): { sites: string[] } | { error: string } {
  const host = input.trim().replace(/^[a-z]+:\/\//i, '').replace(/^[^@/]*@/, '').replace(/[/?#:].*$/, '');
  const parsed = SitePattern.safeParse(host);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'not a site name' };
  if (list.includes(parsed.data)) return { error: `${parsed.data} is already in the list` };
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
