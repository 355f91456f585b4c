import type { Annotation, Verdict } from '../annotations/schema';
import type { ExportContext } from './context';
import { pageTitle } from './context';
import { hostOf, isWebUrl } from './url-safety';

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
  claimReviewed: string;
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
    author?: { '@type': 'Organization' | 'Person'; name: string };
    datePublished?: string;
    appearance: { '@type': 'CreativeWork'; url: string; headline?: string };
  };
}

export interface ClaimReviewExport {
  reviews: ClaimReviewJsonLd[];
  /** Things a fact-checker should look at before publishing (e.g. a claim summary longer than Google's 75 characters). */
  warnings: string[];
}

export class ClaimReviewOptionsError extends Error {
  override readonly name = 'ClaimReviewOptionsError';
}

export function toClaimReviews(
  annotations: readonly Annotation[],
  ctx: ExportContext,
  options: ClaimReviewOptions,
): ClaimReviewExport {
  if (options.author.name.trim() === '') throw new ClaimReviewOptionsError('author.name: the fact-checker publishing the review is required');
  if (options.author.url !== undefined && !isWebUrl(options.author.url)) throw new ClaimReviewOptionsError('author.url: must be an http(s) URL');
  const reviews: ClaimReviewJsonLd[] = [];
  const warnings: string[] = [];
  for (const a of annotations) {
    if (a.deletedAt !== null || a.verdict === null) continue;
    const url = typeof options.reviewUrl === 'function' ? options.reviewUrl(a) : options.reviewUrl;
    if (!isWebUrl(url)) throw new ClaimReviewOptionsError(`reviewUrl for annotation ${a.id}: must be an http(s) URL (got ${JSON.stringify(url)})`);

    // The claim as the dataset words it is the best summary; without a link, the quote itself.
    const linked = a.claims.map((c) => ({ link: c, info: ctx.claims?.(c.claimId) })).find((c) => c.info !== undefined);
    const claimReviewed = collapse(linked?.info?.statement ?? a.quote);
    if (claimReviewed.length > 75) {
      warnings.push(`annotation ${a.id}: claimReviewed is ${claimReviewed.length} characters; Google suggests under 75`);
    }
    const rating = VERDICT_RATING_SCALE[a.verdict];
    const page = ctx.pages?.(a.canonicalUrl);
    const claimant = linked?.info?.claimant;
    const claimAuthor =
      claimant?.name !== undefined && claimant.name.trim() !== ''
        ? { '@type': claimant.type === 'person' ? ('Person' as const) : ('Organization' as const), name: claimant.name }
        : // A claim the article makes in its own voice is the publication's.
          claimant === undefined || claimant.type === 'article'
          ? { '@type': 'Organization' as const, name: hostOf(a.canonicalUrl).replace(/^www\./, '') }
          : undefined;
    const claimDate = isoDate(linked?.info?.date ?? undefined) ?? isoDate(page?.published ?? undefined);
    const title = pageTitle(a, ctx.pages);

    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url,
      claimReviewed,
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
        ...(claimAuthor !== undefined && claimAuthor.name !== '' ? { author: claimAuthor } : {}),
        ...(claimDate !== undefined ? { datePublished: claimDate } : {}),
        appearance: {
          '@type': 'CreativeWork',
          url: a.canonicalUrl,
          ...(title !== a.canonicalUrl ? { headline: title } : {}),
        },
      },
    });
    if (claimDate === undefined) warnings.push(`annotation ${a.id}: no date for the claim (itemReviewed.datePublished)`);
  }
  return { reviews, warnings };
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
