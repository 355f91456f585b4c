import type { Settings } from '../../lib/settings/schema';
import { useT } from '../i18n';

const CHOICES = [
  { value: 'auto', label: 'common.languageAuto' },
  { value: 'en', label: 'common.languageEn' },
  { value: 'es', label: 'common.languageEs' },
] as const;

/** The interface language: the browser's, or the reader's own choice (the whole extension follows at once). */
export function LanguageSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => Promise<void> }) {
  const t = useT();
  return (
    <section aria-labelledby="language-h" class="card">
      <h2 id="language-h">{t('common.language')}</h2>
      <p class="hint" id="language-hint">
        {t('options.languageHint')}
      </p>
      <label class="field language-field">
        <span class="sr-only">{t('common.language')}</span>
        <select
          aria-describedby="language-hint"
          value={settings.language}
          data-testid="language-select"
          onChange={(e) => void onChange({ ...settings, language: (e.target as HTMLSelectElement).value as Settings['language'] })}
        >
          {CHOICES.map((c) => (
            // The names of the languages are written in their own language, so each reader finds theirs.
            <option key={c.value} value={c.value} lang={c.value === 'auto' ? undefined : c.value}>
              {t(c.label)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
