import { useEffect, useRef, useState } from 'preact/hooks';
import type { Claim } from '../../lib/dataset/schema';
import type { AnnotationFields } from '../../lib/annotations/edit';
import { HighlightColor, Verdict } from '../../lib/annotations/schema';
import { NOTE_COLORS } from '../../lib/page/highlight-style';
import type { MessageKey } from '../../lib/i18n';
import { useT } from '../i18n';
import { ClaimPicker } from './ClaimPicker';

interface Props {
  quote: string;
  initial: AnnotationFields;
  suggestedClaims: string[];
  datasetClaims: Map<string, Claim>;
  saving: boolean;
  error: string | null;
  onSave: (fields: AnnotationFields) => void;
  onCancel: () => void;
}

const VERDICT_KEY: Record<Verdict, MessageKey> = {
  accurate: 'sidebar.verdictAccurate',
  inaccurate: 'sidebar.verdictInaccurate',
  misleading: 'sidebar.verdictMisleading',
  unverified: 'sidebar.verdictUnverified',
  disputed: 'sidebar.verdictDisputed',
};

export const COLOR_KEY: Record<HighlightColor, MessageKey> = {
  yellow: 'sidebar.colorYellow',
  green: 'sidebar.colorGreen',
  blue: 'sidebar.colorBlue',
  pink: 'sidebar.colorPink',
  purple: 'sidebar.colorPurple',
};

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * The note editor. It opens with the cursor in the note, Escape cancels, and
 * Tab stays inside it while it is open (a dialog in all but name: the rest of
 * the sidebar is behind it); the sidebar puts focus back where it was on close.
 */
export function AnnotationEditor({ quote, initial, suggestedClaims, datasetClaims, saving, error, onSave, onCancel }: Props) {
  const t = useT();
  const [fields, setFields] = useState<AnnotationFields>(initial);
  const [tagText, setTagText] = useState(initial.tags.join(', '));
  const form = useRef<HTMLFormElement>(null);
  const note = useRef<HTMLTextAreaElement>(null);
  useEffect(() => note.current?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    onSave({ ...fields, tags: tagText.split(',').map((tag) => tag.trim()).filter(Boolean) });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
      return;
    }
    if (e.key !== 'Tab' || !form.current) return;
    const all = [...form.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    // A radio group is one stop: only its checked radio takes focus.
    const stops = all.filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked));
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };
  return (
    <form ref={form} class="editor" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('sidebar.editorLabel')} data-testid="annotation-editor">
      <blockquote class="editor-quote">{quote}</blockquote>
      <label class="field">
        {t('sidebar.note')}
        <textarea ref={note} rows={4} value={fields.note} onInput={(e) => setFields({ ...fields, note: (e.target as HTMLTextAreaElement).value })} />
      </label>
      <fieldset class="colors">
        <legend>{t('sidebar.colour')}</legend>
        {HighlightColor.options.map((c) => (
          <label key={c} class="color-option" title={t(COLOR_KEY[c])}>
            <input type="radio" name="color" value={c} checked={fields.color === c} onChange={() => setFields({ ...fields, color: c })} />
            <span class="color-dot" style={{ background: NOTE_COLORS[c] }} aria-hidden="true" />
            <span class="sr-only">{t(COLOR_KEY[c])}</span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>
          {t('sidebar.tags')} <span class="muted">{t('sidebar.tagsHint')}</span>
        </span>
        <input type="text" value={tagText} onInput={(e) => setTagText((e.target as HTMLInputElement).value)} placeholder={t('sidebar.tagsPlaceholder')} />
      </label>
      <label class="field">
        {t('sidebar.verdict')}
        <select value={fields.verdict ?? ''} onChange={(e) => setFields({ ...fields, verdict: ((e.target as HTMLSelectElement).value || null) as Verdict | null })}>
          <option value="">{t('sidebar.noVerdict')}</option>
          {Verdict.options.map((v) => (
            <option key={v} value={v}>
              {t(VERDICT_KEY[v])}
            </option>
          ))}
        </select>
      </label>
      <ClaimPicker
        chosen={fields.claims.map((c) => c.claimId)}
        suggested={suggestedClaims}
        datasetClaims={datasetClaims}
        onChange={(ids) => setFields({ ...fields, claims: ids.map((claimId) => fields.claims.find((c) => c.claimId === claimId) ?? { claimId }) })}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t('sidebar.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <span class="muted small-hint">{t('sidebar.escapeHint')}</span>
      </div>
    </form>
  );
}

export { VERDICT_KEY };
