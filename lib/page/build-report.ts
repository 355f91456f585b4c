import type { PageAnalysis } from '../messages/protocol';
import type { PageClaim, PageReport, PageStatus } from './page-report';
import { relationOf } from './relation';

/** A page claim's key: its offsets, stable while the text is. */
export function claimKey(start: number, end: number): string {
  return `${start}-${end}`;
}

export function toPageClaims(analysis: PageAnalysis): PageClaim[] {
  return analysis.claims.map((c) => ({
    key: claimKey(c.start, c.end),
    text: c.text,
    start: c.start,
    end: c.end,
    checkWorthiness: c.checkWorthiness,
    relation: relationOf(c.matches),
    matches: c.matches,
    parts: c.parts ?? [],
    annotationIds: [],
  }));
}

export interface ReportInput {
  url: string;
  canonicalUrl: string;
  title: string;
  status: PageStatus;
  analysis: PageAnalysis | null;
  claims: PageClaim[];
  attached: string[];
  orphans: string[];
  error?: string;
  now: Date;
  claimReviews?: PageReport['claimReviews'];
  sourceChecks?: PageReport['sourceChecks'];
}

export function buildReport(input: ReportInput): PageReport {
  return {
    url: input.url,
    canonicalUrl: input.canonicalUrl,
    title: input.analysis?.title || input.title,
    language: input.analysis?.language ?? '',
    status: input.status,
    ...(input.error ? { error: input.error } : {}),
    topic: input.analysis?.topic ?? { onTopic: false, score: 0, reasons: [], reasonParts: [] },
    claims: input.claims,
    anchoring: { attached: input.attached, orphans: input.orphans },
    analyzedAt: input.now.toISOString(),
    claimReviews: input.claimReviews ?? [],
    sourceChecks: input.sourceChecks ?? [],
  };
}
