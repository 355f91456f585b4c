import { useState } from 'preact/hooks';
import type { EffectiveClaim } from '../../lib/dataset/layer';
import type { CrossAssessment } from '../../lib/dataset/schema';
import { foldText } from '../../lib/text/fold';
import { ask } from '../../platform/messaging';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';

const KINDS: CrossAssessment['kind'][] = ['agreement', 'difference', 'only-one-source', 'internal-inconsistency', 'error'];
const KIND_KEY = {
  agreement: 'dataset.assessAgreement',
  difference: 'dataset.assessDifference',
  'only-one-source': 'dataset.assessOnlyOne',
  'internal-inconsistency': 'dataset.assessInconsistent',
  error: 'dataset.assessError',
} as const;

type Draft = { id: string; kind: CrossAssessment['kind']; title: string; note: string; claims: string };
const EMPTY: Draft = { id: '', kind: 'agreement', title: '', note: '', claims: '' };

/** The curator's notes across claims: the bundled ones and the reader's, added or edited through the layer. */
export function AssessmentsSection({ assessments, claims, onChanged }: { assessments: CrossAssessment[]; claims: EffectiveClaim[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(claims.map((c) => [c.id, c]));

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    const ids = draft.claims.split(/[\s,]+/).filter(Boolean);
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length) return setError(t('dataset.assessUnknown', { ids: unknown.join(', ') }));
    // Sources: the bundled articles its claims rest on; "web" when they rest only on pages the reader added.
    const sources = [...new Set(ids.flatMap((id) => byId.get(id)?.sources.map((s) => s.sourceId) ?? []))];
    const id = draft.id || `u-${foldText(draft.title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'assessment'}-${Date.now().toString(36)}`;
    try {
      await ask({ type: 'layer/save', edit: { kind: 'assessment', assessment: { id, kind: draft.kind, title: draft.title.trim(), note: draft.note.trim(), claims: ids, sources: sources.length ? sources : ['web'] } }, origin: null });
      setDraft(null);
      onChanged();
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  return (
    <section class="card" aria-labelledby="assess-h" data-testid="assessments-section">
      <h2 id="assess-h">{t('dataset.assessTitle')}</h2>
      <p class="hint">{t('dataset.assessHint')}</p>
      <details>
        <summary>{t('dataset.assessList', { count: assessments.length })}</summary>
        <ul class="source-list">
          {assessments.map((a) => (
            <li key={a.id} data-testid="assessment">
              <strong>{a.title}</strong> <span class="muted">({t(KIND_KEY[a.kind])})</span>
              <div>{a.note}</div>
              <button type="button" class="link" onClick={() => setDraft({ id: a.id, kind: a.kind, title: a.title, note: a.note, claims: a.claims.join(', ') })}>
                {t('common.edit')}
              </button>
            </li>
          ))}
        </ul>
      </details>
      {draft ? (
        <form class="stack" onSubmit={(e) => void save(e)}>
          <div class="two">
            <label class="field">
              {t('dataset.assessKind')}
              <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: (e.target as HTMLSelectElement).value as Draft['kind'] })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_KEY[k])}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              {t('dataset.assessHeading')}
              <input value={draft.title} required onInput={(e) => setDraft({ ...draft, title: (e.target as HTMLInputElement).value })} />
            </label>
          </div>
          <label class="field">
            {t('dataset.assessNote')}
            <textarea rows={3} value={draft.note} required onInput={(e) => setDraft({ ...draft, note: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <label class="field">
            {t('dataset.assessClaims')}
            <input value={draft.claims} required onInput={(e) => setDraft({ ...draft, claims: (e.target as HTMLInputElement).value })} />
          </label>
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="primary">
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setDraft(EMPTY)}>
            {t('dataset.assessAdd')}
          </button>
        </div>
      )}
    </section>
  );
}
