import type { ClaimRelation, PageClaim } from './page-report';
import { foldForSearch } from './fold-search';

export interface ClaimFilter {
  relations: ReadonlySet<ClaimRelation>;
  annotatedOnly: boolean;
  query: string;
}

export const ALL_RELATIONS: readonly ClaimRelation[] = ['conflicts', 'repeats-error', 'agrees', 'related', 'unmatched'];

/**
 * The claims the sidebar lists. The search matches the page's sentence and the
 * matched dataset statements, ignoring case and accents, so "carcel" finds "cárcel".
 */
export function filterClaims(claims: readonly PageClaim[], filter: ClaimFilter): PageClaim[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  return claims.filter((c) => {
    if (!filter.relations.has(c.relation)) return false;
    if (filter.annotatedOnly && c.annotationIds.length === 0) return false;
    if (!words.length) return true;
    const hay = foldForSearch([c.text, ...c.matches.map((m) => m.statement)].join(' '));
    return words.every((w) => hay.includes(w));
  });
}
