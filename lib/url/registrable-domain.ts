import { getDomain } from 'tldts';

/**
 * Registrable domain ("site") of a host name, from the Public Suffix List
 * through `tldts`, private section included: every subdomain of workers.dev,
 * github.io or blogspot.com is its own site, so one cannot speak for another.
 * A hand-made list missed such suffixes and was looser exactly where a hostile
 * page needs it to be. IP addresses and names the list cannot place (a bare
 * public suffix, `localhost`) are their own site.
 *
 * The list is ~140 kB minified: it runs in the background and the page
 * session, never in the small script that runs on every page.
 */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return getDomain(host, { allowPrivateDomains: true, validateHostname: false }) ?? host;
}

/** True when both hosts belong to the same registrable domain. */
export function sameSite(hostA: string, hostB: string): boolean {
  return registrableDomain(hostA) === registrableDomain(hostB);
}
