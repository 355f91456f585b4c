import { useEffect, useState } from 'preact/hooks';
import type { ReplyData } from '../../lib/messages/protocol';
import { ask } from '../../platform/messaging';
import { ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';
import { SyncForm } from './SyncForm';

export function DataSection() {
  const [stats, setStats] = useState<ReplyData['data/stats'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => ask({ type: 'data/stats' }).then(setStats, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  useEffect(() => void refresh(), []);
  return (
    <section aria-labelledby="data-h" class="card" data-testid="data-section">
      <h2 id="data-h">Your notes and data</h2>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {stats && (
        <p class="hint" data-testid="data-stats">
          {stats.annotations} annotation{stats.annotations === 1 ? '' : 's'} on {stats.pages} page{stats.pages === 1 ? '' : 's'}
          {stats.deleted > 0 ? ` (and ${stats.deleted} deletion${stats.deleted === 1 ? '' : 's'} kept for sync)` : ''}, stored only in this browser.
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
