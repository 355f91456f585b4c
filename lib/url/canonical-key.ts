/*
 * Canonical URLs as keys for the reader's notes, without the Public Suffix List.
 */
import { isAmpParam, stripAmpPath, unwrapAmpViewerUrl } from './amp';
import { isTrackingParam } from './tracking-params';

export type CanonicalUrlErrorReason = 'invalid-url' | 'unsupported-scheme';

/** The page URL cannot key annotations: unparsable, or not http(s). */
export class CanonicalUrlError extends Error {
  override readonly name = 'CanonicalUrlError';

  constructor(
    readonly reason: CanonicalUrlErrorReason,
    readonly url: string,
  ) {
    super(
      reason === 'invalid-url'
        ? `Not a valid URL: ${JSON.stringify(url)}`
        : `Only http(s) pages can be annotated, not ${JSON.stringify(url)}`,
    );
  }
}

/** Whether two host names belong to one site. */
export type SameSite = (hostA: string, hostB: string) => boolean;

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function parsePageUrl(pageUrl: string): URL {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    throw new CanonicalUrlError('invalid-url', pageUrl);
  }
  if (!isHttp(url)) throw new CanonicalUrlError('unsupported-scheme', pageUrl);
  return url;
}

/**
 * The page's `<link rel=canonical>` target if it may stand for the page:
 * http(s), on the same registrable domain (a hostile page must not file its
 * notes under another site), and not the bare site root (a common CMS
 * misconfiguration that would pour every article's notes into one key).
 */
function acceptableCanonical(page: URL, canonicalHref: string | null | undefined, isSameSite: SameSite): URL | undefined {
  const href = canonicalHref?.trim();
  if (!href) return undefined;
  let canonical: URL;
  try {
    canonical = new URL(href, page);
  } catch {
    return undefined;
  }
  if (!isHttp(canonical) || !isSameSite(canonical.hostname, page.hostname)) return undefined;
  if (canonical.pathname === '/' && page.pathname !== '/') return undefined;
  // A page served over https declaring an http canonical is a stale CMS
  // setting, not a request to downgrade.
  if (page.protocol === 'https:' && canonical.protocol === 'http:') canonical.protocol = 'https:';
  return canonical;
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Query without tracking and AMP parameters, sorted by name. Pairs are kept
 * byte-for-byte (not re-encoded through URLSearchParams, which would turn
 * `%20` into `+` and change what some servers see).
 */
function cleanQuery(search: string): string {
  if (search === '' || search === '?') return '';
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
      return { pair, name: decodeName(rawName), value: decodeName(rawValue) };
    })
    .filter(({ name, value }) => !isTrackingParam(name) && !isAmpParam(name, value));
  // Array.prototype.sort is stable: repeated names keep their relative order,
  // which matters for servers reading `?tag=a&tag=b` as a list.
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.length === 0 ? '' : `?${pairs.map(({ pair }) => pair).join('&')}`;
}

/**
 * Fragments are dropped (they scroll, they do not select content), except
 * `#!` "hashbang" routes, which on old single-page sites are the article's
 * address. Text fragments (`:~:text=`) are always dropped.
 */
function cleanFragment(hash: string): string {
  if (!hash.startsWith('#!')) return '';
  return hash.replace(/:~:.*$/, '');
}

/**
 * The key a page's annotations are filed under.
 *
 * - Prefers `canonicalHref` (the page's `<link rel=canonical>`, resolved
 *   against the page URL) when it is http(s), on the same registrable domain
 *   (www./m./amp. and other subdomains of the site are allowed) and not just
 *   the site root.
 * - Unwraps Google AMP cache / AMP viewer URLs to the publisher's URL and
 *   maps AMP variants (`/amp/`, `.amp`, `?amp=1`, `outputType=amp`) to the
 *   article URL.
 * - Removes tracking parameters (utm_*, fbclid, gclid, mc_cid, ...), sorts the
 *   remaining ones, drops the fragment, credentials, default port and a
 *   trailing dot on the host; the host is lower-cased.
 * - Keeps the host otherwise as is: `www.` and `m.` are NOT stripped, as they
 *   may be different servers; those variants are merged only when the page
 *   itself names the canonical URL.
 *
 * `isSameSite` decides whether the canonical link is on the page's site: the
 * Public Suffix List in `canonicalUrl` (./canonical-url.ts); this module does
 * not import it, so that the every-page script can use it without the list.
 *
 * Throws CanonicalUrlError for an unparsable or non-http(s) page URL: such
 * pages (file:, about:, extension pages) are not annotated.
 */
export function canonicalKey(pageUrl: string, canonicalHref: string | null | undefined, isSameSite: SameSite): string {
  const page = parsePageUrl(pageUrl);
  const article = unwrapAmpViewerUrl(page) ?? page;
  const chosen = new URL((acceptableCanonical(article, canonicalHref, isSameSite) ?? article).href);

  chosen.username = '';
  chosen.password = '';
  chosen.hostname = chosen.hostname.replace(/\.$/, '');
  chosen.pathname = stripAmpPath(chosen.pathname);
  chosen.search = cleanQuery(chosen.search);
  chosen.hash = cleanFragment(chosen.hash);
  return chosen.href;
}

/**
 * Every key the page could be filed under, for a lookup that cannot afford the
 * Public Suffix List (the every-page gate): the key without the canonical link
 * and the key with it, whatever its site. The background, which has the list,
 * decides which one is right; checking both means no page with notes is missed.
 */
export function canonicalKeyCandidates(pageUrl: string, canonicalHref: string | null | undefined): string[] {
  const own = canonicalKey(pageUrl, null, () => false);
  // Without a link both keys are the same one: spare the every-page script a second parse.
  if (!canonicalHref?.trim()) return [own];
  const linked = canonicalKey(pageUrl, canonicalHref, () => true);
  return own === linked ? [own] : [own, linked];
}
