import { useEffect, useState } from 'preact/hooks';
import { formToClaim, prefillClaimForm, type ClaimFormState } from '../../lib/dataset/claim-form';
import { ClaimCategory, Qualifier, type Subject } from '../../lib/dataset/schema';
import type { DatasetView } from '../../lib/messages/protocol';
import { ask } from '../../platform/messaging';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';

const CATEGORY_KEY = {
  quantity: 'dataset.catQuantity',
  event: 'dataset.catEvent',
  attribution: 'dataset.catAttribution',
  condition: 'dataset.catCondition',
  legal: 'dataset.catLegal',
  characterisation: 'dataset.catCharacterisation',
} as const;
const QUALIFIER_KEY = {
  exact: 'dataset.qualExact',
  about: 'dataset.qualAbout',
  'up-to': 'dataset.qualUpTo',
  'at-least': 'dataset.qualAtLeast',
  'more-than': 'dataset.qualMoreThan',
  'less-than': 'dataset.qualLessThan',
  nearly: 'dataset.qualNearly',
  range: 'dataset.qualRange',
} as const;

/**
 * The add-to-dataset form, in an extension page (never in the page's DOM):
 * pre-filled from the tab's draft (a selection) or from one of its found claims.
 */
export function AddClaimForm({ tabId, claimKey }: { tabId: number; claimKey: string | null }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<ClaimFormState | null>(null);
  const [view, setView] = useState<DatasetView | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    void (async () => {
      const [state, v] = await Promise.all([ask({ type: 'tab/state', tabId }), ask({ type: 'layer/view' })]);
      setView(v);
      const report = state.report;
      const claim = claimKey ? report?.claims.find((c) => c.key === claimKey) : undefined;
      const draft = claimKey ? null : state.draft;
      const text = claim?.text ?? draft?.quote;
      const pageUrl = draft?.canonicalUrl ?? report?.canonicalUrl;
      if (!text || !pageUrl) return setMissing(true);
      const matched = (claim?.matches ?? []).map((m) => v.claims.find((c) => c.id === m.claimId)).filter((c) => c !== undefined);
      const suggested = (draft?.suggestedClaims ?? []).map((id) => v.claims.find((c) => c.id === id)).filter((c) => c !== undefined);
      setForm(
        prefillClaimForm({
          text,
          captured: draft ? draft.selectors.quote : claim ? { type: 'TextQuoteSelector', exact: claim.text } : null,
          pageUrl,
          pageTitle: report?.title || draft?.title || '',
          language: report?.language || locale,
          matchedClaims: [...matched, ...suggested],
          now: new Date(),
        }),
      );
    })().catch((e: unknown) => setMessage({ ok: false, text: errorText(t, e) }));
  }, [tabId, claimKey]);

  if (missing) return <main class="page"><h1>{t('dataset.addTitle')}</h1><p class="empty" data-testid="add-nothing">{t('dataset.noDraft')}</p></main>;
  if (!form || !view) return <main class="page"><p>{message ? message.text : t('common.loading')}</p></main>;

  // An edit makes an old refusal stale: it goes, so that what is shown is about what is typed.
  const set = (patch: Partial<ClaimFormState>) => {
    setForm({ ...form, ...patch });
    if (message && !message.ok) setMessage(null);
  };
  const subjects = view.subjects;
  const chosen: Subject | undefined = subjects.find((s) => s.key === form.subject);
  const unit = chosen?.unit ?? (form.subject === '' ? form.newSubject.unit : '');
  const label = (s: Subject) => (locale === 'es' ? s.labelEs : s.label);

  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    const result = formToClaim(form, subjects);
    if (!result.ok) return setMessage({ ok: false, text: t('dataset.fixErrors', { errors: result.errors.map((x) => `${x.field}: ${x.message}`).join('; ') }) });
    setBusy(true);
    try {
      const saved = await ask({ type: 'layer/add-claim', claim: result.claim, ...(result.subject ? { subject: result.subject } : {}), tabId });
      if (!claimKey) await ask({ type: 'draft/clear', tabId }).catch(() => undefined);
      setMessage({ ok: true, text: t('dataset.savedClaim', { id: saved.claimId }) });
    } catch (error) {
      // The form keeps everything typed: nothing is lost on a refusal.
      setMessage({ ok: false, text: errorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page dataset-page">
      <header class="page-header">
        <h1>{t('dataset.addTitle')}</h1>
        <p class="lede">{t('dataset.addLede')}</p>
        <p class="meta-line">{t('dataset.fromPageLine', { title: form.sourceTitle || form.sourceUrl })}</p>
      </header>
      <form class="card claim-form" onSubmit={(e) => void submit(e)} data-testid="add-claim-form">
        <label class="field">
          {t('dataset.quote')}
          <textarea rows={3} value={form.quote} onInput={(e) => set({ quote: (e.target as HTMLTextAreaElement).value })} data-testid="form-quote" />
          <span class="hint">{t('dataset.quoteHint')}</span>
        </label>
        <div class="two">
          <label class="field">
            {t('dataset.statementEn')}
            <textarea rows={3} value={form.statement} onInput={(e) => set({ statement: (e.target as HTMLTextAreaElement).value })} data-testid="form-statement" />
          </label>
          <label class="field">
            {t('dataset.statementEs')}
            <textarea rows={3} value={form.statementEs} onInput={(e) => set({ statementEs: (e.target as HTMLTextAreaElement).value })} data-testid="form-statement-es" />
          </label>
        </div>
        <p class="hint">{t('dataset.translateHint')}</p>
        <div class="two">
          <label class="field">
            {t('dataset.subject')}
            <select value={form.subject} onChange={(e) => set({ subject: (e.target as HTMLSelectElement).value })} data-testid="form-subject">
              <option value="">{t('dataset.newSubject')}</option>
              {subjects.map((s) => (
                <option key={s.key} value={s.key}>
                  {label(s)} ({s.key})
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            {t('dataset.category')}
            <select value={form.category} onChange={(e) => set({ category: (e.target as HTMLSelectElement).value as ClaimFormState['category'] })}>
              {ClaimCategory.options.map((c) => (
                <option key={c} value={c}>
                  {t(CATEGORY_KEY[c])}
                </option>
              ))}
            </select>
          </label>
        </div>
        {form.subject === '' && (
          <fieldset class="sub" data-testid="form-new-subject">
            <legend>{t('dataset.newSubject')}</legend>
            <div class="two">
              <Text label={t('dataset.subjectKey')} value={form.newSubject.key} onInput={(key) => set({ newSubject: { ...form.newSubject, key } })} testId="form-subject-key" />
              <label class="field">
                {t('dataset.subjectKind')}
                <select value={form.newSubject.kind} onChange={(e) => set({ newSubject: { ...form.newSubject, kind: (e.target as HTMLSelectElement).value as 'quantity' | 'statement' } })}>
                  <option value="quantity">{t('dataset.subjectQuantity')}</option>
                  <option value="statement">{t('dataset.subjectStatement')}</option>
                </select>
              </label>
              <Text label={t('dataset.subjectLabelEn')} value={form.newSubject.label} onInput={(label) => set({ newSubject: { ...form.newSubject, label } })} testId="form-subject-label" />
              <Text label={t('dataset.subjectLabelEs')} value={form.newSubject.labelEs} onInput={(labelEs) => set({ newSubject: { ...form.newSubject, labelEs } })} />
              {form.newSubject.kind === 'quantity' && <Text label={t('dataset.unit')} value={form.newSubject.unit} onInput={(u) => set({ newSubject: { ...form.newSubject, unit: u } })} testId="form-subject-unit" />}
              <Text label={t('dataset.cuesEn')} value={form.newSubject.cuesEn} onInput={(cuesEn) => set({ newSubject: { ...form.newSubject, cuesEn } })} testId="form-subject-cues" />
              <Text label={t('dataset.cuesEs')} value={form.newSubject.cuesEs} onInput={(cuesEs) => set({ newSubject: { ...form.newSubject, cuesEs } })} />
            </div>
          </fieldset>
        )}
        <fieldset class="sub">
          <legend>{t('dataset.value')}</legend>
          <div class="radios">
            {(['none', 'quantity', 'year', 'date', 'title'] as const).map((k) => (
              <label key={k} class="check">
                <input type="radio" name="value-kind" checked={form.valueKind === k} onChange={() => set({ valueKind: k })} />
                {t(`dataset.value${k === 'none' ? 'None' : k === 'quantity' ? 'Quantity' : k === 'year' ? 'Year' : k === 'date' ? 'Date' : 'Title'}`)}
              </label>
            ))}
          </div>
          {form.valueKind === 'quantity' && (
            <div class="two">
              <label class="field">
                {t('dataset.qualifier')}
                <select value={form.quantity.qualifier} onChange={(e) => set({ quantity: { ...form.quantity, qualifier: (e.target as HTMLSelectElement).value as ClaimFormState['quantity']['qualifier'] } })}>
                  {Qualifier.options.map((q) => (
                    <option key={q} value={q}>
                      {t(QUALIFIER_KEY[q])}
                    </option>
                  ))}
                </select>
              </label>
              {form.quantity.qualifier === 'range' ? (
                <>
                  <Text label={t('dataset.min')} value={form.quantity.min} onInput={(min) => set({ quantity: { ...form.quantity, min } })} />
                  <Text label={t('dataset.max')} value={form.quantity.max} onInput={(max) => set({ quantity: { ...form.quantity, max } })} />
                </>
              ) : (
                <Text label={`${t('dataset.number')}${unit ? ` (${unit})` : ''}`} value={form.quantity.value} onInput={(value) => set({ quantity: { ...form.quantity, value } })} testId="form-number" />
              )}
              <Text label={t('dataset.valueText')} value={form.quantity.text} onInput={(text) => set({ quantity: { ...form.quantity, text } })} />
            </div>
          )}
          {form.valueKind === 'year' && <Text label={t('dataset.valueYear')} value={form.year} onInput={(year) => set({ year })} />}
          {form.valueKind === 'date' && <Text label={t('dataset.valueDate')} value={form.date} onInput={(date) => set({ date })} placeholder={t('dataset.datePlaceholder')} />}
          {form.valueKind === 'title' && <Text label={t('dataset.valueTitle')} value={form.title} onInput={(title) => set({ title })} />}
        </fieldset>
        <div class="two">
          <label class="field">
            {t('dataset.claimant')}
            <select value={form.claimantType} onChange={(e) => set({ claimantType: (e.target as HTMLSelectElement).value as ClaimFormState['claimantType'] })}>
              <option value="article">{t('dataset.claimantArticle')}</option>
              <option value="person">{t('dataset.claimantPerson')}</option>
              <option value="organisation">{t('dataset.claimantOrganisation')}</option>
              <option value="unidentified">{t('dataset.claimantUnidentified')}</option>
            </select>
          </label>
          {form.claimantType !== 'article' && <Text label={t('dataset.claimantName')} value={form.claimantName} onInput={(claimantName) => set({ claimantName })} />}
          <Text label={t('dataset.claimDate')} value={form.claimDate} onInput={(claimDate) => set({ claimDate })} />
        </div>
        <div class="two">
          <label class="field">
            {t('dataset.sourceUrl')}
            <input value={form.sourceUrl} readOnly data-testid="form-source" />
          </label>
          <Text label={t('dataset.sourceTitle')} value={form.sourceTitle} onInput={(sourceTitle) => set({ sourceTitle })} />
        </div>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="form-message">
            {message.text}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} data-testid="form-save">
            {t('dataset.saveClaim')}
          </button>
          <a href="#" class="link">
            {t('dataset.openDataset')}
          </a>
        </div>
      </form>
    </main>
  );
}

function Text({ label, value, onInput, testId, placeholder }: { label: string; value: string; onInput: (v: string) => void; testId?: string; placeholder?: string }) {
  return (
    <label class="field">
      {label}
      <input value={value} placeholder={placeholder} onInput={(e) => onInput((e.target as HTMLInputElement).value)} data-testid={testId} />
    </label>
  );
}
