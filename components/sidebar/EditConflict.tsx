import { useState } from 'preact/hooks';
import type { Annotation } from '../../lib/annotations/schema';
import type { AnnotationFields } from '../../lib/annotations/edit';
import { formatDate } from '../../lib/i18n';
import { liveVersions, resolutionFields, type Resolution } from '../../lib/merge/resolve';
import { useI18n } from '../i18n';

interface Props {
  annotation: Annotation;
  /** Saves the reader's choice as a resolving edit. */
  onResolve: (annotation: Annotation, fields: AnnotationFields) => Promise<void> | void;
  onDelete: (annotation: Annotation) => void;
}

/**
 * "Also edited on another device": every version of a note that two devices
 * changed without seeing each other, side by side, and the reader's choice.
 * Nothing is dropped until they choose; choosing is a new edit.
 */
export function EditConflict({ annotation: a, onResolve, onDelete }: Props) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const versions = liveVersions(a);
  const deletedElsewhere = (a.conflicts ?? []).find((k) => k.deletedAt !== null);
  const when = (iso: string) => formatDate(locale, iso, { dateStyle: 'medium', timeStyle: 'short' });
  const choose = async (choice: Resolution) => {
    setBusy(true);
    try {
      await onResolve(a, resolutionFields(a, choice));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="edit-conflict" role="group" aria-label={t('exchange.conflictTitle')} data-testid="edit-conflict">
      <h4>{t('exchange.conflictTitle')}</h4>
      <p class="muted">{t('exchange.conflictExplain')}</p>
      {versions.length > 1 && (
        <ol class="versions">
          {versions.map((v, i) => (
            <li key={`${v.deviceId}|${v.updatedAt}|${i}`} class="version" data-testid="conflict-version">
              <p class="version-head">
                <strong>{i === 0 ? t('exchange.conflictThis') : t('exchange.conflictOther')}</strong>{' '}
                <span class="muted">{t('exchange.conflictSaved', { when: when(v.updatedAt) })}</span>
              </p>
              <p class="note-text">{v.note.trim() === '' ? <em class="muted">{t('exchange.conflictEmptyNote')}</em> : v.note}</p>
              {(v.verdict || v.tags.length > 0) && (
                <div class="note-meta">
                  {v.verdict && <span class={`verdict verdict-${v.verdict}`}>{v.verdict}</span>}
                  {v.tags.map((tag) => (
                    <span key={tag} class="tag">
                      #{tag}
                    </span>
                  ))}
                </div>
              )}
              <button type="button" class="secondary" disabled={busy} onClick={() => void choose({ keep: i })}>
                {t('exchange.conflictKeepThis')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {versions.length > 1 && (
        <div class="actions small">
          <button type="button" class="primary" disabled={busy} onClick={() => void choose('all')}>
            {versions.length === 2 ? t('exchange.conflictKeepBoth') : t('exchange.conflictKeepAll', { count: versions.length })}
          </button>
          <span class="muted small-print">{t('exchange.conflictTagsKept')}</span>
        </div>
      )}
      {deletedElsewhere && (
        <div class="deleted-elsewhere">
          <p>{t('exchange.conflictDeletedElsewhere', { when: when(deletedElsewhere.updatedAt) })}</p>
          <div class="actions small">
            <button type="button" class="secondary" disabled={busy} onClick={() => void choose({ keep: 0 })}>
              {t('exchange.conflictKeepNote')}
            </button>
            <button type="button" class="link danger" disabled={busy} onClick={() => onDelete(a)}>
              {t('exchange.conflictDeleteToo')}
            </button>
          </div>
        </div>
      )}
      {busy && <p class="muted" role="status">{t('exchange.conflictSaving')}</p>}
    </section>
  );
}
