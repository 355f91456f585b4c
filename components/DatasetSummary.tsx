import type { DatasetStatus } from '../lib/messages/protocol';
import type { AsyncState } from './useAsync';
import { useT } from './i18n';
import { openDatasetPage } from '../platform/open-dataset';

/** The curated dataset as the database holds it: the counts are read back from IndexedDB. */
export function DatasetSummary({ state }: { state: AsyncState<DatasetStatus> }) {
  const t = useT();
  if (state.status === 'loading') return <p aria-busy="true">Reading the dataset…</p>;
  if (state.status === 'error')
    return (
      <p role="alert" class="error">
        The dataset could not be read: {state.error}
      </p>
    );
  const s = state.value;
  return (
    <div data-testid="dataset-summary">
      <dl class="facts">
        <div>
          <dt>Claims</dt>
          <dd data-testid="claim-count">{s.claimCount}</dd>
        </div>
        <div>
          <dt>Source articles</dt>
          <dd data-testid="source-count">{s.sourceCount}</dd>
        </div>
        <div>
          <dt>Subjects</dt>
          <dd>{s.subjectCount}</dd>
        </div>
      </dl>
      <p class="meta-line">
        Dataset <code data-testid="dataset-version">{s.id} {s.version}</code>, loaded{' '}
        <time dateTime={s.loadedAt}>{new Date(s.loadedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </p>
      <p>
        <button type="button" class="link" onClick={() => void openDatasetPage()} data-testid="open-dataset">
          {t('dataset.openDataset')}
        </button>
      </p>
    </div>
  );
}
