import { ask } from '../platform/messaging';
import { DatasetSummary } from './DatasetSummary';
import { useAsync } from './useAsync';

export function OptionsApp() {
  const dataset = useAsync(() => ask({ type: 'dataset/status' }), []);
  return (
    <main class="page">
      <header class="page-header">
        <h1>CECOT Lens</h1>
        <p class="lede">Settings and data. Everything stays in this browser unless you set up sync.</p>
      </header>
      <section aria-labelledby="dataset-h" class="card">
        <h2 id="dataset-h">Curated dataset</h2>
        <p class="hint">Claims from the source articles, with the curator's assessment, kept in this browser's extension storage.</p>
        <DatasetSummary state={dataset} />
      </section>
    </main>
  );
}
