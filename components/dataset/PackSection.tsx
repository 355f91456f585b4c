import { useState } from 'preact/hooks';
import type { LayerImportSummary } from '../../lib/background/dataset-layer-service';
import { packSizeRefusal, type PackRefusal } from '../../lib/dataset/pack';
import { ask } from '../../platform/messaging';
import { downloadText } from '../../platform/download';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';
import { takeChosenFile, useWorded } from '../use-worded';
import { describePackRefusal } from './pack-refusal-text';

const news = (p: LayerImportSummary) => p.counts.added + p.counts.updated;

/** Export the reader's layer as a pack; import a pack or a ClaimReview file after a preview, all or nothing. */
export function PackSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [curatedBy, setCuratedBy] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<LayerImportSummary | null>(null);
  const [message, setMessage] = useWorded<{ ok: boolean; text: string }>();

  const exportPack = async () => {
    setMessage(null);
    try {
      const out = await ask({ type: 'layer/export-pack', title, curatedBy });
      downloadText(out.fileName, 'application/json', out.text);
      setMessage((t) => ({ ok: true, text: t('dataset.exported', { file: out.fileName }) }));
    } catch (e) {
      setMessage((t) => ({ ok: false, text: errorText(t, e) }));
    }
  };

  // Worded when shown, so that a switch of language rewords it too.
  const refuse = (name: string, refusal: PackRefusal) => {
    setFile(null);
    setMessage((t) => ({ ok: false, text: t('dataset.importFailed', { file: name, message: describePackRefusal(t, refusal) }) }));
  };

  const pick = async (input: HTMLInputElement) => {
    setPreview(null);
    setMessage(null);
    const chosen = takeChosenFile(input);
    if (!chosen) return;
    try {
      const text = await chosen.text();
      // The message protocol would refuse a text this long in words of its own: say it here.
      const tooLarge = packSizeRefusal(text.length);
      if (tooLarge) return refuse(chosen.name, tooLarge);
      const result = await ask({ type: 'layer/import-preview', text });
      if ('refused' in result) return refuse(chosen.name, result.refused);
      setFile({ name: chosen.name, text });
      setPreview(result);
    } catch (e) {
      setFile(null);
      setMessage((t) => ({ ok: false, text: t('dataset.importFailed', { file: chosen.name, message: errorText(t, e) }) }));
    }
  };

  const apply = async () => {
    if (!file) return;
    try {
      const done = await ask({ type: 'layer/import-apply', text: file.text });
      if ('refused' in done) {
        setPreview(null);
        return refuse(file.name, done.refused);
      }
      setMessage((t) => ({ ok: true, text: t('dataset.imported', { file: file.name, added: done.counts.added, updated: done.counts.updated }) }));
      setPreview(null);
      setFile(null);
      onChanged();
    } catch (e) {
      setMessage((t) => ({ ok: false, text: t('dataset.importFailed', { file: file.name, message: errorText(t, e) }) }));
    }
  };

  return (
    <section class="card" aria-labelledby="pack-h" data-testid="pack-section">
      <h2 id="pack-h">{t('dataset.packTitle')}</h2>
      <p class="hint">{t('dataset.packHint')}</p>
      <div class="two">
        <label class="field">
          {t('dataset.packName')}
          <input value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          {t('dataset.packCurator')}
          <input value={curatedBy} onInput={(e) => setCuratedBy((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void exportPack()} data-testid="pack-export">
          {t('dataset.exportPack')}
        </button>
      </div>
      <hr />
      <label class="field">
        {t('dataset.importFile')}
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => void pick(e.target as HTMLInputElement)} data-testid="pack-file" />
      </label>
      {preview && file && (
        <div class="preview" data-testid="pack-preview" aria-live="polite">
          <p>
            {t('dataset.previewLine', { title: preview.title, added: preview.counts.added, updated: preview.counts.updated, unchanged: preview.counts.unchanged, kept: preview.counts.keptOurs })}
          </p>
          <p class="muted">
            {t('dataset.previewRecords', {
              claims: preview.records.claim,
              subjects: preview.records.subject,
              corrections: preview.records.correction + preview.records.retirement,
              assessments: preview.records.assessment,
              terms: preview.records.term,
            })}
          </p>
          {news(preview) > 0 ? (
            <button type="button" class="primary" onClick={() => void apply()} data-testid="pack-apply">
              {t('dataset.importApply')}
            </button>
          ) : (
            <p>{t('dataset.importNothing')}</p>
          )}
        </div>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="pack-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
