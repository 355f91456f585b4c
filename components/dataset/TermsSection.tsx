import { useState } from 'preact/hooks';
import type { UserTerm } from '../../lib/dataset/layer-schema';
import { foldText } from '../../lib/text/fold';
import { ask } from '../../platform/messaging';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';

/** The reader's recognition terms: a new name, place or event that puts a page on topic from the next page on. */
export function TermsSection({ terms, onChanged }: { terms: UserTerm[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<UserTerm['kind']>('name');
  const [phrases, setPhrases] = useState('');
  const [strength, setStrength] = useState<UserTerm['strength']>('strong');
  const [error, setError] = useState<string | null>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const list = phrases
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const id = foldText(label).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || `term-${Date.now().toString(36)}`;
    try {
      await ask({ type: 'layer/save', edit: { kind: 'term', term: { id, kind, label: label.trim(), phrases: list, strength } }, origin: null });
      setLabel('');
      setPhrases('');
      onChanged();
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  return (
    <section class="card" aria-labelledby="terms-h" data-testid="terms-section">
      <h2 id="terms-h">{t('dataset.termsTitle')}</h2>
      <p class="hint">{t('dataset.termsHint')}</p>
      {terms.length === 0 ? (
        <p class="muted">{t('dataset.termsNone')}</p>
      ) : (
        <ul class="site-list" data-testid="terms-list">
          {terms.map((term) => (
            <li key={term.id}>
              <span>
                <strong>{term.label}</strong> <span class="muted">({term.phrases.join(', ')})</span>
              </span>
              <button type="button" class="link" onClick={() => void ask({ type: 'layer/withdraw', id: `term:${term.id}` }).then(onChanged)}>
                {t('dataset.removeTerm')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="stack" onSubmit={(e) => void add(e)}>
        <div class="two">
          <label class="field">
            {t('dataset.termLabel')}
            <input value={label} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} required data-testid="term-label" />
          </label>
          <label class="field">
            {t('dataset.termKind')}
            <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as UserTerm['kind'])}>
              <option value="name">{t('dataset.termKindName')}</option>
              <option value="place">{t('dataset.termKindPlace')}</option>
              <option value="event">{t('dataset.termKindEvent')}</option>
            </select>
          </label>
        </div>
        <label class="field">
          {t('dataset.termPhrases')}
          <input value={phrases} onInput={(e) => setPhrases((e.target as HTMLInputElement).value)} required data-testid="term-phrases" />
        </label>
        <label class="field">
          {t('dataset.termStrength')}
          <select value={strength} onChange={(e) => setStrength((e.target as HTMLSelectElement).value as UserTerm['strength'])}>
            <option value="strong">{t('dataset.termStrong')}</option>
            <option value="supporting">{t('dataset.termSupporting')}</option>
          </select>
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" data-testid="term-add">
            {t('dataset.addTerm')}
          </button>
        </div>
      </form>
    </section>
  );
}
