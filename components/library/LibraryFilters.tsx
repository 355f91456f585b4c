import type { Claim } from '../../lib/dataset/schema';
import { Verdict } from '../../lib/annotations/schema';
import type { Facets, LibraryQuery, LibraryView } from '../../lib/library/query';
import { EMPTY_QUERY } from '../../lib/library/query';
import { formatNumber } from '../../lib/i18n';
import { useI18n } from '../i18n';

interface Props {
  query: LibraryQuery;
  facets: Facets;
  claims: ReadonlyMap<string, Claim>;
  counts: Record<LibraryView, number>;
  onChange(next: LibraryQuery): void;
}

const VIEWS: LibraryView[] = ['notes', 'orphans', 'trash'];

export function LibraryFilters({ query, facets, claims, counts, onChange }: Props) {
  const { t, locale } = useI18n();
  const set = <K extends keyof LibraryQuery>(key: K, value: LibraryQuery[K]) => onChange({ ...query, [key]: value });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const statement = (id: string) => {
    const c = claims.get(id);
    return c ? (locale === 'es' ? c.statementEs : c.statement) : id;
  };
  const filtered = JSON.stringify({ ...query, text: '', view: 'notes', sort: 'date' }) !== JSON.stringify({ ...EMPTY_QUERY });
  return (
    <div class="library-filters">
      <div class="search-row">
        <label class="search">
          <span class="sr-only">{t('library.searchLabel')}</span>
          <input type="search" value={query.text} placeholder={t('library.searchPlaceholder')} onInput={(e) => set('text', value(e))} data-testid="library-search" />
        </label>
        <div class="views" role="group" aria-label={t('library.viewLabel')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={query.view === v} onClick={() => set('view', v)} data-testid={`view-${v}`}>
              {t(`library.view${v === 'notes' ? 'Notes' : v === 'orphans' ? 'Orphans' : 'Trash'}`)} <span class="count">{formatNumber(locale, counts[v])}</span>
            </button>
          ))}
        </div>
      </div>
      <fieldset class="filter-row">
        <legend class="sr-only">{t('library.filtersLabel')}</legend>
        <label>
          <span>{t('library.site')}</span>
          <select value={query.site} onChange={(e) => set('site', value(e))} data-testid="filter-site">
            <option value="">{t('library.anySite')}</option>
            {facets.sites.map((s) => (
              <option key={s.value} value={s.value}>
                {s.value} ({formatNumber(locale, s.count)})
              </option>
            ))}
          </select>
        </label>
        <label class="tag-filter">
          <span>{t('library.tag')}</span>
          <select value={query.tag} onChange={(e) => set('tag', value(e))} data-testid="filter-tag">
            <option value="">{t('library.anyTag')}</option>
            {facets.tags.map((s) => (
              <option key={s.value} value={s.value}>
                {s.value} ({formatNumber(locale, s.count)})
              </option>
            ))}
          </select>
        </label>
        <label class="verdict">
          <span>{t('library.verdict')}</span>
          <select value={query.verdict} onChange={(e) => set('verdict', value(e) as LibraryQuery['verdict'])} data-testid="filter-verdict">
            <option value="">{t('library.anyVerdict')}</option>
            <option value="none">{t('library.noVerdict')}</option>
            {Verdict.options.map((v) => (
              <option key={v} value={v}>
                {t(`library.verdict_${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="wide">
          <span>{t('library.claim')}</span>
          <select value={query.claimId} onChange={(e) => set('claimId', value(e))} data-testid="filter-claim">
            <option value="">{t('library.anyClaim')}</option>
            {facets.claims.map((c) => (
              <option key={c.value} value={c.value}>
                {statement(c.value)} ({formatNumber(locale, c.count)})
              </option>
            ))}
          </select>
        </label>
        <div class="dates" role="group" aria-label={`${t('library.from')} – ${t('library.to')}`}>
          <label>
            <span>{t('library.from')}</span>
            <input type="date" value={query.from} max={query.to || undefined} onInput={(e) => set('from', value(e))} data-testid="filter-from" />
          </label>
          <label>
            <span>{t('library.to')}</span>
            <input type="date" value={query.to} min={query.from || undefined} onInput={(e) => set('to', value(e))} data-testid="filter-to" />
          </label>
        </div>
        <label class="check">
          <input type="checkbox" checked={query.conflicts} onChange={(e) => set('conflicts', (e.currentTarget as HTMLInputElement).checked)} data-testid="filter-conflicts" />
          <span>{t('library.conflictsOnly')}</span>
        </label>
        <label class="sort">
          <span>{t('library.sort')}</span>
          <select value={query.sort} onChange={(e) => set('sort', value(e) as LibraryQuery['sort'])} data-testid="sort">
            <option value="date">{t('library.sortDate')}</option>
            <option value="page">{t('library.sortPage')}</option>
            <option value="relevance" disabled={!query.text.trim()}>
              {t('library.sortRelevance')}
            </option>
          </select>
        </label>
        {filtered && (
          <button type="button" class="link-button" onClick={() => onChange({ ...EMPTY_QUERY, text: query.text, view: query.view, sort: query.sort })}>
            {t('library.clearFilters')}
          </button>
        )}
      </fieldset>
    </div>
  );
}
