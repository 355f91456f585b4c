import { useEffect, useRef, useState } from 'preact/hooks';
import type { Claim, CrossAssessment, Source } from '../../lib/dataset/schema';
import { RELATION_LABEL_KEY, relationRank } from '../../lib/page/card-text';
import type { ClaimRelation, PageClaim } from '../../lib/page/page-report';
import { useT } from '../i18n';
import { DatasetMatch } from './DatasetMatch';
import { RelationBadge } from './RelationBadge';

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

/** Conflicts and repeated errors first; long groups show their first few sentences, the rest on request. */
const GROUP_ORDER: ClaimRelation[] = ['conflicts', 'repeats-error', 'agrees', 'related', 'unmatched'];
const GROUP_VISIBLE = 6;

export function ClaimList({ claims, datasetClaims, sources, assessmentsByClaim, focusKey, focusSeq, onShow, onAddToDataset }: Props) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<Set<ClaimRelation>>(new Set());
  useEffect(() => {
    if (!focusKey) return;
    const item = list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`);
    item?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    item?.focus({ preventScroll: true });
  }, [focusKey, focusSeq]);
  if (!claims.length) return <p class="empty">{t('matching.noClaimsMatch')}</p>;
  const groups = GROUP_ORDER.map((relation) => ({ relation, items: claims.filter((c) => c.relation === relation) })).filter((g) => g.items.length);
  return (
    <div class="claim-groups" ref={list}>
      {groups.map(({ relation, items }) => {
        // A sentence the reader asked for is never hidden behind "show more".
        const open = expanded.has(relation) || items.length <= GROUP_VISIBLE + 1 || items.slice(GROUP_VISIBLE).some((c) => c.key === focusKey);
        const shown = open ? items : items.slice(0, GROUP_VISIBLE);
        return (
          <section key={relation} class={`claim-group group-${relation}`} aria-label={t(RELATION_LABEL_KEY[relation])}>
            <h3 class="group-heading">{t('matching.groupHeading', { label: t(RELATION_LABEL_KEY[relation]), count: items.length })}</h3>
            <ol class="claims">
              {shown.map((c) => (
                <ClaimRow key={c.key} claim={c} focused={c.key === focusKey} datasetClaims={datasetClaims} sources={sources} assessmentsByClaim={assessmentsByClaim} onShow={onShow} onAddToDataset={onAddToDataset} />
              ))}
            </ol>
            {!open && (
              <button type="button" class="link more" onClick={() => setExpanded(new Set([...expanded, relation]))}>
                {t('matching.showMore', { count: items.length - GROUP_VISIBLE })}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}

function ClaimRow({
  claim: c,
  focused,
  datasetClaims,
  sources,
  assessmentsByClaim,
  onShow,
  onAddToDataset,
}: { claim: PageClaim; focused: boolean } & Pick<Props, 'datasetClaims' | 'sources' | 'assessmentsByClaim' | 'onShow' | 'onAddToDataset'>) {
  const t = useT();
  const parts = [...c.parts].sort((a, b) => relationRank(a.relation) - relationRank(b.relation) || a.start - b.start);
  const inParts = new Set(parts.map((p) => p.claimId));
  const others = c.matches.filter((m) => !inParts.has(m.claimId));
  return (
    <li data-key={c.key} data-relation={c.relation} data-parts={c.parts.length} tabIndex={-1} class={`claim claim-${c.relation}${focused ? ' focused' : ''}`} data-testid="sidebar-claim">
      <div class="claim-head">
        <RelationBadge relation={c.relation} />
        {c.annotationIds.length > 0 && <span class="pill">{t('matching.annotated')}</span>}
        <span class="claim-actions">
          <button type="button" class="link" onClick={() => onShow(c)} aria-label={t('matching.showOnPageLabel', { text: c.text.slice(0, 80) })}>
            {t('matching.showOnPage')}
          </button>
          {onAddToDataset && (
            <button type="button" class="link" onClick={() => onAddToDataset(c)} data-testid="claim-add-to-dataset">
              {t('dataset.addToDataset')}
            </button>
          )}
        </span>
      </div>
      <p class="page-text">
        <MarkedText claim={c} />
      </p>
      {parts.length > 1 && <p class="parts-count muted">{t('matching.partsInSentence', { count: parts.length })}</p>}
      {parts.map((p) => {
        const m = c.matches.find((x) => x.claimId === p.claimId);
        if (!m) return null;
        return (
          <div class="part-row" data-testid="claim-part" data-relation={p.relation} data-kind={p.kind} key={`${p.claimId}-${p.start}`}>
            <DatasetMatch match={m} part={p} claim={datasetClaims.get(p.claimId)} sources={sources} assessments={assessmentsByClaim.get(p.claimId) ?? []} showRelation={parts.length > 1 || p.relation !== c.relation} />
          </div>
        );
      })}
      {parts.length === 0 &&
        others.map((m) => (
          <DatasetMatch key={m.claimId} match={m} claim={datasetClaims.get(m.claimId)} sources={sources} assessments={assessmentsByClaim.get(m.claimId) ?? []} showRelation={others.length > 1 || m.relation !== c.relation} />
        ))}
      {parts.length > 0 && others.length > 0 && (
        <details class="other-matches">
          <summary>
            {t('matching.otherMatches')} ({others.length})
          </summary>
          {others.map((m) => (
            <DatasetMatch key={m.claimId} match={m} claim={datasetClaims.get(m.claimId)} sources={sources} assessments={assessmentsByClaim.get(m.claimId) ?? []} showRelation />
          ))}
        </details>
      )}
    </li>
  );
}

/** The sentence with each part marked in its relation's style; page text stays text. */
function MarkedText({ claim: c }: { claim: PageClaim }) {
  if (!c.parts.length) return <>{c.text}</>;
  const out: preact.ComponentChildren[] = [];
  let at = c.start;
  for (const p of [...c.parts].sort((a, b) => a.start - b.start)) {
    if (p.start < at || p.end > c.end) continue;
    if (p.start > at) out.push(c.text.slice(at - c.start, p.start - c.start));
    out.push(
      <mark key={p.start} class={`part-mark mark-${p.relation}`}>
        {c.text.slice(p.start - c.start, p.end - c.start)}
      </mark>,
    );
    at = p.end;
  }
  out.push(c.text.slice(at - c.start));
  return <>{out}</>;
}
