/** A page's address and canonical link, and the key its notes are filed under (lib/url/canonical-url.ts). */
export interface PageKey {
  url: string;
  canonicalHref: string | null;
  canonicalUrl: string;
}

/** Where the background leaves the key it computed for the page session it is about to load (the content-script world's global). */
export const PAGE_KEY_SEED = '__cecotLensPageKey';

/** A seed as the background left it, or null for anything else. */
export function readPageKey(value: unknown): PageKey | null {
  if (typeof value !== 'object' || value === null) return null;
  const k = value as Record<string, unknown>;
  if (typeof k.url !== 'string' || typeof k.canonicalUrl !== 'string') return null;
  // Chromium's executeScript drops a null property from its arguments: a missing link is no link.
  const href = k.canonicalHref ?? null;
  if (href !== null && typeof href !== 'string') return null;
  return { url: k.url, canonicalHref: href, canonicalUrl: k.canonicalUrl };
}
