import { useState } from 'preact/hooks';
import type { EffectiveClaim } from '../../lib/dataset/layer';
import type { Source, Subject } from '../../lib/dataset/schema';
import type { ClaimVisit } from '../../lib/store/db';
import { formatDate } from '../../lib/i18n';
import { ask } from '../../platform/messaging';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';

const KIND_KEY = {
  claim: 'dataset.kindClaim',
  correction: 'dataset.kindCorrection',
  retirement: 'dataset.kindRetirement',
  assessment: 'dataset.kindAssessment',
  subject: 'dataset.kindSubject',
  term: 'dataset.kindTerm',
} as const;

const STATUS_KEY = { bundled: 'dataset.statusBundled', added: 'dataset.statusAdded', changed: 'dataset.statusChanged', retired: 'dataset.statusRetired' } as const;

/** One claim on the Dataset page: statement, status, sources, the reader's changes, and what can be done to it. */
export function ClaimCard({ claim, subject, sources, keepVisits, onChanged }: { claim: EffectiveClaim; subject: Subject | undefined; sources: Map<string, Source>; keepVisits: boolean; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ statement: claim.statement, statementEs: claim.statementEs, text: claim.quantity?.text ?? '', reason: '' });
  const [error, setError] = useState<string | null>(null);
  const [visits, setVisits] = useState<ClaimVisit[] | null>(null);
  const status = claim.layer.status;
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setEditing(false);
      onChanged();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const correction = claim.layer.changes.find((c) => c.kind === 'correction');
  // Made on the Dataset page, not on a page the reader was reading: no origin to record.
  const origin = null;

  const saveCorrection = (e: Event) => {
    e.preventDefault();
    const patch: Record<string, unknown> = {};
    if (draft.statement.trim() !== claim.statement) patch.statement = draft.statement.trim();
    if (draft.statementEs.trim() !== claim.statementEs) patch.statementEs = draft.statementEs.trim();
    if (claim.quantity && draft.text.trim() && draft.text.trim() !== claim.quantity.text) patch.quantity = { ...claim.quantity, text: draft.text.trim() };
    void run(() => ask({ type: 'layer/save', edit: { kind: 'correction', target: claim.id, patch, reason: draft.reason }, origin: null }));
  };

  return (
    <li class={`dataset-claim status-${status}`} data-testid="dataset-claim" data-claim-id={claim.id} data-status={status}>
      <div class="claim-top">
        <span class={`badge badge-${status}`}>{t(STATUS_KEY[status])}</span>
        <span class="muted subject-label">{subject ? (locale === 'es' ? subject.labelEs : subject.label) : claim.subject}</span>
        <code class="claim-id">{claim.id}</code>
      </div>
      <p class="statement">{locale === 'es' ? claim.statementEs : claim.statement}</p>
      {claim.quantity && <p class="muted value-line">{claim.quantity.text}</p>}
      <details>
        <summary>{t('dataset.sources')} ({claim.sources.length + (claim.webSources?.length ?? 0)})</summary>
        <ul class="source-list">
          {claim.sources.map((s, i) => (
            <li key={`b${i}`}>
              <strong>{sources.get(s.sourceId)?.title ?? s.sourceId}</strong>
              <blockquote>{s.quote.exact}</blockquote>
            </li>
          ))}
          {(claim.webSources ?? []).map((s, i) => (
            <li key={`w${i}`}>
              <a href={s.url} target="_blank" rel="noreferrer noopener">
                {s.title || s.url}
              </a>{' '}
              <span class="muted">{t('dataset.seenOn', { date: formatDate(locale, s.seenAt) })}</span>
              {s.rating && <div class="rating">{t('dataset.rating', { rating: s.rating, publisher: s.publisher ?? '' })}</div>}
              {s.quote && <blockquote>{s.quote.exact}</blockquote>}
            </li>
          ))}
        </ul>
      </details>
      {claim.layer.changes.length > 0 && (
        <ul class="history" aria-label={t('dataset.history')}>
          {claim.layer.changes.map((c) => (
            <li key={c.id} class="muted">
              {t('dataset.changedOn', { kind: t(KIND_KEY[c.kind]), date: formatDate(locale, c.at, { dateStyle: 'medium', timeStyle: 'short' }) })}
              {c.origin && (
                <>
                  {' '}
                  <a href={c.origin.url} target="_blank" rel="noreferrer noopener">
                    {t('dataset.fromPage', { title: c.origin.title || c.origin.url })}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {keepVisits && (
        <details onToggle={(e) => (e.target as HTMLDetailsElement).open && visits === null && void ask({ type: 'layer/visits', claimId: claim.id }).then(setVisits)}>
          <summary>{t('dataset.visitsTitle')}</summary>
          {visits && visits.length === 0 && <p class="muted">{t('dataset.visitsNone')}</p>}
          <ul class="visits" data-testid="claim-visits">
            {(visits ?? []).map((v) => (
              <li key={v.canonicalUrl}>
                <span class={`badge badge-${v.relation}`}>{v.relation === 'agrees' ? t('dataset.visitsAgrees') : v.relation === 'repeats-error' ? t('dataset.visitsRepeatsError') : t('dataset.visitsConflicts')}</span>{' '}
                <a href={v.canonicalUrl} target="_blank" rel="noreferrer noopener">
                  {v.title || v.canonicalUrl}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
      {editing ? (
        <form class="correct-form" onSubmit={saveCorrection} aria-label={t('dataset.correctTitle')} data-testid="correct-form">
          <label class="field">
            {t('dataset.statementEn')}
            <textarea rows={2} value={draft.statement} onInput={(e) => setDraft({ ...draft, statement: (e.target as HTMLTextAreaElement).value })} data-testid="correct-statement" />
          </label>
          <label class="field">
            {t('dataset.statementEs')}
            <textarea rows={2} value={draft.statementEs} onInput={(e) => setDraft({ ...draft, statementEs: (e.target as HTMLTextAreaElement).value })} />
          </label>
          {claim.quantity && (
            <label class="field">
              {t('dataset.valueText')}
              <input value={draft.text} onInput={(e) => setDraft({ ...draft, text: (e.target as HTMLInputElement).value })} />
            </label>
          )}
          <label class="field">
            {t('dataset.reason')}
            <input value={draft.reason} onInput={(e) => setDraft({ ...draft, reason: (e.target as HTMLInputElement).value })} />
          </label>
          <div class="actions">
            <button type="submit" class="primary" data-testid="correct-save">
              {t('dataset.saveCorrection')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setEditing(true)} data-testid="claim-correct">
            {t('dataset.correct')}
          </button>
          {status === 'retired' ? (
            <button type="button" onClick={() => void run(() => ask({ type: 'layer/save', edit: { kind: 'retirement', target: claim.id, retired: false, reason: '' }, origin }))} data-testid="claim-restore">
              {t('dataset.restore')}
            </button>
          ) : (
            <button type="button" onClick={() => void run(() => ask({ type: 'layer/save', edit: { kind: 'retirement', target: claim.id, retired: true, reason: '' }, origin }))} data-testid="claim-retire">
              {t('dataset.retire')}
            </button>
          )}
          {correction && (
            <button type="button" class="link" onClick={() => void run(() => ask({ type: 'layer/withdraw', id: correction.id }))}>
              {t('dataset.undoCorrection')}
            </button>
          )}
          {status === 'added' && (
            <button type="button" class="link" onClick={() => confirm(t('dataset.confirmDelete')) && void run(() => ask({ type: 'layer/withdraw', id: `claim:${claim.id}` }))}>
              {t('dataset.deleteMine')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </li>
  );
}
