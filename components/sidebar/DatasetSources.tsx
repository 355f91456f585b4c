import type { SourceCheck } from '../../lib/dataset/source-check';
import { useT } from '../i18n';

/** The reader's dataset claims that quote this page, and whether each quote is still on it. */
export function DatasetSources({ checks }: { checks: SourceCheck[] }) {
  const t = useT();
  if (!checks.length) return null;
  return (
    <section class="panel" aria-labelledby="sources-h" data-testid="dataset-sources">
      <h2 id="sources-h">{t('dataset.sourcesHere')}</h2>
      <ul class="claims">
        {checks.map((c) => (
          <li key={c.claimId} class="claim" data-testid="dataset-source-check" data-status={c.status}>
            <p class="page-text">{c.statement}</p>
            <p class={c.status === 'found' ? 'muted' : 'error'}>{t(c.status === 'found' ? 'dataset.quoteFound' : c.status === 'changed' ? 'dataset.quoteChanged' : 'dataset.quoteMissing')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
