import { DEFAULT_SETTINGS, type HighlightColors, type Settings } from '../../lib/settings/schema';
import { withAlpha } from '../../lib/page/highlight-style';
import type { MessageKey } from '../../lib/i18n';
import { useT } from '../i18n';

const ROWS: { key: keyof HighlightColors; label: MessageKey; line: string }[] = [
  { key: 'agrees', label: 'options.colorAgrees', line: 'solid' },
  { key: 'conflicts', label: 'options.colorConflicts', line: 'wavy' },
  { key: 'related', label: 'options.colorRelated', line: 'dotted' },
  { key: 'repeats-error', label: 'options.colorRepeatsError', line: 'double' },
  { key: 'unmatched', label: 'options.colorUnmatched', line: 'dashed' },
];

export function ColorsSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => Promise<void> }) {
  const t = useT();
  const set = (key: keyof HighlightColors, value: string) => void onChange({ ...settings, colors: { ...settings.colors, [key]: value } });
  return (
    <section aria-labelledby="colors-h" class="card">
      <h2 id="colors-h">{t('options.colorsHeading')}</h2>
      <p class="hint">{t('options.colorsHint')}</p>
      <div class="color-rows">
        {ROWS.map((row) => (
          <label key={row.key} class="color-row">
            <input type="color" aria-label={t('options.colorFor', { name: t(row.label) })} value={settings.colors[row.key]} onInput={(e) => set(row.key, (e.target as HTMLInputElement).value)} />
            <span
              class="sample"
              style={{
                background: withAlpha(settings.colors[row.key], 0.18),
                textDecoration: `underline ${row.line} ${settings.colors[row.key]}`,
                textDecorationThickness: '2px',
                textUnderlineOffset: '3px',
              }}
            >
              {t(row.label)}
            </span>
          </label>
        ))}
      </div>
      <label class="check">
        <input type="checkbox" checked={settings.showUnmatched} onChange={(e) => void onChange({ ...settings, showUnmatched: (e.target as HTMLInputElement).checked })} />
        {t('options.showUnmatched')}
      </label>
      <button type="button" class="link" onClick={() => void onChange({ ...settings, colors: DEFAULT_SETTINGS.colors, showUnmatched: true })}>
        {t('options.resetColors')}
      </button>
      <p class="hint notes-note">{t('options.notesNote')}</p>
    </section>
  );
}
