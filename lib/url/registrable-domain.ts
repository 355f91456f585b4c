/**
 * Registrable domain ("site") of a host name, without the Public Suffix List.
 *
 * The full list is ~250 kB and changes monthly; the extension only needs to
 * answer "may this page's canonical link point at that host?", so a short
 * heuristic is used: the last two labels, or three under a two-letter country
 * code with a generic second level (bbc.co.uk, presidencia.gob.sv), and one
 * more under hosting platforms where every subdomain belongs to a different
 * owner (someone.github.io must not speak for someone-else.github.io).
 * Limitation: exotic public suffixes not covered here fall back to the
 * two-label rule, which can only make the check *looser* for them.
 */

/** Second-level labels under a ccTLD that are public (co.uk, com.sv, gob.sv...). */
const GENERIC_SECOND_LEVEL = new Set([
  'ac', 'co', 'com', 'edu', 'gob', 'gov', 'gouv', 'mil', 'net', 'nom', 'or', 'org', 'ne', 'go', 'ltd', 'plc', 'sch', 'info', 'biz',
]);

/** Multi-tenant hosting suffixes: each subdomain is a separate site. */
const SHARED_HOSTING_SUFFIXES = [
  'github.io', 'gitlab.io', 'blogspot.com', 'wordpress.com', 'substack.com', 'medium.com',
  'tumblr.com', 'wixsite.com', 'weebly.com', 'netlify.app', 'vercel.app', 'pages.dev',
  'web.app', 'firebaseapp.com', 'appspot.com', 'herokuapp.com', 'glitch.me', 'neocities.org',
  's3.amazonaws.com', 'azurewebsites.net', 'cloudfront.net', 'fly.dev', 'onrender.com',
];

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[') || host.includes(':');
}

export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isIpAddress(host)) return host;
  for (const suffix of SHARED_HOSTING_SUFFIXES) {
    if (host === suffix) return host;
    if (host.endsWith(`.${suffix}`)) {
      const owner = host.slice(0, -suffix.length - 1).split('.').pop();
      return `${owner}.${suffix}`;
    }
  }
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const keep = tld.length === 2 && GENERIC_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** True when both hosts belong to the same registrable domain. */
export function sameSite(hostA: string, hostB: string): boolean {
  return registrableDomain(hostA) === registrableDomain(hostB);
}
