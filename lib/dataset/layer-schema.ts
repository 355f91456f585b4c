import { z } from '../schema/zod';
import { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';
import { Claim, Claimant, ClaimAssessment, CrossAssessment, Entity, Quantity, Subject, Terms } from './schema';
import { LayerId, UserTerm } from './user-term';

// In a module of their own, so that the page session (which validates the reader's terms) is built without
// the dataset's schemas; re-exported here, where the rest of the layer's schema lives.
export { LayerId, UserTerm } from './user-term';

/**
 * The reader's own layer over the bundled dataset: every addition, correction,
 * retirement, assessment and recognition term is one record, never an edit of
 * the bundled tables. A new bundled version replaces those tables and leaves
 * this layer alone; `applyLayer` (layer.ts) puts the two together.
 *
 * Records carry the same merge fields as annotations (revision, updatedAt,
 * deviceId, deletedAt) so that two devices' layers merge with the same total
 * order (layer-merge.ts).
 */

/** The page a change was made from: the "from which page" of every change. */
export const ChangeOrigin = z.object({
  url: z.string().url().max(10_000),
  title: z.string().max(2_000).default(''),
});
export type ChangeOrigin = z.infer<typeof ChangeOrigin>;

/**
 * A web page a user claim rests on: its canonical URL and title, the quote
 * (W3C selectors on the page's text) when the claim quotes it, and when it was
 * read. A fact-check found in the wild also keeps its publisher and rating.
 */
export const WebSource = z.object({
  url: z.string().url().max(10_000),
  title: z.string().max(2_000).default(''),
  seenAt: z.string().datetime(),
  quote: TextQuoteSelector.optional(),
  position: TextPositionSelector.optional(),
  publisher: z.string().max(500).optional(),
  /** A ClaimReview's rating as the publisher wrote it ("False", "Engañoso"). */
  rating: z.string().max(500).optional(),
});
export type WebSource = z.infer<typeof WebSource>;

/**
 * The typed value of a user claim. `quantity` is the dataset's own shape (count,
 * money… through the subject's unit); the others are kept as a small separate
 * union so that they map onto the typed facts of the claim schema when those land.
 */
export const UserValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quantity'), quantity: Quantity }),
  z.object({ kind: z.literal('year'), year: z.number().int().min(1000).max(3000) }),
  z.object({ kind: z.literal('date'), date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date is YYYY-MM or YYYY-MM-DD') }),
  z.object({ kind: z.literal('title'), title: z.string().min(1).max(500) }),
]);
export type UserValue = z.infer<typeof UserValue>;

/** A claim the reader adds: the bundled claim's fields, with web pages as its sources. */
export const UserClaim = Claim.omit({ sources: true, quantity: true }).extend({
  value: UserValue.optional(),
  webSources: z.array(WebSource).min(1),
});
export type UserClaim = z.infer<typeof UserClaim>;

/** The fields a correction may change; anything left out keeps the claim's own value. */
export const ClaimPatch = z
  .object({
    statement: z.string().min(1),
    statementEs: z.string().min(1),
    subject: z.string().min(1),
    quantity: Quantity,
    entities: z.array(Entity),
    claimant: Claimant,
    date: z.string().nullable(),
    terms: Terms,
    assessment: ClaimAssessment,
    /** More sources for the claim (a claim can carry several). */
    addSources: z.array(WebSource),
  })
  .partial();
export type ClaimPatch = z.infer<typeof ClaimPatch>;


const Common = {
  /** The record's own id: `<kind>:<target>`, one record per thing changed. */
  id: z.string().min(3).max(260),
  target: LayerId,
  revision: z.number().int().nonnegative(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  deviceId: z.string().min(1).max(200),
  /** Set when the reader withdrew the change (an added claim deleted, a correction undone); kept for sync. */
  deletedAt: z.string().datetime().nullable().default(null),
  origin: ChangeOrigin.nullable().default(null),
  /** The bundled dataset version the change was made against (to report a claim that later disappeared). */
  baseVersion: z.string().max(100).nullable().default(null),
};

export const LayerChange = z.discriminatedUnion('kind', [
  z.object({ ...Common, kind: z.literal('claim'), claim: UserClaim }),
  z.object({ ...Common, kind: z.literal('subject'), subject: Subject }),
  z.object({ ...Common, kind: z.literal('correction'), patch: ClaimPatch, reason: z.string().max(5_000).default('') }),
  z.object({ ...Common, kind: z.literal('retirement'), retired: z.boolean(), reason: z.string().max(5_000).default('') }),
  z.object({ ...Common, kind: z.literal('assessment'), assessment: CrossAssessment }),
  z.object({ ...Common, kind: z.literal('term'), term: UserTerm }),
]);
export type LayerChange = z.infer<typeof LayerChange>;
export type LayerKind = LayerChange['kind'];

export function changeId(kind: LayerKind, target: string): string {
  return `${kind}:${target}`;
}

/** A change as an extension page asks for it; the background adds when, which install and the bundled version. */
export const LayerEdit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), claim: UserClaim }),
  z.object({ kind: z.literal('subject'), subject: Subject }),
  z.object({ kind: z.literal('correction'), target: LayerId, patch: ClaimPatch, reason: z.string().max(5_000).default('') }),
  z.object({ kind: z.literal('retirement'), target: LayerId, retired: z.boolean(), reason: z.string().max(5_000).default('') }),
  z.object({ kind: z.literal('assessment'), assessment: CrossAssessment }),
  z.object({ kind: z.literal('term'), term: UserTerm }),
]);
export type LayerEdit = z.infer<typeof LayerEdit>;
