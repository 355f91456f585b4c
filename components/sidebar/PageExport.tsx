import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../lib/data/export-request';
import { ask } from '../../platform/messaging';
import { downloadText } from '../../platform/download';

const CHOICES: { format: ExportFormat; label: string }[] = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'w3c', label: 'W3C JSON-LD' },
  { format: 'bundle', label: 'JSON backup' },
];

/** This page's notes, exported; everything else (filters, ClaimReview) is on the options page. */
export function PageExport({ canonicalUrl }: { canonicalUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setError(null);
    try {
      const out = await ask({ type: 'data/export', request: { format, canonicalUrl, hosts: [], tags: [], verdicts: [], bom: true } });
      downloadText(out.filename, out.mime, out.text);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="page-export" role="group" aria-label="Export this page's notes">
      <span class="muted">Export these notes:</span>
      {CHOICES.map((c) => (
        <button key={c.format} type="button" class="chip" onClick={() => void run(c.format)}>
          {c.label}
        </button>
      ))}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
