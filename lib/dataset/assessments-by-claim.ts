import type { CrossAssessment } from './schema';

/** The curator's cross-article notes indexed by each claim they concern. */
export function assessmentsByClaim(assessments: readonly CrossAssessment[]): Map<string, CrossAssessment[]> {
  const byClaim = new Map<string, CrossAssessment[]>();
  for (const a of assessments) for (const id of a.claims) byClaim.set(id, [...(byClaim.get(id) ?? []), a]);
  return byClaim;
}
