import { z } from '../schema/zod';
import { FoundReview, MAX_REVIEWS } from '../dataset/claimreview';
import { SourceCheck } from '../dataset/source-check';

/** How a claim found on the page stands against the dataset; `unmatched` is "not in dataset". */
export const ClaimRelation = z.enum(['agrees', 'conflicts', 'related', 'unmatched']);
export type ClaimRelation = z.infer<typeof ClaimRelation>;

export const PageMatch = z.object({
  claimId: z.string(),
  statement: z.string(),
  relation: z.enum(['agrees', 'conflicts', 'related']),
  score: z.number(),
  explanation: z.string(),
});
export type PageMatch = z.infer<typeof PageMatch>;

export const PageClaim = z.object({
  /** Stable within one analysis of a page: the claim's offsets. */
  key: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  checkWorthiness: z.number().min(0).max(1),
  relation: ClaimRelation,
  matches: z.array(PageMatch),
  /** Reader annotations whose text overlaps this claim. */
  annotationIds: z.array(z.string()).default([]),
});
export type PageClaim = z.infer<typeof PageClaim>;

export const PageStatus = z.enum(['analyzing', 'on-topic', 'off-topic', 'paused', 'error']);
export type PageStatus = z.infer<typeof PageStatus>;

/** An annotation's fate on this visit: drawn on the page, or listed as an orphan with its quote and note. */
export const AnchoringReport = z.object({
  attached: z.array(z.string()),
  orphans: z.array(z.string()),
});

/**
 * What the content script found on a tab, as the sidebar and the popup show it.
 * All of its strings come from the page: UI renders them as text, never as HTML.
 */
export const PageReport = z.object({
  url: z.string(),
  canonicalUrl: z.string(),
  title: z.string(),
  language: z.string(),
  status: PageStatus,
  error: z.string().optional(),
  topic: z.object({ onTopic: z.boolean(), score: z.number(), reasons: z.array(z.string()) }),
  claims: z.array(PageClaim),
  anchoring: AnchoringReport,
  analyzedAt: z.string(),
  /** Fact-checks the page publishes as ClaimReview JSON-LD (lib/dataset/claimreview.ts). */
  claimReviews: z.array(FoundReview).max(MAX_REVIEWS).default([]),
  /** The reader's dataset claims that quote this page, and whether each quote is still on it. */
  sourceChecks: z.array(SourceCheck).max(500).default([]),
});
export type PageReport = z.infer<typeof PageReport>;

/** The relation a claim is shown with: the strongest of its matches. A conflict outranks agreement. */
export function relationOf(matches: readonly Pick<PageMatch, 'relation'>[]): ClaimRelation {
  if (matches.some((m) => m.relation === 'conflicts')) return 'conflicts';
  if (matches.some((m) => m.relation === 'agrees')) return 'agrees';
  if (matches.length > 0) return 'related';
  return 'unmatched';
}

export function countByRelation(claims: readonly Pick<PageClaim, 'relation'>[]): Record<ClaimRelation, number> {
  const counts: Record<ClaimRelation, number> = { agrees: 0, conflicts: 0, related: 0, unmatched: 0 };
  for (const c of claims) counts[c.relation] += 1;
  return counts;
}
