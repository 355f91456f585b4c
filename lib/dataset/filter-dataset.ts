import { foldText } from '../text/fold';
import type { ClaimStatus, EffectiveClaim } from './layer';

export interface DatasetFilter {
  query: string;
  subject: string;
  status: ClaimStatus | '';
  /** A bundled source id, 'web' for claims resting on pages the reader added, or '' for any. */
  source: string;
}

/** The Dataset page's filters: subject, status, source and a search over statements, subject and sources. */
export function filterDataset(claims: readonly EffectiveClaim[], f: DatasetFilter): EffectiveClaim[] {
  const words = foldText(f.query).split(/\s+/).filter(Boolean);
  return claims.filter((c) => {
    if (f.subject && c.subject !== f.subject) return false;
    if (f.status && c.layer.status !== f.status) return false;
    if (f.source === 'web' && !c.webSources?.length) return false;
    if (f.source && f.source !== 'web' && !c.sources.some((s) => s.sourceId === f.source)) return false;
    if (!words.length) return true;
    const hay = foldText([c.id, c.statement, c.statementEs, c.subject, ...c.sources.map((s) => s.quote.exact), ...(c.webSources ?? []).flatMap((s) => [s.url, s.title, s.quote?.exact ?? ''])].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

export function countByStatus(claims: readonly EffectiveClaim[]): Record<ClaimStatus, number> {
  const out: Record<ClaimStatus, number> = { bundled: 0, added: 0, changed: 0, retired: 0 };
  for (const c of claims) out[c.layer.status] += 1;
  return out;
}
