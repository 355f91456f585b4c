import { describe, expect, it } from 'vitest';
import {
  ClaimReviewOptionsError,
  USER_SUPPLIED_CLAIMREVIEW_FIELDS,
  VERDICT_RATING_SCALE,
  toClaimReviews,
  type ClaimReviewOptions,
} from '../../lib/exchange/to-claimreview';
import { ctx, makeAnnotation } from './exchange-fixtures';

const options: ClaimReviewOptions = {
  reviewUrl: (a) => `https://factcheck.example.org/reviews/${a.id}`,
  author: { type: 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org/' },
};

describe('ClaimReview export', () => {
  it('writes one ClaimReview per live annotation with a verdict', () => {
    const withVerdict = makeAnnotation({ verdict: 'misleading', claims: [{ claimId: 'cecot.capacity.40000', relation: 'conflicts' }] });
    const noVerdict = makeAnnotation();
    const deleted = makeAnnotation({ verdict: 'accurate', deletedAt: '2025-03-22T00:00:00.000Z', revision: 2 });
    const { reviews } = toClaimReviews([withVerdict, noVerdict, deleted], ctx, options);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://factcheck.example.org/reviews/${withVerdict.id}`,
      claimReviewed: 'CECOT can hold 40,000 inmates.',
      datePublished: '2025-04-01',
      author: { '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org/' },
      reviewRating: { '@type': 'Rating', alternateName: 'Misleading', name: 'Misleading', ratingValue: 2, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'Government of El Salvador' },
        datePublished: '2023-02-01',
        appearance: { '@type': 'CreativeWork', url: withVerdict.canonicalUrl, headline: withVerdict.title },
      },
    });
  });

  it('has every property Google requires, and the recommended ones it can fill', () => {
    const { reviews } = toClaimReviews([makeAnnotation({ verdict: 'inaccurate' })], ctx, options);
    const r = reviews[0]!;
    for (const required of ['claimReviewed', 'reviewRating', 'url'] as const) expect(r[required]).toBeTruthy();
    expect(r.reviewRating.alternateName).toBeTruthy();
    for (const recommended of ['author', 'datePublished', 'itemReviewed'] as const) expect(r[recommended]).toBeTruthy();
    expect(r.itemReviewed.appearance.url).toBeTruthy();
  });

  it('without a linked claim, summarises with the quote and names the site as the claim author', () => {
    const a = makeAnnotation({ verdict: 'accurate', quote: '  CECOT   holds\n12,000 people ' });
    const { reviews, warnings } = toClaimReviews([a], ctx, { ...options, reviewUrl: 'https://factcheck.example.org/r', datePublished: '2025-05-01' });
    expect(reviews[0]!.claimReviewed).toBe('CECOT holds 12,000 people');
    expect(reviews[0]!.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'elfaro.net' });
    expect(reviews[0]!.datePublished).toBe('2025-05-01');
    expect(warnings).toContain(`annotation ${a.id}: no date for the claim (itemReviewed.datePublished)`);
  });

  it('warns when the claim summary is longer than Google suggests', () => {
    const a = makeAnnotation({ verdict: 'disputed', quote: 'x'.repeat(90) });
    expect(toClaimReviews([a], ctx, options).warnings.some((w) => w.includes('90 characters'))).toBe(true);
  });

  it('gives "unverified" no number on the truth scale', () => {
    const { reviews } = toClaimReviews([makeAnnotation({ verdict: 'unverified' })], ctx, options);
    expect(reviews[0]!.reviewRating.ratingValue).toBeUndefined();
    expect(reviews[0]!.reviewRating.alternateName).toBe('Unverified');
    expect(Object.values(VERDICT_RATING_SCALE).every((s) => s.value === null || (s.value >= 1 && s.value <= 5))).toBe(true);
  });

  it('requires the fields only the fact-checker can supply', () => {
    expect(USER_SUPPLIED_CLAIMREVIEW_FIELDS.map((f) => f.property)).toEqual(['url', 'author']);
    const a = makeAnnotation({ verdict: 'accurate' });
    expect(() => toClaimReviews([a], ctx, { ...options, reviewUrl: 'not a url' })).toThrow(ClaimReviewOptionsError);
    expect(() => toClaimReviews([a], ctx, { ...options, reviewUrl: 'javascript:alert(1)' })).toThrow(ClaimReviewOptionsError);
    expect(() => toClaimReviews([a], ctx, { ...options, author: { type: 'Organization', name: ' ' } })).toThrow(/author.name/);
  });
});
