import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../lib/data/export-request';
import type { Verdict } from '../../lib/annotations/schema';
import { ask } from '../../platform/messaging';
import { downloadText } from '../../platform/download';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'bundle', label: 'JSON bundle — complete backup, re-importable' },
  { value: 'csv', label: 'CSV — spreadsheets' },
  { value: 'w3c', label: 'W3C Web Annotation (JSON-LD)' },
  { value: 'claimreview', label: 'ClaimReview (JSON-LD) — annotations with a verdict' },
  { value: 'markdown', label: 'Markdown — note-taking apps' },
];
const VERDICTS: Verdict[] = ['accurate', 'inaccurate', 'misleading', 'unverified', 'disputed'];

export function ExportForm({ hosts, tags }: { hosts: string[]; tags: string[] }) {
  const [format, setFormat] = useState<ExportFormat>('bundle');
  const [host, setHost] = useState('');
  const [tag, setTag] = useState('');
  const [verdict, setVerdict] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [bom, setBom] = useState(true);
  const [reviewUrl, setReviewUrl] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

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
          ...(format === 'claimreview' ? { claimReview: { reviewUrl, authorName, authorType: 'Organization' as const } } : {}),
        },
      });
      downloadText(out.filename, out.mime, out.text);
      setMessage({ ok: true, text: `Exported ${out.count} annotation${out.count === 1 ? '' : 's'} to ${out.filename}.${out.warnings.length ? ` Check before publishing: ${out.warnings.join(' ')}` : ''}` });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form class="stack" onSubmit={(e) => void run(e)} aria-labelledby="export-h" data-testid="export-form">
      <h3 id="export-h">Export</h3>
      <label class="field">
        Format
        <select value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <div class="grid-2">
        <label class="field">
          Site
          <select value={host} onChange={(e) => setHost((e.target as HTMLSelectElement).value)}>
            <option value="">All sites</option>
            {hosts.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          Tag
          <select value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          Verdict
          <select value={verdict} onChange={(e) => setVerdict((e.target as HTMLSelectElement).value)}>
            <option value="">Any verdict</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <div class="grid-2 tight">
          <label class="field">
            From
            <input type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            To
            <input type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
          </label>
        </div>
      </div>
      {format === 'csv' && (
        <label class="check">
          <input type="checkbox" checked={bom} onChange={(e) => setBom((e.target as HTMLInputElement).checked)} />
          Add a byte-order mark (Excel needs it to read accents)
        </label>
      )}
      {format === 'claimreview' && (
        <div class="grid-2">
          <label class="field">
            Review URL (where you publish the check)
            <input type="url" required value={reviewUrl} onInput={(e) => setReviewUrl((e.target as HTMLInputElement).value)} placeholder="https://…" />
          </label>
          <label class="field">
            Fact-checking organisation
            <input type="text" required value={authorName} onInput={(e) => setAuthorName((e.target as HTMLInputElement).value)} />
          </label>
        </div>
      )}
      <div>
        <button type="submit" class="primary">
          Export
        </button>
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="export-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
