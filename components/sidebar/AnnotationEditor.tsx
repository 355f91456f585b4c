import { useState } from 'preact/hooks';
import type { Claim } from '../../lib/dataset/schema';
import type { AnnotationFields } from '../../lib/annotations/edit';
import { HighlightColor, Verdict } from '../../lib/annotations/schema';
import { NOTE_COLORS } from '../../lib/page/highlight-style';

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

const VERDICT_LABEL: Record<Verdict, string> = {
  accurate: 'Accurate',
  inaccurate: 'Inaccurate',
  misleading: 'Misleading',
  unverified: 'Unverified',
  disputed: 'Disputed',
};

export function AnnotationEditor({ quote, initial, suggestedClaims, datasetClaims, saving, error, onSave, onCancel }: Props) {
  const [fields, setFields] = useState<AnnotationFields>(initial);
  const [tagText, setTagText] = useState(initial.tags.join(', '));
  const linked = fields.claims[0]?.claimId ?? '';
  const others = [...datasetClaims.values()].filter((c) => !suggestedClaims.includes(c.id));
  const submit = (e: Event) => {
    e.preventDefault();
    onSave({ ...fields, tags: tagText.split(',').map((t) => t.trim()).filter(Boolean) });
  };
  return (
    <form class="editor" onSubmit={submit} aria-label="Annotation" data-testid="annotation-editor">
      <blockquote class="editor-quote">{quote}</blockquote>
      <fieldset class="colors">
        <legend>Colour</legend>
        {HighlightColor.options.map((c) => (
          <label key={c} class="color-option" title={c}>
            <input type="radio" name="color" value={c} checked={fields.color === c} onChange={() => setFields({ ...fields, color: c })} />
            <span class="color-dot" style={{ background: NOTE_COLORS[c] }} aria-hidden="true" />
            <span class="sr-only">{c}</span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        Note
        <textarea rows={4} value={fields.note} onInput={(e) => setFields({ ...fields, note: (e.target as HTMLTextAreaElement).value })} />
      </label>
      <label class="field">
        <span>
          Tags <span class="muted">(comma-separated)</span>
        </span>
        <input type="text" value={tagText} onInput={(e) => setTagText((e.target as HTMLInputElement).value)} placeholder="capacity, deal, sources" />
      </label>
      <label class="field">
        Verdict
        <select value={fields.verdict ?? ''} onChange={(e) => setFields({ ...fields, verdict: ((e.target as HTMLSelectElement).value || null) as Verdict | null })}>
          <option value="">No verdict</option>
          {Verdict.options.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABEL[v]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        Linked dataset claim
        <select
          value={linked}
          onChange={(e) => {
            const id = (e.target as HTMLSelectElement).value;
            setFields({ ...fields, claims: id ? [{ claimId: id }] : [] });
          }}
        >
          <option value="">None</option>
          {suggestedClaims.length > 0 && (
            <optgroup label="Matched on this page">
              {suggestedClaims.map((id) => (
                <option key={id} value={id}>
                  {datasetClaims.get(id)?.statement ?? id}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="All dataset claims">
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.statement}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
