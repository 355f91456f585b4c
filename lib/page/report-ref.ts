import type { PageAnalysis } from '../messages/protocol';
import { toPageClaims } from './build-report';
import type { PageClaim, PageReport } from './page-report';

/**
 * A page's report by reference: the background already holds the analysis it sent the page, so the
 * page sends back only what it added (which notes overlap which claim), not the claims again
 * (on a 20,000-word page, over a megabyte to serialise, validate and store a second time).
 */

/** The background no longer holds that analysis (its service worker restarted): the page sends its claims instead. */
export const ANALYSIS_GONE = 'the background no longer holds this analysis; send the claims';

/** The notes each claim overlaps, by claim key; claims with none are left out. */
export function claimNotesOf(claims: readonly Pick<PageClaim, 'key' | 'annotationIds'>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of claims) if (c.annotationIds.length) out[c.key] = [...c.annotationIds];
  return out;
}

/** The full report: the claims of the analysis the background sent (as the page placed them), with the page's notes on them. */
export function reportFromReference(report: PageReport, analysis: PageAnalysis, claimNotes: Record<string, string[]>): PageReport {
  const claims = analysis.topic.onTopic ? toPageClaims(analysis) : [];
  for (const c of claims) c.annotationIds = Object.hasOwn(claimNotes, c.key) ? [...(claimNotes[c.key] as string[])] : [];
  return { ...report, claims };
}
