import { useState } from 'preact/hooks';
import type { ImportRefusal, ImportSummary, InvalidRecordSummary } from '../../lib/data/import-summary';
import type { MessageKey, Translate } from '../../lib/i18n';
import { ask } from '../../platform/messaging';
import { useT } from '../i18n';
import { errorText } from '../error-text';
import { describeProblem } from '../import-problem';
import { takeChosenFile, useWorded } from '../use-worded';

// A backup's dataset changes count too: a file holding only those is still worth importing.
const changes = (p: ImportSummary) => p.counts.added + p.counts.updated + p.counts.merged + p.datasetChanges;

const STATUS_LABEL: Record<string, MessageKey> = {
  added: 'exchange.statusAdded',
  updated: 'exchange.statusUpdated',
  unchanged: 'exchange.statusUnchanged',
  merged: 'exchange.statusMerged',
};

const REASON: Record<ImportRefusal['refused']['reason'], MessageKey> = {
  'not-json': 'exchange.reasonNotJson',
  'not-ours': 'exchange.reasonNotOurs',
  newer: 'exchange.reasonNewer',
  other: 'exchange.reasonOther',
};

/** A bad record in words: which one, which field, what is wrong (never the validator's own wording). */
export function describeInvalid(t: Translate, r: InvalidRecordSummary): string {
  const problem = describeProblem(t, r);
  return t('exchange.invalidRecord', { number: r.number, id: r.id !== undefined ? t('exchange.invalidId', { id: r.id }) : '', problem });
}

function formatName(t: Translate, p: ImportSummary): string {
  if (p.format === 'cecot-lens-bundle') return t('exchange.importFormatBundle', { version: p.formatVersion ?? '?' });
  return p.format === 'hypothesis' ? t('exchange.importFormatHypothesis') : t('exchange.importFormatW3c');
}

type Message = { ok: boolean; text: string; detail?: string };

/** Import: pick a file, see what it would do, then apply it in one go (or not at all). */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const t = useT();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [message, setMessage] = useWorded<Message>();
  const [busy, setBusy] = useState(false);

  const refuse = (name: string, refusal: ImportRefusal) =>
    setMessage((t) => ({ ok: false, text: t('exchange.importFileError', { file: name, reason: t(REASON[refusal.refused.reason]) }), detail: refusal.refused.detail }));

  const pick = async (input: HTMLInputElement) => {
    setPreview(null);
    setMessage(null);
    const chosen = takeChosenFile(input);
    if (!chosen) return;
    try {
      const text = await chosen.text();
      const result = await ask({ type: 'data/import-preview', text });
      if ('refused' in result) {
        setFile(null);
        refuse(chosen.name, result);
        return;
      }
      setFile({ name: chosen.name, text });
      setPreview(result);
    } catch (error) {
      setFile(null);
      setMessage((t) => ({ ok: false, text: t('exchange.importFileError', { file: chosen.name, reason: t('exchange.reasonOther') }), detail: errorText(t, error) }));
    }
  };

  const apply = async (keepValid: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await ask({ type: 'data/import-apply', text: file.text, keepValid });
      const leftOut = keepValid ? done.invalid.length : 0;
      setMessage((t) => ({
        ok: true,
        text:
          t('exchange.imported', { file: file.name, added: done.counts.added, updated: done.counts.updated, merged: done.counts.merged, same: done.counts.unchanged }) +
          (leftOut > 0 ? ' ' + t('exchange.importedLeftOut', { count: leftOut }) : '') +
          (done.datasetChanges > 0 ? ' ' + t('exchange.importedLayer', { count: done.datasetChanged ?? 0 }) : ''),
      }));
      setPreview(null);
      setFile(null);
      onImported();
    } catch (error) {
      setMessage((t) => ({ ok: false, text: t('exchange.importFileError', { file: file.name, reason: t('exchange.reasonOther') }), detail: errorText(t, error) }));
    } finally {
      setBusy(false);
    }
  };

  const invalid = preview?.invalid ?? [];
  return (
    <div class="stack" data-testid="import-form">
      <h3>{t('exchange.importTitle')}</h3>
      <p class="hint">{t('exchange.importHint')}</p>
      <label class="field">
        {t('exchange.fileToImport')}
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => void pick(e.target as HTMLInputElement)} />
      </label>
      {preview && file && (
        <div class="preview" data-testid="import-preview" aria-live="polite">
          <p>
            <strong>{t('exchange.importHeadline', { file: file.name, count: preview.total, format: formatName(t, preview) })}</strong>
          </p>
          <ul class="counts-list">
            <li>{t('exchange.countNew', { count: preview.counts.added })}</li>
            <li>{t('exchange.countNewer', { count: preview.counts.updated })}</li>
            <li>{t('exchange.countMerged', { count: preview.counts.merged })}</li>
            <li>{t('exchange.countSame', { count: preview.counts.unchanged })}</li>
            {preview.counts.conflicts > 0 && <li>{t('exchange.countConflicts', { count: preview.counts.conflicts })}</li>}
            {preview.kept.replies > 0 && <li data-testid="import-kept-replies">{t('exchange.keptReplies', { count: preview.kept.replies })}</li>}
            {preview.kept.pageNotes > 0 && <li data-testid="import-kept-page-notes">{t('exchange.keptPageNotes', { count: preview.kept.pageNotes })}</li>}
            {preview.datasetChanges > 0 && <li data-testid="import-dataset-changes">{t('exchange.countDataset', { count: preview.datasetChanges })}</li>}
          </ul>
          {preview.examples.length > 0 && (
            <ul class="examples">
              {preview.examples.map((x) => (
                <li key={x.id}>
                  <span class="pill">{STATUS_LABEL[x.status] ? t(STATUS_LABEL[x.status]!) : x.status}</span> “{x.quote}” <span class="muted">{x.url}</span>
                </li>
              ))}
            </ul>
          )}
          {invalid.length > 0 && (
            <div class="invalid" data-testid="import-invalid" role="alert">
              <p>{t('exchange.invalidHeadline', { count: invalid.length })}</p>
              <ul>
                {invalid.map((r) => (
                  <li key={r.number}>{describeInvalid(t, r)}</li>
                ))}
              </ul>
            </div>
          )}
          <div class="actions">
            {invalid.length > 0 ? (
              preview.total > 0 && (
                <button type="button" class="primary" disabled={busy} onClick={() => void apply(true)}>
                  {t('exchange.importValidOnly', { count: preview.total })}
                </button>
              )
            ) : changes(preview) > 0 ? (
              <button type="button" class="primary" disabled={busy} onClick={() => void apply(false)}>
                {t('exchange.importChanges', { count: changes(preview) })}
              </button>
            ) : (
              <span class="muted">{t('exchange.importNothing')}</span>
            )}
            <button type="button" onClick={() => (setPreview(null), setFile(null))}>
              {t('common.cancel')}
            </button>
          </div>
          <p class="hint">{t('exchange.importAllOrNothing')}</p>
        </div>
      )}
      {message && (
        <div role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="import-message">
          <p>{message.text}</p>
          {message.detail && (
            <details>
              <summary>{t('exchange.technicalDetails')}</summary>
              <code>{message.detail}</code>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
