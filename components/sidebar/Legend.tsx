import type { MessageKey } from '../../lib/i18n';
import { RELATION_NAME_KEY } from '../../lib/page/card-text';
import type { ClaimRelation } from '../../lib/page/page-report';
import { useT } from '../i18n';

const MEANING: Record<ClaimRelation, MessageKey> = {
  conflicts: 'matching.meanConflicts',
  'repeats-error': 'matching.meanRepeatsError',
  agrees: 'matching.meanAgrees',
  related: 'matching.meanRelated',
  unmatched: 'matching.meanUnmatched',
};

export function Legend({ counts }: { counts: Record<ClaimRelation, number> }) {
  const t = useT();
  return (
    <ul class="legend" aria-label={t('matching.legendLabel')}>
      {(Object.keys(MEANING) as ClaimRelation[]).map((r) => (
        <li key={r}>
          <span class={`swatch swatch-${r}`} aria-hidden="true">
            Aa
          </span>
          <span>
            <strong>{t(RELATION_NAME_KEY[r])}</strong> <span class="count">({counts[r]})</span>
            <br />
            <span class="muted">{t(MEANING[r])}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
