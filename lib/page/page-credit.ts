/**
 * Who published a page and who wrote it, from its own metadata: the
 * publication's name (`og:site_name`, JSON-LD `publisher`) and the byline
 * (`author` meta, JSON-LD `author`, `rel=author`). Used to say who made a
 * claim when a fact-checker exports a ClaimReview; never guessed from the host.
 * Page text is data here: JSON-LD is parsed as JSON, nothing runs.
 */
export interface PageCredit {
  publisher?: string;
  byline?: string;
}

const MAX = 200;

function clean(value: string | null | undefined): string | undefined {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  // A URL is not a name (article:author often holds a profile link).
  if (text === '' || /^https?:\/\//i.test(text)) return undefined;
  return text.length > MAX ? text.slice(0, MAX - 1) + '…' : text;
}

function meta(doc: Document, selector: string): string | undefined {
  return clean(doc.querySelector(selector)?.getAttribute('content'));
}

function names(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'object' && value !== null) {
    const name = (value as Record<string, unknown>)['name'];
    return typeof name === 'string' ? [name] : [];
  }
  return [];
}

function jsonLd(doc: Document): { publisher?: string; byline?: string } {
  const out: { publisher?: string; byline?: string } = {};
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes: unknown[] = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>)['@graph']) ? ((data as Record<string, unknown>)['@graph'] as unknown[]) : [data];
    for (const node of nodes) {
      if (typeof node !== 'object' || node === null) continue;
      const n = node as Record<string, unknown>;
      out.publisher ??= clean(names(n['publisher'])[0]);
      const authors = names(n['author']).map((a) => clean(a)).filter((a): a is string => a !== undefined);
      if (authors.length > 0) out.byline ??= clean(authors.join(', '));
    }
  }
  return out;
}

export function readPageCredit(doc: Document): PageCredit {
  const ld = jsonLd(doc);
  const publisher = meta(doc, 'meta[property="og:site_name"]') ?? ld.publisher ?? meta(doc, 'meta[name="application-name"]');
  const byline =
    meta(doc, 'meta[name="author"]') ??
    ld.byline ??
    meta(doc, 'meta[property="article:author"]') ??
    clean(doc.querySelector('[rel="author"]')?.textContent);
  return { ...(publisher !== undefined ? { publisher } : {}), ...(byline !== undefined ? { byline } : {}) };
}
