import type { ClaimRelation, PageClaim, PageMatch } from './page-report';

// Apart from page-report.ts so that the page session can rank claims without building the report's schemas.

/** The relation a claim is shown with: the strongest of its matches. A conflict outranks a repeated error, which outranks agreement. */
export function relationOf(matches: readonly Pick<PageMatch, 'relation'>[]): ClaimRelation {
  if (matches.some((m) => m.relation === 'conflicts')) return 'conflicts';
  if (matches.some((m) => m.relation === 'repeats-error')) return 'repeats-error';
  if (matches.some((m) => m.relation === 'agrees')) return 'agrees';
  if (matches.length > 0) return 'related';
  return 'unmatched';
}

export function countByRelation(claims: readonly Pick<PageClaim, 'relation'>[]): Record<ClaimRelation, number> {
  const counts: Record<ClaimRelation, number> = { agrees: 0, conflicts: 0, related: 0, 'repeats-error': 0, unmatched: 0 };
  for (const c of claims) counts[c.relation] += 1;
  return counts;
}
