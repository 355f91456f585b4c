import type { Claim } from '../dataset/schema';

/** The program that wrote an export. */
export interface GeneratorInfo {
  name: string;
  version: string;
}

/** The curated dataset the annotations' claim links refer to. */
export interface DatasetRef {
  id: string;
  version: string;
}

/** What an export needs to know about a dataset claim an annotation links to. */
export interface ClaimInfo {
  statement: string;
  /** Who makes the claim, as the dataset records it. */
  claimant?: { type: string; name?: string };
  /** The date the claim refers to or was made, when the dataset has one. */
  date?: string | null;
}

export type ClaimLookup = (claimId: string) => ClaimInfo | undefined;

/** What an export may know about a page beyond the annotation itself. */
export interface PageInfo {
  title?: string;
  /** Publication date of the article, ISO 8601, when known. */
  published?: string | null;
}

export type PageLookup = (canonicalUrl: string) => PageInfo | undefined;

/**
 * Everything an export depends on besides the annotations. Passing the time in
 * (rather than reading the clock) keeps every export a pure function.
 */
export interface ExportContext {
  /** ISO 8601 time of the export. */
  exportedAt: string;
  generator: GeneratorInfo;
  dataset: DatasetRef;
  claims?: ClaimLookup;
  pages?: PageLookup;
}

/** Builds a claim lookup from the dataset's claims. */
export function claimLookupFromDataset(claims: readonly Claim[]): ClaimLookup {
  const byId = new Map<string, ClaimInfo>();
  for (const claim of claims) {
    byId.set(claim.id, {
      statement: claim.statement,
      claimant: { type: claim.claimant.type, ...(claim.claimant.name ? { name: claim.claimant.name } : {}) },
      date: claim.date,
    });
  }
  return (id) => byId.get(id);
}

/** The title to show for an annotation's page: its own, the page lookup's, or the URL. */
export function pageTitle(annotation: { title: string; canonicalUrl: string }, pages?: PageLookup): string {
  if (annotation.title.trim() !== '') return annotation.title;
  const looked = pages?.(annotation.canonicalUrl)?.title;
  if (looked !== undefined && looked.trim() !== '') return looked;
  return annotation.canonicalUrl;
}
