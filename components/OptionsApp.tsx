import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../lib/settings/schema';
import { ask } from '../platform/messaging';
import { loadSettings, saveSettings } from '../platform/settings-store';
import { DatasetSummary } from './DatasetSummary';
import { ColorsSection } from './options/ColorsSection';
import { SitesSection } from './options/SitesSection';
import { DataSection } from './options/DataSection';
import { useAsync } from './useAsync';
import { useT } from './i18n';

export function OptionsApp() {
  const t = useT();
  const dataset = useAsync(() => ask({ type: 'dataset/status' }), []);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSettings().then(setSettings, (e: unknown) => setError(String(e)));
  }, []);
  const change = async (next: Settings) => {
    try {
      setSettings(await saveSettings(next));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <main class="page">
      <header class="page-header">
        <h1>CECOT Lens</h1>
        <p class="lede">Settings and data. Everything stays in this browser unless you set up sync.</p>
        <p>
          <a href="/library.html" data-testid="options-library">
            {t('library.openLibrary')}
          </a>
        </p>
      </header>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <section aria-labelledby="dataset-h" class="card">
        <h2 id="dataset-h">Curated dataset</h2>
        <p class="hint">Claims from the source articles, with the curator's assessment, kept in this browser's extension storage.</p>
        <DatasetSummary state={dataset} />
      </section>
      {settings && (
        <>
          <SitesSection settings={settings} onChange={change} />
          <ColorsSection settings={settings} onChange={change} />
        </>
      )}
      <DataSection />
    </main>
  );
}
