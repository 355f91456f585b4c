import { canonicalUrl } from '../../lib/url/canonical-url';

/** The key the reader's notes on this page are filed under: its canonical URL, or the URL itself when it has none we accept. */
export function pageCanonicalUrl(doc: Document, url: string): string {
  try {
    return canonicalUrl(url, doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  } catch {
    return url;
  }
}
