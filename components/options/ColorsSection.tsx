import { DEFAULT_SETTINGS, type HighlightColors, type Settings } from '../../lib/settings/schema';
import { withAlpha } from '../../lib/page/highlight-style';

const ROWS: { key: keyof HighlightColors; label: string; line: string }[] = [
  { key: 'agrees', label: 'Agrees with the dataset', line: 'solid' },
  { key: 'conflicts', label: 'Conflicts with the dataset', line: 'wavy' },
  { key: 'related', label: 'Related', line: 'dotted' },
  { key: 'repeats-error', label: 'Repeats an error flagged in the dataset', line: 'double' },
  { key: 'unmatched', label: 'Not in the dataset', line: 'dashed' },
];

export function ColorsSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => Promise<void> }) {
  const set = (key: keyof HighlightColors, value: string) => void onChange({ ...settings, colors: { ...settings.colors, [key]: value } });
  return (
    <section aria-labelledby="colors-h" class="card">
      <h2 id="colors-h">Highlight colours</h2>
      <p class="hint">Each relation also keeps its own underline style, so the highlights stay distinct whatever colours you pick.</p>
      <div class="color-rows">
        {ROWS.map((row) => (
          <label key={row.key} class="color-row">
            <input type="color" value={settings.colors[row.key]} onInput={(e) => set(row.key, (e.target as HTMLInputElement).value)} />
            <span
              class="sample"
              style={{
                background: withAlpha(settings.colors[row.key], 0.18),
                textDecoration: `underline ${row.line} ${settings.colors[row.key]}`,
                textDecorationThickness: '2px',
                textUnderlineOffset: '3px',
              }}
            >
              {row.label}
            </span>
          </label>
        ))}
      </div>
      <label class="check">
        <input type="checkbox" checked={settings.showUnmatched} onChange={(e) => void onChange({ ...settings, showUnmatched: (e.target as HTMLInputElement).checked })} />
        Underline checkable claims the dataset does not cover
      </label>
      <button type="button" class="link" onClick={() => void onChange({ ...settings, colors: DEFAULT_SETTINGS.colors, showUnmatched: true })}>
        Reset to the default colours
      </button>
    </section>
  );
}
