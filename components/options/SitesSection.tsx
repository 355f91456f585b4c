import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/schema';
import { addSite } from '../../lib/settings/site-list';
import { useT } from '../i18n';

export function SitesSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => Promise<void> }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    const added = addSite(settings.disabledSites, draft);
    if ('error' in added) return setError(added.error === 'duplicate' ? t('options.siteDuplicate', { site: added.site }) : t('options.siteInvalid'));
    setError(null);
    await onChange({ ...settings, disabledSites: added.sites });
    setDraft('');
  };
  return (
    <section aria-labelledby="sites-h" class="card">
      <h2 id="sites-h">{t('options.sitesHeading')}</h2>
      <p class="hint">{t('options.sitesHint')}</p>
      {settings.disabledSites.length ? (
        <ul class="site-list" data-testid="disabled-sites">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="link"
                aria-label={t('options.removeSite', { site })}
                onClick={() => void onChange({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })}
              >
                {t('options.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('options.noSites')}</p>
      )}
      <form class="inline-form" onSubmit={(e) => void add(e)}>
        <label class="sr-only" for="site-input">
          {t('options.siteToAdd')}
        </label>
        <input id="site-input" type="text" placeholder={t('options.sitePlaceholder')} value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('options.addSite')}</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
