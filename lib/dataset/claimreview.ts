import { z } from '../schema/zod';
import type { UserClaim } from './layer-schema';
import type { Subject } from './schema';

/**
 * schema.org ClaimReview, as fact-check pages embed it in
 * `<script type="application/ld+json">` (alone, in an array, inside `@graph`,
 * or in a DataFeed's `dataFeedElement`). The input is the page's: hostile.
 * Every text is length-limited, the walk is bounded in depth and count, and
 * a malformed block is skipped, never thrown.
 */

export const MAX_JSONLD_TEXT = 500_000;
export const MAX_REVIEWS = 50;
const MAX_DEPTH = 8;
const MAX_NODES = 5_000;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** One review found, in the shape the tab report carries and the sidebar shows. */
export const FoundReview = z.object({
  /** The review's own URL (the fact-check article), else the page's. */
  url: z.string().url().max(2_000),
  claimReviewed: Text(2_000),
  publisher: z.string().max(300).default(''),
  /** The publisher's verdict as written ("False", "Engañoso"), else "n / best". */
  rating: z.string().max(300).default(''),
  datePublished: z.string().max(40).optional(),
  claimant: z.string().max(300).optional(),
  claimDate: z.string().max(40).optional(),
  /** Where the claim appeared, when the review says. */
  appearance: z.string().url().max(2_000).optional(),
});
export type FoundReview = z.infer<typeof FoundReview>;

type Node = Record<string, unknown>;

function isType(node: Node, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

function text(v: unknown, max = 2_000): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/\s+/g, ' ').trim();
  return s ? s.slice(0, max) : undefined;
}

function nameOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return nameOf(v[0]);
  if (typeof v === 'string') return text(v, 300);
  if (v && typeof v === 'object') return text((v as Node).name, 300);
  return undefined;
}

function urlOf(v: unknown, base: string): string | undefined {
  if (Array.isArray(v)) return urlOf(v[0], base);
  const raw = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as Node).url : undefined;
  if (typeof raw !== 'string' || raw.length > 2_000) return undefined;
  try {
    const u = new URL(raw, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function ratingOf(v: unknown): string {
  if (!v || typeof v !== 'object') return '';
  const r = (Array.isArray(v) ? v[0] : v) as Node;
  const name = text(r.alternateName, 300) ?? text(r.name, 300);
  if (name) return name;
  const value = text(r.ratingValue, 20);
  const best = text(r.bestRating, 20);
  return value ? (best ? `${value} / ${best}` : value) : '';
}

function toReview(node: Node, pageUrl: string): FoundReview | null {
  const item = (node.itemReviewed && typeof node.itemReviewed === 'object' ? node.itemReviewed : {}) as Node;
  const candidate = {
    url: urlOf(node.url, pageUrl) ?? pageUrl,
    claimReviewed: text(node.claimReviewed) ?? text(item.text) ?? text(item.name),
    publisher: nameOf(node.author) ?? nameOf(node.publisher) ?? '',
    rating: ratingOf(node.reviewRating),
    datePublished: text(node.datePublished, 40),
    claimant: nameOf(item.author),
    claimDate: text(item.datePublished, 40),
    appearance: urlOf(item.appearance, pageUrl) ?? urlOf(item.firstAppearance, pageUrl),
  };
  const parsed = FoundReview.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** Every ClaimReview in the given JSON-LD texts, de-duplicated, at most MAX_REVIEWS. */
export function findClaimReviews(jsonLdTexts: readonly string[], pageUrl: string): FoundReview[] {
  const out: FoundReview[] = [];
  const seen = new Set<string>();
  let nodes = 0;
  const visit = (v: unknown, depth: number): void => {
    if (out.length >= MAX_REVIEWS || depth > MAX_DEPTH || ++nodes > MAX_NODES || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const node = v as Node;
    if (isType(node, 'ClaimReview')) {
      const review = toReview(node, pageUrl);
      const key = review && `${review.url}\n${review.claimReviewed}`;
      if (review && key && !seen.has(key)) {
        seen.add(key);
        out.push(review);
      }
      return;
    }
    for (const key of ['@graph', 'dataFeedElement', 'item', 'mainEntity', 'hasPart', 'review']) if (key in node) visit(node[key], depth + 1);
  };
  for (const raw of jsonLdTexts) {
    if (raw.length > MAX_JSONLD_TEXT) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      continue;
    }
    visit(json, 0);
  }
  return out;
}

/** The JSON-LD blocks of a document (at most 20), for `findClaimReviews`. */
export function jsonLdTexts(doc: Document): string[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].slice(0, 20).map((s) => s.textContent ?? '');
}

/** The subject every claim taken from a fact-check is filed under, created with the first one. */
export const FACT_CHECK_SUBJECT: Subject = {
  key: 'user.fact-checks',
  label: 'Published fact-checks',
  labelEs: 'Verificaciones publicadas',
  kind: 'statement',
  description: 'Claims reviewed by fact-checkers, as their ClaimReview markup gives them.',
  cues: { en: [], es: [] },
  groups: [],
};

function shortHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** A found review as a dataset claim: the reviewed statement, the publisher's rating, the review's URL as its source. */
export function reviewToClaim(review: FoundReview, now: Date): UserClaim {
  const id = `cr-${shortHash(`${review.url}\n${review.claimReviewed}`)}`;
  const note = review.rating
    ? `${review.publisher || 'A fact-checker'} rated this claim "${review.rating}".`
    : `${review.publisher || 'A fact-checker'} reviewed this claim.`;
  return {
    id,
    statement: review.claimReviewed,
    statementEs: review.claimReviewed,
    subject: FACT_CHECK_SUBJECT.key,
    category: 'attribution',
    facts: [],
    entities: [],
    claimant: review.claimant ? { type: 'unidentified', name: review.claimant } : { type: 'unidentified' },
    date: review.claimDate ?? null,
    terms: { en: [review.claimReviewed.slice(0, 200)], es: [] },
    assessment: { status: 'single-source', note, related: [] },
    webSources: [
      {
        url: review.url,
        title: review.publisher,
        seenAt: now.toISOString(),
        ...(review.publisher ? { publisher: review.publisher } : {}),
        ...(review.rating ? { rating: review.rating } : {}),
      },
    ],
  };
}
