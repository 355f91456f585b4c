import { translator } from '../i18n';
import { reviewToClaim, type FoundReview } from './claimreview';
import type { UserClaim } from './layer-schema';

/**
 * The curator's note a claim the reader adds carries, in English and Spanish,
 * so that the sidebar and the Dataset page show it in either interface
 * language (lib/dataset/localize.ts picks `noteEs` in Spanish).
 */
export function addedClaimNotes(source: string): { note: string; noteEs: string } {
  return { note: translator('en')('dataset.noteAddedByReader', { source }), noteEs: translator('es')('dataset.noteAddedByReader', { source }) };
}

function reviewNote(review: FoundReview, locale: 'en' | 'es'): string {
  const t = translator(locale);
  const publisher = review.publisher || t('dataset.aFactChecker');
  return review.rating ? t('dataset.noteReviewRated', { publisher, rating: review.rating }) : t('dataset.noteReviewed', { publisher });
}

/**
 * A found review as a dataset claim, its note in both languages. Kept apart
 * from `reviewToClaim` so that the page session, which parses reviews, does
 * not carry the interface catalogs.
 */
export function reviewToBilingualClaim(review: FoundReview, now: Date): UserClaim {
  const claim = reviewToClaim(review, now);
  return { ...claim, assessment: { ...claim.assessment, note: reviewNote(review, 'en'), noteEs: reviewNote(review, 'es') } };
}
