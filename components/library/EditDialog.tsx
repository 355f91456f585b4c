import { useEffect, useRef, useState } from 'preact/hooks';
import { Verdict } from '../../lib/annotations/schema';
import type { AnnotationFields } from '../../lib/annotations/edit';
import type { LibraryNote } from '../../lib/library/note';
import { useI18n } from '../i18n';

interface Props {
  note: LibraryNote;
  error: string | null;
  onSave(fields: AnnotationFields): void;
  onClose(): void;
}

/** Edits a note's text, tags and verdict; colour and claim links are kept as they are (the sidebar edits those on the page). */
export function EditDialog({ note, error, onSave, onClose }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(note.note);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [verdict, setVerdict] = useState<Verdict | null>(note.verdict);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="edit-dialog" aria-labelledby="edit-h" onClose={onClose} onCancel={onClose} data-testid="edit-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ note: text, tags: tags.split(',').map((x) => x.trim()).filter(Boolean), verdict, color: note.color, claims: note.claims });
        }}
      >
        <h2 id="edit-h">{t('library.editTitle')}</h2>
        <blockquote>{note.quote}</blockquote>
        <label class="field">
          <span>{t('library.noteLabel')}</span>
          <textarea rows={5} value={text} autoFocus onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <label class="field">
          <span>{t('library.tagsLabel')}</span>
          <input type="text" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t('library.verdict')}</span>
          <select value={verdict ?? ''} onChange={(e) => setVerdict(((e.currentTarget as HTMLSelectElement).value || null) as Verdict | null)}>
            <option value="">{t('library.noVerdict')}</option>
            {Verdict.options.map((v) => (
              <option key={v} value={v}>
                {t(`library.verdict_${v}`)}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
