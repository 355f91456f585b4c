import type { Annotation, Verdict } from '../annotations/schema';
import type { ExportContext } from './context';
import { pageTitle } from './context';
import { isWebUrl } from './url-safety';

/**
 * schema.org ClaimReview JSON-LD, one per annotation that carries a verdict,
 * for fact-checkers who publish their reviews (Google's Fact Check tools read
 * this markup).
 *
 * Google requires `claimReviewed`, `reviewRating` (with `alternateName`) and
 * `url`, and recommends `author`, `datePublished`, `itemReviewed` (a Claim with
 * `author`, `datePublished`, `appearance` / `firstAppearance`) and the Rating's
 * `bestRating`, `worstRating`, `ratingValue`, `name`. The annotations supply
 * everything except what only the publishing fact-checker knows:
 * `USER_SUPPLIED_CLAIMREVIEW_FIELDS`, taken as options.
 */
export const USER_SUPPLIED_CLAIMREVIEW_FIELDS = [
  {
    option: 'reviewUrl',
    property: 'url',
    required: true,
    why: 'the address of the published fact-check article; Google requires it, on the same domain as the page that carries the markup',
  },
  {
    option: 'author',
    property: 'author',
    required: true,
    why: 'the organisation or person publishing the fact check (name, and its site URL); Google recommends it and readers need it',
  },
] as const;

export interface ClaimReviewOptions {
  /** URL of the published review of this annotation (required by Google). */
  reviewUrl: string | ((annotation: Annotation) => string);
  /** The fact-checker publishing the review. */
  author: { type: 'Organization' | 'Person'; name: string; url?: string };
  /** Publication date of the review (ISO date); defaults to the export date. */
  datePublished?: string;
}

/**
 * How verdicts map to a numeric scale: 1 (worst) … 5 (best), documented here as
 * Google asks of any numeric rating. `unverified` has no place on a truth scale
 * and gets no number; its text rating still says what it is.
 */
export const VERDICT_RATING_SCALE: Record<Verdict, { label: string; value: number | null }> = {
  inaccurate: { label: 'Inaccurate', value: 1 },
  misleading: { label: 'Misleading', value: 2 },
  disputed: { label: 'Disputed', value: 3 },
  accurate: { label: 'Accurate', value: 5 },
  unverified: { label: 'Unverified', value: null },
};

export interface ClaimReviewJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  /** What the page claimed: the quote the reader highlighted. */
  claimReviewed: string;
  /** The fact-checker's note. */
  reviewBody?: string;
  datePublished: string;
  author: { '@type': 'Organization' | 'Person'; name: string; url?: string };
  reviewRating: {
    '@type': 'Rating';
    alternateName: string;
    name: string;
    ratingValue?: number;
    bestRating: number;
    worstRating: number;
  };
  itemReviewed: {
    '@type': 'Claim';
    /** The page's byline (a Person) or its publication (an Organization), from the page's metadata. */
    author?: { '@type': 'Organization' | 'Person'; name: string };
    datePublished?: string;
    appearance: { '@type': 'CreativeWork'; url: string; headline?: string; publisher?: { '@type': 'Organization'; name: string } };
  };
  /** The curated dataset's statements the reader linked, as the evidence cited. */
  citation?: Array<{ '@type': 'CreativeWork'; text: string; isPartOf: { '@type': 'Dataset'; name: string; version: string } }>;
}

/** Something to look at before publishing, named by page and quote (a catalog renders it). */
export interface ClaimReviewWarning {
  code: 'claim-too-long' | 'no-claim-date' | 'no-claim-author';
  page: string;
  quote: string;
  /** For claim-too-long: the summary's length. */
  length?: number;
}

export interface ClaimReviewExport {
  reviews: ClaimReviewJsonLd[];
  warnings: ClaimReviewWarning[];
}

export class ClaimReviewOptionsError extends Error {
  override readonly name = 'ClaimReviewOptionsError';
}

/** Google suggests a claim summary under this many characters. */
export const CLAIM_SUMMARY_SUGGESTED_MAX = 75;

