import { useState } from 'preact/hooks';
import { ExportFormat } from '../../lib/data/export-request';
import { useI18n } from '../i18n';

interface Props {
  count: number;
  shown: number;
  trash: boolean;
  busy: boolean;
  onSelectAll(): void;
  onClear(): void;
  onTag(tag: string): void;
  onExport(format: ExportFormat, review?: { reviewUrl: string; authorName: string }): void;
  onDelete(): void;
  onRestore(): void;
}

/** What can be done with many notes at once: tag, export (every format), delete; restore in the trash. */
export function BulkBar({ count, shown, trash, busy, onSelectAll, onClear, onTag, onExport, onDelete, onRestore }: Props) {
  const { t } = useI18n();
  const [tag, setTag] = useState('');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [reviewUrl, setReviewUrl] = useState('');
  const [authorName, setAuthorName] = useState('');
  return (
    <div class="bulk-bar" role="toolbar" aria-label={t('library.bulkLabel')} data-testid="bulk-bar">
      <span class="bulk-count" aria-live="polite">
        {count > 0 ? t('library.selected', { count }) : ''}
      </span>
      {count < shown && (
        <button type="button" class="link-button" onClick={onSelectAll}>
          {t('library.selectAll', { count: shown })}
        </button>
      )}
      {count > 0 && (
        <button type="button" class="link-button" onClick={onClear}>
          {t('library.clearSelection')}
        </button>
      )}
      {count > 0 && !trash && (
        <>
          <form
            class="bulk-group"
            onSubmit={(e) => {
              e.preventDefault();
              if (tag.trim()) onTag(tag.trim());
              setTag('');
            }}
          >
            <label>
              <span class="sr-only">{t('library.newTag')}</span>
              <input type="text" value={tag} maxLength={100} placeholder={t('library.newTag')} onInput={(e) => setTag((e.currentTarget as HTMLInputElement).value)} data-testid="bulk-tag" />
            </label>
            <button type="submit" disabled={busy || !tag.trim()}>
              {t('library.addTag')}
            </button>
          </form>
          <form
            class="bulk-group"
            onSubmit={(e) => {
              e.preventDefault();
              onExport(format, format === 'claimreview' ? { reviewUrl, authorName } : undefined);
            }}
          >
            <label>
              <span class="sr-only">{t('library.exportAs')}</span>
              <select value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)} data-testid="bulk-format">
                {ExportFormat.options.map((f) => (
                  <option key={f} value={f}>
                    {t(`library.format_${f}`)}
                  </option>
                ))}
              </select>
            </label>
            {format === 'claimreview' && (
              <>
                <label>
                  <span class="sr-only">{t('library.reviewUrl')}</span>
                  <input type="url" required value={reviewUrl} placeholder={t('library.reviewUrl')} onInput={(e) => setReviewUrl((e.currentTarget as HTMLInputElement).value)} />
                </label>
                <label>
                  <span class="sr-only">{t('library.reviewAuthor')}</span>
                  <input type="text" required value={authorName} placeholder={t('library.reviewAuthor')} onInput={(e) => setAuthorName((e.currentTarget as HTMLInputElement).value)} />
                </label>
              </>
            )}
            <button type="submit" disabled={busy} data-testid="bulk-export">
              {t('library.export')}
            </button>
          </form>
          <button type="button" class="danger" disabled={busy} onClick={onDelete} data-testid="bulk-delete">
            {t('library.delete')}
          </button>
        </>
      )}
      {count > 0 && trash && (
        <button type="button" disabled={busy} onClick={onRestore} data-testid="bulk-restore">
          {t('library.restore')}
        </button>
      )}
    </div>
  );
}
