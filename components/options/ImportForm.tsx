import { useState } from 'preact/hooks';
import type { ImportSummary } from '../../lib/data/import-summary';
import { ask } from '../../platform/messaging';

const changes = (p: ImportSummary) => p.counts.added + p.counts.updated + p.counts.merged;

const STATUS_LABEL: Record<string, string> = { added: 'new', updated: 'newer than yours', unchanged: 'already here', merged: 'merged' };

/** Import: pick a file, see what it would do, then apply it in one go (or not at all). */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (input: HTMLInputElement) => {
    setPreview(null);
    setMessage(null);
    const chosen = input.files?.[0];
    if (!chosen) return;
    try {
      const text = await chosen.text();
      setFile({ name: chosen.name, text });
      setPreview(await ask({ type: 'data/import-preview', text }));
    } catch (error) {
      setFile(null);
      setMessage({ ok: false, text: `${chosen.name}: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.` });
    }
  };

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await ask({ type: 'data/import-apply', text: file.text });
      setMessage({ ok: true, text: `Imported ${file.name}: ${done.counts.added} new, ${done.counts.updated} updated, ${done.counts.merged} merged, ${done.counts.unchanged} already here.` });
      setPreview(null);
      setFile(null);
      onImported();
    } catch (error) {
      setMessage({ ok: false, text: `${file.name}: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="stack" data-testid="import-form">
      <h3>Import</h3>
      <p class="hint">A CECOT Lens JSON bundle (any version) or W3C Web Annotation JSON-LD. You see what it would change before anything is written.</p>
      <label class="field">
        File to import
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => void pick(e.target as HTMLInputElement)} />
      </label>
      {preview && file && (
        <div class="preview" data-testid="import-preview" aria-live="polite">
          <p>
            <strong>{file.name}</strong>: {preview.total} annotation{preview.total === 1 ? '' : 's'} ({preview.format === 'cecot-lens-bundle' ? `JSON bundle v${preview.formatVersion}` : 'W3C Web Annotation'})
          </p>
          <ul class="counts-list">
            <li>{preview.counts.added} new</li>
            <li>{preview.counts.updated} newer than yours</li>
            <li>{preview.counts.merged} merged</li>
            <li>{preview.counts.unchanged} already here</li>
            {preview.counts.conflicts > 0 && <li>{preview.counts.conflicts} edited on both sides: the newest edit is kept</li>}
          </ul>
          {preview.examples.length > 0 && (
            <ul class="examples">
              {preview.examples.map((x) => (
                <li key={x.id}>
                  <span class="pill">{STATUS_LABEL[x.status] ?? x.status}</span> “{x.quote}” <span class="muted">{x.url}</span>
                </li>
              ))}
            </ul>
          )}
          <div class="actions">
            {changes(preview) > 0 ? (
              <button type="button" class="primary" disabled={busy} onClick={() => void apply()}>
                Import {changes(preview)} change{changes(preview) === 1 ? '' : 's'}
              </button>
            ) : (
              <span class="muted">Nothing to import: this file holds nothing newer than what you have.</span>
            )}
            <button type="button" onClick={() => (setPreview(null), setFile(null))}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="import-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
