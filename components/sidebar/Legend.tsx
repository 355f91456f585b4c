import type { ClaimRelation } from '../../lib/page/page-report';
import { RELATION_NAME } from './RelationBadge';

const MEANING: Record<ClaimRelation, string> = {
  agrees: 'same subject, compatible value',
  conflicts: 'same subject, another value',
  related: 'same subject, nothing to compare',
  'repeats-error': 'says what the curator flagged as an error',
  unmatched: 'checkable, not covered by the dataset',
};

export function Legend({ counts }: { counts: Record<ClaimRelation, number> }) {
  return (
    <ul class="legend" aria-label="Highlight legend">
      {(Object.keys(MEANING) as ClaimRelation[]).map((r) => (
        <li key={r}>
          <span class={`swatch swatch-${r}`} aria-hidden="true">
            Aa
          </span>
          <span>
            <strong>{RELATION_NAME[r]}</strong> <span class="count">({counts[r]})</span>
            <br />
            <span class="muted">{MEANING[r]}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