export function toClaimReviews(
  annotations: readonly Annotation[],
  ctx: ExportContext,
  options: ClaimReviewOptions,
): ClaimReviewExport {
  if (options.author.name.trim() === '') throw new ClaimReviewOptionsError('author.name: the fact-checker publishing the review is required');
  if (options.author.url !== undefined && !isWebUrl(options.author.url)) throw new ClaimReviewOptionsError('author.url: must be an http(s) URL');
  const reviews: ClaimReviewJsonLd[] = [];
  const warnings: ClaimReviewWarning[] = [];
  for (const a of annotations) {
    if (a.deletedAt !== null || a.verdict === null) continue;
    const url = typeof options.reviewUrl === 'function' ? options.reviewUrl(a) : options.reviewUrl;
    if (!isWebUrl(url)) throw new ClaimReviewOptionsError(`reviewUrl for the note on “${shorten(a.quote, 60)}”: must be an http(s) URL (got ${JSON.stringify(url)})`);

    const title = pageTitle(a, ctx.pages);
    const named = { page: title, quote: shorten(collapse(a.quote), 80) };
    // What the page said, in its own words: the dataset's neutral statement is evidence, not the claim.
    const claimReviewed = collapse(a.quote);
    if (claimReviewed.length > CLAIM_SUMMARY_SUGGESTED_MAX) warnings.push({ code: 'claim-too-long', ...named, length: claimReviewed.length });
    const rating = VERDICT_RATING_SCALE[a.verdict];
    const page = ctx.pages?.(a.canonicalUrl);
    // Who made the claim: the page's byline, else its publication; never a host name.
    const byline = a.byline?.trim();
    const publisher = a.publisher?.trim();
    const claimAuthor =
      byline ? { '@type': 'Person' as const, name: byline } : publisher ? { '@type': 'Organization' as const, name: publisher } : undefined;
    if (claimAuthor === undefined) warnings.push({ code: 'no-claim-author', ...named });
    const claimDate = isoDate(page?.published ?? undefined);
    if (claimDate === undefined) warnings.push({ code: 'no-claim-date', ...named });
    const evidence = a.claims
      .map((c) => ctx.claims?.(c.claimId)?.statement)
      .filter((s): s is string => s !== undefined)
      .map((text) => ({ '@type': 'CreativeWork' as const, text, isPartOf: { '@type': 'Dataset' as const, name: ctx.dataset.id, version: ctx.dataset.version } }));
    const note = a.note.trim();

    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url,
      claimReviewed,
      ...(note !== '' ? { reviewBody: note } : {}),
      datePublished: options.datePublished ?? ctx.exportedAt.slice(0, 10),
      author: {
        '@type': options.author.type,
        name: options.author.name,
        ...(options.author.url !== undefined ? { url: options.author.url } : {}),
      },
      reviewRating: {
        '@type': 'Rating',
        alternateName: rating.label,
        name: rating.label,
        ...(rating.value !== null ? { ratingValue: rating.value } : {}),
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(claimAuthor !== undefined ? { author: claimAuthor } : {}),
        ...(claimDate !== undefined ? { datePublished: claimDate } : {}),
        appearance: {
          '@type': 'CreativeWork',
          url: a.canonicalUrl,
          ...(title !== a.canonicalUrl ? { headline: title } : {}),
          ...(publisher ? { publisher: { '@type': 'Organization' as const, name: publisher } } : {}),
        },
      },
      ...(evidence.length > 0 ? { citation: evidence } : {}),
    });
  }
  return { reviews, warnings };
}

/** A warning in plain English (tests, logs); the interface renders its own, in the reader's language. */
export function describeClaimReviewWarning(w: ClaimReviewWarning): string {
  const where = `“${w.quote}” on ${w.page}`;
  switch (w.code) {
    case 'claim-too-long':
      return `${where}: the claim is ${w.length} characters; Google suggests under ${CLAIM_SUMMARY_SUGGESTED_MAX}`;
    case 'no-claim-author':
      return `${where}: the page names no publisher or author, so the claim has no author`;
    case 'no-claim-date':
      return `${where}: no publication date for the page, so the claim has no date`;
  }
}

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export function exportClaimReviewJson(annotations: readonly Annotation[], ctx: ExportContext, options: ClaimReviewOptions): string {
  return JSON.stringify(toClaimReviews(annotations, ctx, options).reviews, null, 2) + '\n';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The date part of an ISO date or date-time; undefined for phrases like "first half of 2024". */
function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value);
  return m?.[1];
}
