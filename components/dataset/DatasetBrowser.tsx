import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { countByStatus, filterDataset, type DatasetFilter } from '../../lib/dataset/filter-dataset';
import type { Source } from '../../lib/dataset/schema';
import type { DatasetView } from '../../lib/messages/protocol';
import { ask } from '../../platform/messaging';
import { loadSettings, updateSettings } from '../../platform/settings-store';
import { useI18n } from '../i18n';
import { ClaimCard } from './ClaimCard';
import { PackSection } from './PackSection';
import { TermsSection } from './TermsSection';
import { AssessmentsSection } from './AssessmentsSection';
import { errorText } from '../error-text';

/** The Dataset page: every claim, bundled and the reader's, to browse, search, correct, retire and share. */
export function DatasetBrowser() {
  const { t } = useI18n();
  const [view, setView] = useState<DatasetView | null>(null);
  const [sources, setSources] = useState<Source[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<DatasetFilter>({ query: '', subject: '', status: '', source: '' });
  const [keepVisits, setKeepVisits] = useState(false);

  const reload = useCallback(async () => {
    try {
      setView(await ask({ type: 'layer/view' }));
    } catch (e) {
      setError(errorText(t, e));
    }
  }, []);
  useEffect(() => {
    void reload();
    void ask({ type: 'dataset/sources' }).then(setSources, () => undefined);
    void loadSettings().then((s) => setKeepVisits(s.keepClaimVisits));
  }, [reload]);

  const shown = useMemo(() => (view ? filterDataset(view.claims, filter) : []), [view, filter]);
  const counts = useMemo(() => countByStatus(view?.claims ?? []), [view]);
  const sourceById = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const { locale } = useI18n();

  if (error) return <main class="page"><p role="alert" class="error">{t('common.error', { message: error })}</p></main>;
  if (!view) return <main class="page"><p>{t('common.loading')}</p></main>;
  const subjectByKey = new Map(view.subjects.map((s) => [s.key, s]));

  return (
    <main class="page dataset-page" data-testid="dataset-page">
      <header class="page-header">
        <h1>{t('dataset.pageTitle')}</h1>
        <p class="lede">{t('dataset.lede')}</p>
        <p class="meta-line">
          {t('dataset.version', { id: view.id, version: view.version })} · {t('dataset.statsLine', { claims: view.claims.length, added: counts.added, changed: counts.changed, retired: counts.retired })}
        </p>
      </header>

      {view.stranded.length > 0 && (
        <section class="card warn" data-testid="stranded">
          <h2>{t('dataset.stranded', { count: view.stranded.length })}</h2>
          <p class="hint">{t('dataset.strandedHint')}</p>
          <ul>
            {view.stranded.map((s) => (
              <li key={s.id}>
                {s.problem === 'claim-missing'
                  ? t('dataset.strandedClaimMissing', { target: s.target, version: s.baseVersion ?? '?' })
                  : s.problem === 'subject-missing'
                    ? t('dataset.strandedSubjectMissing', { target: s.target })
                    : s.problem === 'id-taken'
                      ? t('dataset.strandedIdTaken', { target: s.target })
                      : t('dataset.strandedInvalid', { target: s.target })}{' '}
                <button type="button" class="link" onClick={() => void ask({ type: 'layer/withdraw', id: s.id }).then(reload)}>
                  {s.kind === 'correction' ? t('dataset.undoCorrection') : t('common.delete')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.invalid.length > 0 && <p class="error" role="alert">{t('dataset.invalidRecords', { count: view.invalid.length })}</p>}

      <section class="card filters-card" aria-label={t('dataset.search')}>
        <div class="filter-row">
          <label class="field grow">
            {t('dataset.search')}
            <input type="search" value={filter.query} placeholder={t('dataset.searchPlaceholder')} onInput={(e) => setFilter({ ...filter, query: (e.target as HTMLInputElement).value })} data-testid="dataset-search" />
          </label>
          <label class="field">
            {t('dataset.subject')}
            <select value={filter.subject} onChange={(e) => setFilter({ ...filter, subject: (e.target as HTMLSelectElement).value })} data-testid="dataset-subject">
              <option value="">{t('dataset.allSubjects')}</option>
              {view.subjects.map((s) => (
                <option key={s.key} value={s.key}>
                  {locale === 'es' ? s.labelEs : s.label}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            {t('dataset.status')}
            <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: (e.target as HTMLSelectElement).value as DatasetFilter['status'] })} data-testid="dataset-status">
              <option value="">{t('dataset.statusAll')}</option>
              <option value="bundled">{t('dataset.statusBundled')} ({counts.bundled})</option>
              <option value="added">{t('dataset.statusAdded')} ({counts.added})</option>
              <option value="changed">{t('dataset.statusChanged')} ({counts.changed})</option>
              <option value="retired">{t('dataset.statusRetired')} ({counts.retired})</option>
            </select>
          </label>
          <label class="field">
            {t('dataset.source')}
            <select value={filter.source} onChange={(e) => setFilter({ ...filter, source: (e.target as HTMLSelectElement).value })}>
              <option value="">{t('dataset.allSources')}</option>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title.slice(0, 60)}
                </option>
              ))}
              <option value="web">{t('dataset.webSources')}</option>
            </select>
          </label>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={keepVisits}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              setKeepVisits(on);
              void updateSettings((s) => ({ ...s, keepClaimVisits: on }));
            }}
            data-testid="keep-visits"
          />
          {t('dataset.visitsSetting')}
        </label>
        <p class="meta-line" aria-live="polite">
          {t('dataset.shown', { count: shown.length })}
        </p>
      </section>

      {shown.length === 0 ? (
        <p class="empty">{t('dataset.noClaims')}</p>
      ) : (
        <ol class="dataset-claims" data-testid="dataset-claims">
          {shown.slice(0, 300).map((c) => (
            <ClaimCard key={c.id} claim={c} subject={subjectByKey.get(c.subject)} sources={sourceById} keepVisits={keepVisits} onChanged={reload} />
          ))}
        </ol>
      )}

      <AssessmentsSection assessments={view.assessments} claims={view.claims} onChanged={reload} />
      <TermsSection terms={view.terms} onChanged={reload} />
      <PackSection onChanged={reload} />
    </main>
  );
}
