import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../lib/settings/schema';
import { ask } from '../platform/messaging';
import { loadSettings, saveSettings } from '../platform/settings-store';
import { DatasetSummary } from './DatasetSummary';
import { useT } from './i18n';
import { ColorsSection } from './options/ColorsSection';
import { LanguageSection } from './options/LanguageSection';
import { SitesSection } from './options/SitesSection';
import { DataSection } from './options/DataSection';
import { useAsync } from './useAsync';
import { errorText } from './error-text';

export function OptionsApp() {
  const t = useT();
  const dataset = useAsync(() => ask({ type: 'dataset/status' }), []);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSettings().then(setSettings, (e: unknown) => setError(String(e)));
  }, []);
  useEffect(() => {
    document.title = t('options.pageTitle');
  }, [t]);
  const change = async (next: Settings) => {
    try {
      setSettings(await saveSettings(next));
      setError(null);
    } catch (e) {
      setError(t('common.error', { message: errorText(t, e) }));
    }
  };
  return (
    <main class="page">
      <header class="page-header">
        <h1>{t('common.appName')}</h1>
        <p class="lede">{t('options.lede')}</p>
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
      {settings && <LanguageSection settings={settings} onChange={change} />}
      <section aria-labelledby="dataset-h" class="card">
        <h2 id="dataset-h">{t('options.datasetHeading')}</h2>
        <p class="hint">{t('options.datasetHint')}</p>
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
