import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import {
  ClaimReviewOptionsError,
  USER_SUPPLIED_CLAIMREVIEW_FIELDS,
  VERDICT_RATING_SCALE,
  describeClaimReviewWarning,
  toClaimReviews,
  type ClaimReviewJsonLd,
  type ClaimReviewOptions,
} from '../../lib/exchange/to-claimreview';
import { ctx, makeAnnotation } from './exchange-fixtures';

const options: ClaimReviewOptions = {
  reviewUrl: (a) => `https://factcheck.example.org/reviews/${a.id}`,
  author: { type: 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org/' },
};

/**
 * Google's ClaimReview documentation (Search Central, "Fact check"): required
 * and recommended properties, per object, as this test checks them.
 */
const GOOGLE = {
  ClaimReview: { required: ['claimReviewed', 'reviewRating', 'url'], recommended: ['author', 'datePublished', 'itemReviewed'] },
  Rating: { required: ['alternateName'], recommended: ['bestRating', 'name', 'ratingValue', 'worstRating'] },
  Claim: { required: [], recommended: ['appearance', 'author', 'datePublished'] },
  Author: { required: [], recommended: ['name', 'url'] },
} as const;

function missing(review: ClaimReviewJsonLd): { required: string[]; recommended: string[] } {
  const out = { required: [] as string[], recommended: [] as string[] };
  const check = (obj: object | undefined, spec: { required: readonly string[]; recommended: readonly string[] }, where: string) => {
    for (const k of spec.required) if (obj === undefined || !(k in obj)) out.required.push(`${where}.${k}`);
    for (const k of spec.recommended) if (obj === undefined || !(k in obj)) out.recommended.push(`${where}.${k}`);
  };
  check(review, GOOGLE.ClaimReview, 'ClaimReview');
  check(review.reviewRating, GOOGLE.Rating, 'reviewRating');
  check(review.itemReviewed, GOOGLE.Claim, 'itemReviewed');
  check(review.author, GOOGLE.Author, 'author');
  return out;
}

const onPage = (overrides: Parameters<typeof makeAnnotation>[0]) =>
  makeAnnotation({ publisher: 'Diario Ejemplo', byline: 'Ana Pérez', title: 'Inside the mega-prison', canonicalUrl: 'https://example.org/untitled', url: 'https://example.org/untitled', ...overrides });

describe('ClaimReview a fact-check publisher can post', () => {
  it('rates what the page said, carries the note, credits the page, cites the dataset', () => {
    const a = onPage({ verdict: 'misleading', quote: 'can hold 40,000 inmates', note: 'Design capacity, never verified.', claims: [{ claimId: 'cecot.capacity.40000', relation: 'agrees' }] });
    const { reviews, warnings } = toClaimReviews([a], ctx, options);
    expect(reviews).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: `https://factcheck.example.org/reviews/${a.id}`,
        claimReviewed: 'can hold 40,000 inmates',
        reviewBody: 'Design capacity, never verified.',
        datePublished: '2025-04-01',
        author: { '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org/' },
        reviewRating: { '@type': 'Rating', alternateName: 'Misleading', name: 'Misleading', ratingValue: 2, bestRating: 5, worstRating: 1 },
        itemReviewed: {
          '@type': 'Claim',
          author: { '@type': 'Person', name: 'Ana Pérez' },
          datePublished: '2025-03-18',
          appearance: { '@type': 'CreativeWork', url: 'https://example.org/untitled', headline: 'Inside the mega-prison', publisher: { '@type': 'Organization', name: 'Diario Ejemplo' } },
        },
        citation: [{ '@type': 'CreativeWork', text: 'CECOT can hold 40,000 inmates.', isPartOf: { '@type': 'Dataset', name: 'cecot-2025', version: '2025.03.30' } }],
      },
    ]);
    expect(warnings).toEqual([]);
    expect(missing(reviews[0]!)).toEqual({ required: [], recommended: [] });
    const required = Object.values(GOOGLE).reduce((n, o) => n + o.required.length, 0);
    const recommended = Object.values(GOOGLE).reduce((n, o) => n + o.recommended.length, 0);
    // The figures for the report.
    console.log('ClaimReview vs Google', JSON.stringify({ required: `${required}/${required}`, recommended: `${recommended}/${recommended}` }));
  });

  it('one review per live annotation with a verdict', () => {
    const { reviews } = toClaimReviews([onPage({ verdict: 'accurate' }), onPage({}), onPage({ verdict: 'accurate', deletedAt: '2025-03-22T00:00:00.000Z', revision: 2 })], ctx, options);
    expect(reviews).toHaveLength(1);
  });

  it('the publication is the claim author when the page gives no byline; never the host name', () => {
    const a = onPage({ verdict: 'accurate', byline: undefined });
    expect(toClaimReviews([a], ctx, options).reviews[0]!.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Diario Ejemplo' });
    const bare = makeAnnotation({ verdict: 'accurate', quote: 'CECOT holds 12,000 people' });
    const { reviews, warnings } = toClaimReviews([bare], ctx, options);
    expect(reviews[0]!.itemReviewed.author).toBeUndefined();
    expect(JSON.stringify(reviews[0])).not.toContain('elfaro.net"');
    // Warnings name the page and the quote, not an id.
    expect(warnings.map(describeClaimReviewWarning)).toEqual([
      '“CECOT holds 12,000 people” on CECOT: la cárcel: the page names no publisher or author, so the claim has no author',
      '“CECOT holds 12,000 people” on CECOT: la cárcel: no publication date for the page, so the claim has no date',
    ]);
    expect(warnings.map(describeClaimReviewWarning).join(' ')).not.toContain(bare.id);
  });

  it('warns when the claim is longer than Google suggests', () => {
    const a = onPage({ verdict: 'disputed', quote: 'x'.repeat(90) });
    expect(toClaimReviews([a], ctx, options).warnings).toContainEqual(expect.objectContaining({ code: 'claim-too-long', length: 90, page: 'Inside the mega-prison' }));
  });

  it('gives "unverified" no number on the truth scale', () => {
    const { reviews } = toClaimReviews([onPage({ verdict: 'unverified' })], ctx, options);
    expect(reviews[0]!.reviewRating.ratingValue).toBeUndefined();
    expect(reviews[0]!.reviewRating.alternateName).toBe('Unverified');
    expect(Object.values(VERDICT_RATING_SCALE).every((s) => s.value === null || (s.value >= 1 && s.value <= 5))).toBe(true);
  });

  it('requires the fields only the fact-checker can supply', () => {
    expect(USER_SUPPLIED_CLAIMREVIEW_FIELDS.map((f) => f.property)).toEqual(['url', 'author']);
    const a = onPage({ verdict: 'accurate' });
    expect(() => toClaimReviews([a], ctx, { ...options, reviewUrl: 'not a url' })).toThrow(ClaimReviewOptionsError);
    expect(() => toClaimReviews([a], ctx, { ...options, reviewUrl: 'javascript:alert(1)' })).toThrow(ClaimReviewOptionsError);
    expect(() => toClaimReviews([a], ctx, { ...options, author: { type: 'Organization', name: ' ' } })).toThrow(/author.name/);
  });

  it('expands with a JSON-LD processor without dropping a term (schema.org vocabulary served locally)', async () => {
    // schema.org's context maps every term into its vocabulary; served here as that
    // mapping (plus `url` as an IRI) so the test needs no network.
    const schemaContext = { '@context': { '@vocab': 'http://schema.org/', url: { '@id': 'http://schema.org/url', '@type': '@id' } } };
    const documentLoader = async (url: string) => {
      if (url === 'https://schema.org' || url === 'https://schema.org/') return { contextUrl: null, documentUrl: url, document: schemaContext };
      throw new Error(`no network in tests: ${url}`);
    };
    const { reviews } = toClaimReviews([onPage({ verdict: 'misleading', note: 'n', claims: [{ claimId: 'cecot.capacity.40000' }] })], ctx, options);
    const expanded = await jsonld.expand(reviews[0], { documentLoader, safe: true, base: null });
    const text = JSON.stringify(expanded);
    for (const term of ['claimReviewed', 'reviewBody', 'reviewRating', 'alternateName', 'itemReviewed', 'appearance', 'citation', 'isPartOf', 'publisher']) {
      expect(text).toContain(`"http://schema.org/${term}"`);
    }
    expect(text).toContain('"@id":"https://example.org/untitled"');
  });
});
