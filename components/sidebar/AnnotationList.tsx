import type { Annotation } from '../../lib/annotations/schema';
import type { Claim } from '../../lib/dataset/schema';
import { statementById } from '../../lib/dataset/localize';
import { formatDate } from '../../lib/i18n';
import { NOTE_COLORS } from '../../lib/page/highlight-style';
import type { AnnotationFields } from '../../lib/annotations/edit';
import { hasEditConflict } from '../../lib/merge/resolve';
import { EditConflict } from './EditConflict';
import { useI18n } from '../i18n';
import { VERDICT_KEY } from './AnnotationEditor';

interface Props {
  annotations: Annotation[];
  orphanIds: ReadonlySet<string>;
  datasetClaims: Map<string, Claim>;
  onShow: (a: Annotation) => void;
  onEdit: (a: Annotation) => void;
  onDelete: (a: Annotation) => void;
  /** Saves the reader's choice between the versions of a concurrent edit. */
  onResolve?: (a: Annotation, fields: AnnotationFields) => Promise<void> | void;
}

/** The reader's annotations on this page; orphans (text no longer found) are listed apart, never dropped. */
export function AnnotationList({ annotations, orphanIds, datasetClaims, onShow, onEdit, onDelete, onResolve }: Props) {
  const { t } = useI18n();
  const attached = annotations.filter((a) => !orphanIds.has(a.id));
  const orphans = annotations.filter((a) => orphanIds.has(a.id));
  return (
    <>
      {attached.length === 0 && orphans.length === 0 && <p class="empty">{t('sidebar.noNotes')}</p>}
      {attached.length > 0 && (
        <ul class="notes" aria-label={t('sidebar.yourAnnotations')}>
          {attached.map((a) => (
            <Item key={a.id} a={a} datasetClaims={datasetClaims} onShow={onShow} onEdit={onEdit} onDelete={onDelete} onResolve={onResolve} />
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <section aria-labelledby="orphans-h" class="orphans" data-testid="orphans">
          <h3 id="orphans-h">{t('sidebar.orphans', { count: orphans.length })}</h3>
          <p class="muted">{t('sidebar.orphansHint')}</p>
          <ul class="notes">
            {orphans.map((a) => (
              <Item key={a.id} a={a} datasetClaims={datasetClaims} onEdit={onEdit} onDelete={onDelete} onResolve={onResolve} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Item({ a, datasetClaims, onShow, onEdit, onDelete, onResolve }: { a: Annotation; datasetClaims: Map<string, Claim>; onShow?: (a: Annotation) => void; onEdit: (a: Annotation) => void; onDelete: (a: Annotation) => void; onResolve?: Props['onResolve'] }) {
  const { t, locale } = useI18n();
  return (
    <li class="note" data-testid="sidebar-annotation" style={{ borderLeftColor: NOTE_COLORS[a.color] }}>
      <blockquote>{a.quote}</blockquote>
      {a.note && (
        <p class="note-text" lang={a.language}>
          {a.note}
        </p>
      )}
      <div class="note-meta">
        {a.verdict && <span class={`verdict verdict-${a.verdict}`}>{t(VERDICT_KEY[a.verdict])}</span>}
        {a.tags.map((tag) => (
          <span key={tag} class="tag">
            {t('sidebar.tag', { tag })}
          </span>
        ))}
        <time class="muted" dateTime={a.updatedAt}>
          {t('sidebar.savedOn', { date: formatDate(locale, a.updatedAt) })}
        </time>
      </div>
      {a.claims.filter((link) => datasetClaims.has(link.claimId)).map((link) => (
        <p key={link.claimId} class="muted linked">
          {t('sidebar.linked', { statement: statementById(link.claimId, datasetClaims, locale) })}
        </p>
      ))}
      {onResolve && hasEditConflict(a) && <EditConflict annotation={a} onResolve={onResolve} onDelete={onDelete} />}
      <div class="actions small">
        {onShow && (
          <button type="button" class="link" onClick={() => onShow(a)}>
            {t('sidebar.showOnPage')}
          </button>
        )}
        <button type="button" class="link" onClick={() => onEdit(a)}>
          {t('common.edit')}
        </button>
        <button type="button" class="link danger" onClick={() => onDelete(a)}>
          {t('common.delete')}
        </button>
      </div>
    </li>
  );
}
