import type { Locale } from '../i18n/translate';
import { foldForSearch } from '../page/fold-search';
import type { Claim } from './schema';
import { statementFor } from './localize';

export interface ClaimOption {
  id: string;
  statement: string;
  suggested: boolean;
}

/**
 * The claims a reader may link a note to, for the searchable picker: the
 * claims matched on this page first, then the rest. Every word of the query
 * must appear (case and accents ignored) in the statement in either language,
 * its subject, its id or its matching terms, so that "capacidad" finds a
 * claim while the interface is in English and "40000" finds "40,000".
 */
export function searchClaims(claims: Iterable<Claim>, query: string, locale: Locale, suggested: readonly string[] = []): ClaimOption[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const suggestedSet = new Set(suggested);
  const out: ClaimOption[] = [];
  for (const c of claims) {
    if (words.length) {
      const hay = foldForSearch([c.statement, c.statementEs, c.subject, c.id, ...c.terms.en, ...c.terms.es].join(' ')).replace(/[.,](?=\d)/g, '');
      if (!words.every((w) => hay.includes(w.replace(/[.,](?=\d)/g, '')))) continue;
    }
    out.push({ id: c.id, statement: statementFor(c, locale), suggested: suggestedSet.has(c.id) });
  }
  const order = new Map(suggested.map((id, i) => [id, i]));
  // Suggested first in the page's order; the rest keep the dataset's order.
  return out.sort((a, b) => (a.suggested === b.suggested ? (a.suggested ? order.get(a.id)! - order.get(b.id)! : 0) : a.suggested ? -1 : 1));
}
