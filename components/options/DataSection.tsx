import { useEffect, useState } from 'preact/hooks';
import type { ReplyData } from '../../lib/messages/protocol';
import { ask } from '../../platform/messaging';
import { ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';
import { SyncForm } from './SyncForm';
import { useT } from '../i18n';
import { errorText } from '../error-text';

export function DataSection() {
  const t = useT();
  const [stats, setStats] = useState<ReplyData['data/stats'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => ask({ type: 'data/stats' }).then(setStats, (e: unknown) => setError(t('common.error', { message: errorText(t, e) })));
  useEffect(() => void refresh(), []);
  return (
    <section aria-labelledby="data-h" class="card" data-testid="data-section">
      <h2 id="data-h">{t('options.dataHeading')}</h2>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {stats && (
        <p class="hint" data-testid="data-stats">
          {stats.deleted > 0
            ? t('options.dataStatsDeleted', { count: stats.annotations, pages: t('options.pages', { count: stats.pages }), deleted: t('options.deletions', { count: stats.deleted }) })
            : t('options.dataStats', { count: stats.annotations, pages: t('options.pages', { count: stats.pages }) })}
        </p>
      )}
      <ExportForm hosts={stats?.hosts ?? []} tags={stats?.tags ?? []} />
      <hr />
      <ImportForm onImported={() => void refresh()} />
      <hr />
      <SyncForm onSynced={() => void refresh()} />
    </section>
  );
}
