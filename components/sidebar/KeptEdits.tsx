import { useState } from 'preact/hooks';
import { whereKeptEditsWereMade, type KeptEditOnPage } from '../../lib/library/kept-edits';
import { formatDate } from '../../lib/i18n';
import { useI18n } from '../i18n';

interface Props {
  kept: KeptEditOnPage[];
  /** Restores the note through the library's restore (its kept edit comes back); rejects with the reason when it fails. */
  onRestore: (id: string) => Promise<void>;
}

const HINT = { here: 'sidebar.keptHintHere', elsewhere: 'sidebar.keptHint', both: 'sidebar.keptHintMixed' } as const;

/**
 * Deleted notes of this page edited on one device before it saw the deletion made on
 * another (this device or another one made the edit): the words survive in the trash, so the reader of the page is told,
 * and can bring them back here or see them in the library's trash.
 */
export function KeptEdits({ kept, onRestore }: Props) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  if (kept.length === 0) return null;
  const restore = async (id: string) => {
    setBusy(id);
    try {
      await onRestore(id);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="kept-edits" aria-labelledby="kept-edits-h" data-testid="sidebar-kept-edits">
      <h3 id="kept-edits-h">{t('sidebar.keptTitle', { count: kept.length })}</h3>
      <p class="muted kept-hint">{t(HINT[whereKeptEditsWereMade(kept)], { count: kept.length })}</p>
      <ul>
        {kept.map((k) => (
          <li key={k.id} class="kept-edit" data-testid="sidebar-kept-edit" data-note={k.id}>
            <blockquote>{k.quote}</blockquote>
            <p class="kept-text" data-testid="kept-text">
              {k.text || t('sidebar.keptTagsOnly', { tags: k.tags.map((tag) => `#${tag}`).join(' ') })}
            </p>
            <p class="muted kept-when">
              <span>{t(k.editedHere ? 'sidebar.keptEditedHere' : 'sidebar.keptEdited', { date: formatDate(locale, k.editedAt) })}</span>
              {' · '}
              <span>{t('sidebar.keptDeleted', { date: formatDate(locale, k.deletedAt) })}</span>
            </p>
            <button type="button" class="kept-restore" disabled={busy !== null} aria-label={t('sidebar.keptRestoreLabel', { quote: k.quote })} onClick={() => void restore(k.id)}>
              {t('sidebar.keptRestore')}
            </button>
          </li>
        ))}
      </ul>
      <a class="kept-trash" href="/library.html#trash" target="_blank" data-testid="kept-trash-link">
        {t('sidebar.keptTrash')}
      </a>
    </section>
  );
}
