import { useEffect, useState } from 'preact/hooks';
import type { DatasetStatus } from '../../lib/messages/protocol';
import type { Source } from '../../lib/dataset/schema';
import type { LocalePreference } from '../../lib/i18n';
import { ask } from '../../platform/messaging';
import { loadSettings, updateSettings } from '../../platform/settings-store';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';

/** Opened once, on install: what the extension does, where its dataset comes from, how to annotate, and that nothing leaves the browser. */
export function WelcomeApp() {
  const { t } = useI18n();
  const [sources, setSources] = useState<Source[] | null>(null);
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [language, setLanguage] = useState<LocalePreference>('auto');
  useEffect(() => {
    document.title = t('welcome.pageTitle');
  }, [t]);
  useEffect(() => {
    ask({ type: 'dataset/sources' }).then(setSources, (e: unknown) => setError(errorText(t, e)));
    ask({ type: 'dataset/status' }).then(setStatus, () => undefined);
    loadSettings().then((s) => setLanguage(s.language), () => undefined);
  }, []);
  const chooseLanguage = (value: LocalePreference) => {
    setLanguage(value);
    void updateSettings((s) => ({ ...s, language: value }));
  };
  const keys = t('welcome.shortcut');
  return (
    <main class="page welcome">
      <header class="page-header welcome-header">
        <img src="/icon/128.png" alt="" width={56} height={56} />
        <div>
          <h1>{t('welcome.heading')}</h1>
          <p class="lede">{t('welcome.lead')}</p>
        </div>
        <label class="language">
          <span>{t('welcome.language')}</span>
          <select value={language} onChange={(e) => chooseLanguage((e.currentTarget as HTMLSelectElement).value as LocalePreference)} data-testid="welcome-language">
            <option value="auto">{t('common.languageAuto')}</option>
            <option value="en">{t('common.languageEn')}</option>
            <option value="es">{t('common.languageEs')}</option>
          </select>
        </label>
      </header>

      <section class="card" aria-labelledby="what-h">
        <h2 id="what-h">{t('welcome.whatHeading')}</h2>
        <ul>
          <li>{t('welcome.whatRecognize')}</li>
          <li>{t('welcome.whatHighlight')}</li>
          <li>{t('welcome.whatSidebar')}</li>
        </ul>
      </section>

      <section class="card" aria-labelledby="sources-h" data-testid="welcome-sources">
        <h2 id="sources-h">{t('welcome.sourcesHeading')}</h2>
        <p>{t('welcome.sourcesIntro')}</p>
        {error && (
          <p role="alert" class="error">
            {t('common.error', { message: error })}
          </p>
        )}
        {!sources && !error && <p class="muted">{t('welcome.sourcesLoading')}</p>}
        {sources && (
          <ul class="sources">
            {sources.map((s) => (
              <li key={s.id} lang={s.language}>
                {/* By title only: the stored bylines are what the copies carry, which the curator doubts (see sources.json). */}
                <cite>{s.title}</cite>
              </li>
            ))}
          </ul>
        )}
        {status && sources && <p class="hint">{t('welcome.sourcesCount', { count: status.claimCount, sources: sources.length })}</p>}
      </section>

      <section class="card" aria-labelledby="annotate-h">
        <h2 id="annotate-h">{t('welcome.annotateHeading')}</h2>
        <p>{t('welcome.annotateIntro')}</p>
        <ul>
          <li>{t('welcome.annotateButton')}</li>
          <li>{t('welcome.annotateMenu')}</li>
          <li>
            {t('welcome.annotateKeys', { keys: '\u0000' })
              .split('\u0000')
              .flatMap((part, i) => (i === 0 ? [part] : [<kbd key="k">{keys}</kbd>, part]))}
          </li>
        </ul>
        <p>{t('welcome.annotateAfter')}</p>
      </section>

      <section class="card privacy" aria-labelledby="privacy-h">
        <h2 id="privacy-h">{t('welcome.privacyHeading')}</h2>
        <p>{t('welcome.privacy')}</p>
      </section>

      <nav class="welcome-links">
        <a class="button primary" href="/library.html">
          {t('welcome.openLibrary')}
        </a>
        <a class="button" href="/options.html">
          {t('welcome.openSettings')}
        </a>
      </nav>
    </main>
  );
}
