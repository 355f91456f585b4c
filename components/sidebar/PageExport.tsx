import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../lib/data/export-request';
import type { MessageKey } from '../../lib/i18n';
import { ask } from '../../platform/messaging';
import { downloadText } from '../../platform/download';
import { useT } from '../i18n';
import { errorText } from '../error-text';

const CHOICES: { format: ExportFormat; label: MessageKey }[] = [
  { format: 'markdown', label: 'sidebar.formatMarkdown' },
  { format: 'csv', label: 'sidebar.formatCsv' },
  { format: 'w3c', label: 'sidebar.formatW3c' },
  { format: 'bundle', label: 'sidebar.formatBundle' },
];

/** This page's notes, exported; everything else (filters, ClaimReview) is on the options page. */
export function PageExport({ canonicalUrl }: { canonicalUrl: string }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setError(null);
    try {
      const out = await ask({ type: 'data/export', request: { format, canonicalUrl, hosts: [], tags: [], verdicts: [], bom: true } });
      downloadText(out.filename, out.mime, out.text);
    } catch (e) {
      setError(t('common.error', { message: errorText(t, e) }));
    }
  };
  return (
    <div class="page-export" role="group" aria-label={t('sidebar.exportGroup')}>
      <span class="muted">{t('sidebar.exportLabel')}</span>
      {CHOICES.map((c) => (
        <button key={c.format} type="button" class="chip" onClick={() => void run(c.format)}>
          {t(c.label)}
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
