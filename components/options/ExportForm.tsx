import { useState } from 'preact/hooks';
import type { ExportFormat, ExportResult } from '../../lib/data/export-request';
import type { Verdict } from '../../lib/annotations/schema';
import type { ClaimReviewWarning } from '../../lib/exchange/to-claimreview';
import type { MessageKey, Translate } from '../../lib/i18n';
import { ask } from '../../platform/messaging';
import { downloadText } from '../../platform/download';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';

const FORMATS: { value: ExportFormat; label: MessageKey }[] = [
  { value: 'bundle', label: 'exchange.formatBundle' },
  { value: 'csv', label: 'exchange.formatCsv' },
  { value: 'w3c', label: 'exchange.formatW3c' },
  { value: 'hypothesis', label: 'exchange.formatHypothesis' },
  { value: 'claimreview', label: 'exchange.formatClaimreview' },
  { value: 'markdown', label: 'exchange.formatMarkdown' },
];
const VERDICTS: Verdict[] = ['accurate', 'inaccurate', 'misleading', 'unverified', 'disputed'];

const WARNING: Record<ClaimReviewWarning['code'], MessageKey> = {
  'claim-too-long': 'exchange.warnClaimTooLong',
  'no-claim-author': 'exchange.warnNoClaimAuthor',
  'no-claim-date': 'exchange.warnNoClaimDate',
};

function outcome(t: Translate, out: ExportResult): { ok: boolean; text: string; warnings: string[] } {
  if (out.empty === 'nothing-selected') return { ok: false, text: t('exchange.exportNothing'), warnings: [] };
  if (out.empty === 'no-verdicts') return { ok: false, text: t('exchange.exportNoVerdicts'), warnings: [] };
  return {
    ok: true,
    text: t('exchange.exported', { count: out.count, file: out.filename }) + (out.datasetChanges ? ' ' + t('exchange.exportedLayer', { count: out.datasetChanges }) : ''),
    warnings: out.warnings.map((w) => t(WARNING[w.code], { quote: w.quote, page: w.page, length: w.length ?? 0 })),
  };
}

export function ExportForm({ hosts, tags }: { hosts: string[]; tags: string[] }) {
  const { t, locale } = useI18n();
  const [format, setFormat] = useState<ExportFormat>('bundle');
  const [host, setHost] = useState('');
  const [tag, setTag] = useState('');
  const [verdict, setVerdict] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [bom, setBom] = useState(true);
  const [reviewUrl, setReviewUrl] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string; warnings: string[] } | null>(null);

  const run = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    try {
      const out = await ask({
        type: 'data/export',
        request: {
          format,
          hosts: host ? [host] : [],
          tags: tag ? [tag] : [],
          verdicts: verdict ? [verdict as Verdict] : [],
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          bom,
          locale,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          ...(format === 'claimreview' ? { claimReview: { reviewUrl, authorName, authorType: 'Organization' as const } } : {}),
        },
      });
      // Nothing selected: no empty file, a message saying why.
      if (!out.empty) downloadText(out.filename, out.mime, out.text);
      setMessage(outcome(t, out));
    } catch (error) {
      setMessage({ ok: false, text: t('exchange.exportFailed', { message: errorText(t, error) }), warnings: [] });
    }
  };

  return (
    <form class="stack" onSubmit={(e) => void run(e)} aria-labelledby="export-h" data-testid="export-form">
      <h3 id="export-h">{t('exchange.exportTitle')}</h3>
      <label class="field">
        {t('exchange.format')}
        <select value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {t(f.label)}
            </option>
          ))}
        </select>
      </label>
      <div class="grid-2">
        <label class="field">
          {t('exchange.site')}
          <select value={host} onChange={(e) => setHost((e.target as HTMLSelectElement).value)}>
            <option value="">{t('exchange.allSites')}</option>
            {hosts.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('exchange.tag')}
          <select value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
            <option value="">{t('exchange.allTags')}</option>
            {tags.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('exchange.verdict')}
          <select value={verdict} onChange={(e) => setVerdict((e.target as HTMLSelectElement).value)}>
            <option value="">{t('exchange.anyVerdict')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <div class="grid-2 tight">
          <label class="field">
            {t('exchange.from')}
            <input type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            {t('exchange.to')}
            <input type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
          </label>
        </div>
      </div>
      {format === 'csv' && (
        <label class="check">
          <input type="checkbox" checked={bom} onChange={(e) => setBom((e.target as HTMLInputElement).checked)} />
          {t('exchange.bom')}
        </label>
      )}
      {format === 'claimreview' && (
        <div class="grid-2">
          <label class="field">
            {t('exchange.reviewUrl')}
            <input type="url" required value={reviewUrl} onInput={(e) => setReviewUrl((e.target as HTMLInputElement).value)} placeholder={t('exchange.reviewUrlPlaceholder')} />
          </label>
          <label class="field">
            {t('exchange.factChecker')}
            <input type="text" required value={authorName} onInput={(e) => setAuthorName((e.target as HTMLInputElement).value)} />
          </label>
        </div>
      )}
      <div>
        <button type="submit" class="primary">
          {t('exchange.exportButton')}
        </button>
      </div>
      {message && (
        <div role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="export-message">
          <p>{message.text}</p>
          {message.warnings.length > 0 && (
            <>
              <p>{t('exchange.checkBeforePublishing')}</p>
              <ul>
                {message.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
