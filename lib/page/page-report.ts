import { ExplainDetail } from '../match/explain-schema';
import { z } from '../schema/zod';
import { FoundReview, MAX_REVIEWS } from '../dataset/claimreview';
import { SourceCheck } from '../dataset/source-check';

/**
 * How a claim found on the page stands against the dataset; `unmatched` is
 * "not in dataset", `repeats-error` "agrees with what the curator flagged as
 * an error or an inconsistency".
 */
export const ClaimRelation = z.enum(['agrees', 'conflicts', 'related', 'repeats-error', 'unmatched']);
export type ClaimRelation = z.infer<typeof ClaimRelation>;
export const MatchRelation = z.enum(['agrees', 'conflicts', 'related', 'repeats-error']);

export const PageMatch = z.object({
  claimId: z.string(),
  statement: z.string(),
  /** The dataset statement in Spanish (absent in reports from before it was added). */
  statementEs: z.string().optional(),
  relation: MatchRelation,
  score: z.number(),
  explanation: z.string(),
});
export type PageMatch = z.infer<typeof PageMatch>;

/** One thing claimed inside a page sentence, with its own span (offsets into the main text) and relation. */
export const PagePart = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  kind: z.enum(['count', 'money', 'percent', 'duration', 'quantity', 'year', 'date', 'title', 'law', 'name', 'event', 'statement']),
  relation: MatchRelation,
  claimId: z.string(),
  slot: z.string().optional(),
  page: z.string().optional(),
  dataset: z.string().optional(),
  explanation: z.string(),
  detail: ExplainDetail,
  flagged: z.enum(['erroneous', 'inconsistent']).optional(),
});
export type PagePart = z.infer<typeof PagePart>;

export const PageClaim = z.object({
  /** Stable within one analysis of a page: the claim's offsets. */
  key: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  checkWorthiness: z.number().min(0).max(1),
  relation: ClaimRelation,
  matches: z.array(PageMatch),
  /** The things the sentence claims, each highlighted and listed on its own. */
  parts: z.array(PagePart).default([]),
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
/** A topic reason as data (lib/topic/recognize.ts), worded by the sidebar in the reader's language. */
const Label = { label: z.string().max(300), labelEs: z.string().max(300).optional() };
export const TopicReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('term'), verb: z.enum(['names', 'mentions']), ...Label, count: z.number().int().nonnegative(), inTitle: z.boolean() }),
  z.object({ kind: z.literal('combo'), ...Label }),
  z.object({ kind: z.literal('negative'), ...Label }),
]);

export const PageReport = z.object({
  url: z.string(),
  canonicalUrl: z.string(),
  title: z.string(),
  language: z.string(),
  status: PageStatus,
  error: z.string().optional(),
  topic: z.object({ onTopic: z.boolean(), score: z.number(), reasons: z.array(z.string()), reasonParts: z.array(TopicReason).optional() }),
  claims: z.array(PageClaim),
  anchoring: AnchoringReport,
  analyzedAt: z.string(),
  /** Fact-checks the page publishes as ClaimReview JSON-LD (lib/dataset/claimreview.ts). */
  claimReviews: z.array(FoundReview).max(MAX_REVIEWS).default([]),
  /** The reader's dataset claims that quote this page, and whether each quote is still on it. */
  sourceChecks: z.array(SourceCheck).max(500).default([]),
});
export type PageReport = z.infer<typeof PageReport>;

export { relationOf, countByRelation } from './relation';
