import type { DatasetStatus } from '../lib/messages/protocol';
import { formatDate, formatNumber } from '../lib/i18n';
import { useI18n } from './i18n';
import type { AsyncState } from './useAsync';
import { openDatasetPage } from '../platform/open-dataset';
import { errorText } from './error-text';

/** The curated dataset as the database holds it: the counts are read back from IndexedDB. */
export function DatasetSummary({ state }: { state: AsyncState<DatasetStatus> }) {
  const { t, locale } = useI18n();
  if (state.status === 'loading') return <p aria-busy="true">{t('options.readingDataset')}</p>;
  if (state.status === 'error')
    return (
      <p role="alert" class="error">
        {t('options.datasetError', { message: errorText(t, state.error) })}
      </p>
    );
  const s = state.value;
  return (
    <div data-testid="dataset-summary">
      <dl class="facts">
        <div>
          <dt>{t('options.claims')}</dt>
          <dd data-testid="claim-count">{formatNumber(locale, s.claimCount)}</dd>
        </div>
        <div>
          <dt>{t('options.sources')}</dt>
          <dd data-testid="source-count">{formatNumber(locale, s.sourceCount)}</dd>
        </div>
        <div>
          <dt>{t('options.subjects')}</dt>
          <dd>{formatNumber(locale, s.subjectCount)}</dd>
        </div>
      </dl>
      <p class="meta-line" data-testid="dataset-version">
        {t('options.datasetLine', { id: s.id, version: s.version, date: formatDate(locale, s.loadedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
      </p>
      <p>
        <button type="button" class="link" onClick={() => void openDatasetPage()} data-testid="open-dataset">
          {t('dataset.openDataset')}
        </button>
      </p>
    </div>
  );
}
