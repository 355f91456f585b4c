import type { Annotation } from '../../lib/annotations/schema';
import type { Claim } from '../../lib/dataset/schema';
import { NOTE_COLORS } from '../../lib/page/highlight-style';
import type { AnnotationFields } from '../../lib/annotations/edit';
import { hasEditConflict } from '../../lib/merge/resolve';
import { EditConflict } from './EditConflict';

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
  const attached = annotations.filter((a) => !orphanIds.has(a.id));
  const orphans = annotations.filter((a) => orphanIds.has(a.id));
  return (
    <>
      {attached.length === 0 && orphans.length === 0 && <p class="empty">No notes on this page yet. Select text and choose “Annotate”.</p>}
      {attached.length > 0 && (
        <ul class="notes" aria-label="Your annotations">
          {attached.map((a) => (
            <Item key={a.id} a={a} datasetClaims={datasetClaims} onShow={onShow} onEdit={onEdit} onDelete={onDelete} onResolve={onResolve} />
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <section aria-labelledby="orphans-h" class="orphans" data-testid="orphans">
          <h3 id="orphans-h">Orphans ({orphans.length})</h3>
          <p class="muted">The text of these notes is no longer on the page. They are kept; edit or delete them here.</p>
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
  const claim = a.claims[0] ? datasetClaims.get(a.claims[0].claimId) : undefined;
  return (
    <li class="note" data-testid="sidebar-annotation" style={{ borderLeftColor: NOTE_COLORS[a.color] }}>
      <blockquote>{a.quote}</blockquote>
      {a.note && <p class="note-text">{a.note}</p>}
      <div class="note-meta">
        {a.verdict && <span class={`verdict verdict-${a.verdict}`}>{a.verdict}</span>}
        {a.tags.map((t) => (
          <span key={t} class="tag">
            #{t}
          </span>
        ))}
      </div>
      {claim && <p class="muted linked">Linked: {claim.statement}</p>}
      {onResolve && hasEditConflict(a) && <EditConflict annotation={a} onResolve={onResolve} onDelete={onDelete} />}
      <div class="actions small">
        {onShow && (
          <button type="button" class="link" onClick={() => onShow(a)}>
            Show on page
          </button>
        )}
        <button type="button" class="link" onClick={() => onEdit(a)}>
          Edit
        </button>
        <button type="button" class="link danger" onClick={() => onDelete(a)}>
          Delete
        </button>
      </div>
    </li>
  );
}
