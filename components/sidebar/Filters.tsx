import type { ClaimFilter } from '../../lib/page/filter-claims';
import { ALL_RELATIONS } from '../../lib/page/filter-claims';
import type { ClaimRelation } from '../../lib/page/page-report';
import { RELATION_NAME_KEY } from '../../lib/page/card-text';
import { useT } from '../i18n';

export function Filters({ filter, onChange, counts }: { filter: ClaimFilter; onChange: (f: ClaimFilter) => void; counts: Record<ClaimRelation, number> }) {
  const t = useT();
  const toggle = (r: ClaimRelation) => {
    const next = new Set(filter.relations);
    if (next.has(r)) next.delete(r);
    else next.add(r);
    onChange({ ...filter, relations: next });
  };
  return (
    <div class="filters" role="group" aria-label={t('sidebar.filterClaims')}>
      <input
        type="search"
        class="search"
        placeholder={t('sidebar.searchClaims')}
        aria-label={t('sidebar.searchClaimsLabel')}
        value={filter.query}
        onInput={(e) => onChange({ ...filter, query: (e.target as HTMLInputElement).value })}
      />
      <div class="chips">
        {ALL_RELATIONS.map((r) => (
          <button key={r} type="button" class={`chip chip-${r}`} aria-pressed={filter.relations.has(r)} onClick={() => toggle(r)}>
            {t('sidebar.chip', { name: t(RELATION_NAME_KEY[r]), count: counts[r] })}
          </button>
        ))}
        <button type="button" class="chip" aria-pressed={filter.annotatedOnly} onClick={() => onChange({ ...filter, annotatedOnly: !filter.annotatedOnly })}>
          {t('sidebar.annotatedOnly')}
        </button>
      </div>
    </div>
  );
}
