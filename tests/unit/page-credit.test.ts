import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPageCredit } from '../../lib/page/page-credit';

const doc = (head: string, body = '') => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

describe('page publisher and byline from the page metadata', () => {
  it('reads og:site_name and the author meta', () => {
    expect(readPageCredit(doc('<meta property="og:site_name" content="Diario  Ejemplo"><meta name="author" content="Ana Pérez">'))).toEqual({ publisher: 'Diario Ejemplo', byline: 'Ana Pérez' });
  });
  it('falls back to JSON-LD publisher and authors, and ignores broken JSON-LD', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'El Medio' }, author: [{ name: 'Luis Gómez' }, { name: 'Marta Ruiz' }] });
    expect(readPageCredit(doc(`<script type="application/ld+json">{not json</script><script type="application/ld+json">${ld}</script>`))).toEqual({ publisher: 'El Medio', byline: 'Luis Gómez, Marta Ruiz' });
  });
  it('a profile URL is not a name, and a page with nothing gives nothing (never the host)', () => {
    expect(readPageCredit(doc('<meta property="article:author" content="https://social.example/ana">'))).toEqual({});
    expect(readPageCredit(doc('', '<a rel="author" href="/ana">Ana Pérez</a>'))).toEqual({ byline: 'Ana Pérez' });
  });
});
