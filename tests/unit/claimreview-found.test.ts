import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findClaimReviews, jsonLdTexts, MAX_REVIEWS, reviewToClaim } from '../../lib/dataset/claimreview';
import { UserClaim } from '../../lib/dataset/layer-schema';

const PAGE = 'https://checker.example/2026/claim-about-capacity';
const review = (over: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: '/2026/claim-about-capacity#review',
  claimReviewed: 'The prison holds 100,000 inmates.',
  author: { '@type': 'Organization', name: 'Checker' },
  datePublished: '2026-11-02',
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, alternateName: 'False' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A spokesperson' }, datePublished: '2026-10-30', appearance: [{ '@type': 'CreativeWork', url: 'https://video.example/v/1' }] },
  ...over,
});

describe('ClaimReview on pages', () => {
  it('reads a review alone, in arrays, in @graph and in a DataFeed, with @type as a list', () => {
    const found = findClaimReviews(
      [
        JSON.stringify(review()),
        JSON.stringify([{ '@type': 'WebPage' }, review({ claimReviewed: 'Second claim.', '@type': ['CreativeWork', 'ClaimReview'] })]),
        JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle' }, review({ claimReviewed: 'Third claim.', reviewRating: { ratingValue: 2, bestRating: 5 } })] }),
        JSON.stringify({ '@type': 'DataFeed', dataFeedElement: [{ '@type': 'DataFeedItem', item: review({ claimReviewed: 'Fourth claim.' }) }] }),
      ],
      PAGE,
    );
    expect(found.map((r) => r.claimReviewed)).toEqual(['The prison holds 100,000 inmates.', 'Second claim.', 'Third claim.', 'Fourth claim.']);
    expect(found[0]).toEqual({
      url: 'https://checker.example/2026/claim-about-capacity#review',
      claimReviewed: 'The prison holds 100,000 inmates.',
      publisher: 'Checker',
      rating: 'False',
      datePublished: '2026-11-02',
      claimant: 'A spokesperson',
      claimDate: '2026-10-30',
      appearance: 'https://video.example/v/1',
    });
    expect(found[2]!.rating).toBe('2 / 5');
  });

  it('survives hostile input: malformed JSON, deep nesting, huge blocks, javascript: URLs, floods', () => {
    let deep: unknown = review();
    for (let i = 0; i < 500; i++) deep = { '@graph': [deep] };
    const flood = JSON.stringify(Array.from({ length: 500 }, (_, i) => review({ claimReviewed: `Claim ${i}.` })));
    const found = findClaimReviews(
      ['{oops', JSON.stringify(deep), 'x'.repeat(600_000), JSON.stringify(review({ url: 'javascript:alert(1)', claimReviewed: '<img src=x onerror=alert(1)>' })), JSON.stringify(review({ claimReviewed: 42 })), flood],
      PAGE,
    );
    expect(found.length).toBe(MAX_REVIEWS);
    expect(found[0]).toMatchObject({ url: PAGE, claimReviewed: '<img src=x onerror=alert(1)>' });
    expect(found.every((r) => r.claimReviewed.length <= 2000)).toBe(true);
  });

  it('finds the blocks in a document and turns a review into a valid dataset claim with its rating and URL as the source', () => {
    const { document } = parseHTML(`<html><head><script type="application/ld+json">${JSON.stringify(review())}</script><script>var x = 1;</script></head><body><p>Text.</p></body></html>`);
    const [found] = findClaimReviews(jsonLdTexts(document as unknown as Document), PAGE);
    const claim = reviewToClaim(found!, new Date('2026-12-01T00:00:00Z'));
    expect(UserClaim.parse(claim)).toEqual(claim);
    expect(claim.webSources[0]).toMatchObject({ url: 'https://checker.example/2026/claim-about-capacity#review', publisher: 'Checker', rating: 'False' });
    expect(claim.assessment.note).toContain('"False"');
    expect(reviewToClaim(found!, new Date()).id).toBe(claim.id);
  });

  it('a review added to the dataset carries its note in English and Spanish', async () => {
    const { reviewToBilingualClaim } = await import('../../lib/dataset/reader-notes');
    const { document } = parseHTML(`<html><head><script type="application/ld+json">${JSON.stringify(review())}</script></head><body></body></html>`);
    const [found] = findClaimReviews(jsonLdTexts(document as unknown as Document), PAGE);
    const claim = reviewToBilingualClaim(found!, new Date('2026-12-01T00:00:00Z'));
    expect(UserClaim.parse(claim)).toEqual(claim);
    expect(claim.assessment).toMatchObject({ note: 'Checker rated this claim “False”.', noteEs: 'Checker calificó esta afirmación como «False».' });
    expect(reviewToBilingualClaim({ ...found!, publisher: '', rating: undefined } as never, new Date()).assessment).toMatchObject({ note: 'A fact-checker reviewed this claim.', noteEs: 'Un verificador de datos revisó esta afirmación.' });
  });
});
