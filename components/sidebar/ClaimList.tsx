import { useEffect, useRef } from 'preact/hooks';
import type { Claim, CrossAssessment, Source } from '../../lib/dataset/schema';
import type { PageClaim } from '../../lib/page/page-report';
import { DatasetMatch } from './DatasetMatch';
import { RelationBadge } from './RelationBadge';
import { useT } from '../i18n';

interface Props {
  claims: PageClaim[];
  datasetClaims: Map<string, Claim>;
  sources: Map<string, Source>;
  /** Cross-claim assessments by the claim ids they concern. */
  assessmentsByClaim: Map<string, CrossAssessment[]>;
  focusKey: string | null;
  focusSeq: number;
  onShow: (claim: PageClaim) => void;
  /** Opens the add-to-dataset form for a claim found on the page. */
  onAddToDataset?: (claim: PageClaim) => void;
}

export function ClaimList({ claims, datasetClaims, sources, assessmentsByClaim, focusKey, focusSeq, onShow, onAddToDataset }: Props) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focusKey) return;
    const item = list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`);
    item?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    item?.focus({ preventScroll: true });
  }, [focusKey, focusSeq]);
  if (!claims.length) return <p class="empty">No claims match these filters.</p>;
  return (
    <ol class="claims" ref={list} aria-label="Claims on this page">
      {claims.map((c) => (
        <li key={c.key} data-key={c.key} data-relation={c.relation} tabIndex={-1} class={`claim claim-${c.relation}${c.key === focusKey ? ' focused' : ''}`} data-testid="sidebar-claim">
          <div class="claim-head">
            <RelationBadge relation={c.relation} />
            {c.annotationIds.length > 0 && <span class="pill">annotated</span>}
            <button type="button" class="link" onClick={() => onShow(c)} aria-label={`Show on page: ${c.text.slice(0, 80)}`}>
              Show on page
            </button>
            {onAddToDataset && (
              <button type="button" class="link" onClick={() => onAddToDataset(c)} data-testid="claim-add-to-dataset">
                {t('dataset.addToDataset')}
              </button>
            )}
          </div>
          <p class="page-text">{c.text}</p>
          {c.matches.map((m) => (
            // The claim's own badge already says it when there is a single match of the same relation.
            <DatasetMatch key={m.claimId} match={m} claim={datasetClaims.get(m.claimId)} sources={sources} assessments={assessmentsByClaim.get(m.claimId) ?? []} showRelation={c.matches.length > 1 || m.relation !== c.relation} />
          ))}
        </li>
      ))}
    </ol>
  );
}
