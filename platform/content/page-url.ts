import { PAGE_KEY_SEED, readPageKey, type PageKey } from '../../lib/page/page-key';
import { ask } from '../messaging';
import { timedAsync } from './timeline';

/**
 * The key the reader's notes on this page are filed under: its canonical URL, or the URL itself when
 * it has none we accept. The background judges the canonical link with the Public Suffix List, and
 * hands the session the key of the page it loaded it into; a later address or canonical link (a
 * single-page app's next view) is asked for once and remembered.
 */
export class PageKeys {
  private known: PageKey[] = [];
  private asking = new Map<string, Promise<string>>();

  constructor() {
    const g = globalThis as Record<string, unknown>;
    const seed = readPageKey(g[PAGE_KEY_SEED]);
    delete g[PAGE_KEY_SEED];
    if (seed) this.known.push(seed);
  }

  /** The key, when this address and canonical link were seen before. */
  cached(doc: Document, url: string): string | null {
    const href = canonicalHref(doc);
    return this.known.find((k) => k.url === url && k.canonicalHref === href)?.canonicalUrl ?? null;
  }

  async of(doc: Document, url: string): Promise<string> {
    const hit = this.cached(doc, url);
    if (hit !== null) return hit;
    const href = canonicalHref(doc);
    // One question for the start's notes and its first pass, which both want it at once.
    const id = `${href ?? ''} ${url}`;
    let asking = this.asking.get(id);
    if (!asking) {
      asking = timedAsync('page-key', () => ask({ type: 'page/key', url, canonicalHref: href })).then(
        (r) => r.canonicalUrl,
        () => url,
      );
      this.asking.set(id, asking);
    }
    const canonicalUrl = await asking;
    this.asking.delete(id);
    if (this.cached(doc, url) === null) this.known = [{ url, canonicalHref: href, canonicalUrl }, ...this.known].slice(0, 8);
    return canonicalUrl;
  }
}

function canonicalHref(doc: Document): string | null {
  return doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
}
