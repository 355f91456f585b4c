import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryRow } from '../../lib/library/layout';
import type { LibraryNote } from '../../lib/library/note';
import { RowOffsets } from '../../lib/library/windowing';
import { formatDate } from '../../lib/i18n';
import { useI18n } from '../i18n';

/** Fixed row heights (CSS keeps each row to its height), so that offsets are known without measuring. */
export const PAGE_ROW_HEIGHT = 48;
export const NOTE_ROW_HEIGHT = 100;
/** A note without text has one line less. */
export const NOTE_ROW_HEIGHT_BARE = 74;
export const rowHeight = (r: LibraryRow) => (r.kind === 'page' ? PAGE_ROW_HEIGHT : r.note.note ? NOTE_ROW_HEIGHT : NOTE_ROW_HEIGHT_BARE);

interface Props {
  rows: LibraryRow[];
  /** Changes when the reader changes the query: the list goes back to the top. */
  resetKey: string;
  trash: boolean;
  /** This install's device id: an edit kept in the trash that was made here is not said to come from another device. */
  thisDevice: string | null;
  orphans: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  onToggle(id: string): void;
  onOpen(note: LibraryNote): void;
  onEdit(note: LibraryNote): void;
  onDelete(note: LibraryNote): void;
  onRestore(note: LibraryNote): void;
}

/**
 * The notes, grouped under their pages, drawing only the rows on screen
 * (10,000 notes stay quick). One note at a time is in the tab order; the arrow
 * keys move between notes, Enter opens, Space selects, Delete deletes.
 */
export function NoteList({ rows, resetKey, trash, thisDevice, orphans, selected, onToggle, onOpen, onEdit, onDelete, onRestore }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const offsets = useMemo(() => new RowOffsets(rows.map(rowHeight)), [rows]);
  const noteRows = useMemo(() => rows.flatMap((r, i) => (r.kind === 'note' ? [i] : [])), [rows]);
  const activeRow = noteRows.includes(active) ? active : (noteRows[0] ?? -1);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);
  // A new filter or search starts at the top; an edit, a deletion or notes arriving keep the place.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
    setActive(noteRows[0] ?? 0);
  }, [resetKey]);
  // Layout effect: focus moves in the same frame as the keypress, not a frame later.
  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    const target = box.current?.querySelector<HTMLElement>(`[data-row="${activeRow}"] .note-open`);
    // Not drawn yet (the list is scrolling to it): try again after the next render.
    if (!target) return;
    focusWanted.current = false;
    target.focus();
  });

  const moveTo = (row: number) => {
    if (row < 0) return;
    setActive(row);
    focusWanted.current = true;
    const el = box.current;
    // The group heading above the first note of a page comes into view with it.
    const target = rows[row - 1]?.kind === 'page' ? row - 1 : row;
    const top = el && offsets.scrollToShow(target, el.scrollTop, el.clientHeight);
    const bottom = el && offsets.scrollToShow(row, top ?? el.scrollTop, el.clientHeight);
    if (el && (bottom ?? top) !== null) {
      el.scrollTop = (bottom ?? top) as number;
      // Draw the rows there in this render, so that the focus can land on the row.
      setScrollTop(el.scrollTop);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    const at = noteRows.indexOf(activeRow);
    const page = Math.max(1, Math.floor(height / NOTE_ROW_HEIGHT) - 1);
    const go = (i: number) => {
      e.preventDefault();
      moveTo(noteRows[Math.max(0, Math.min(noteRows.length - 1, i))] ?? -1);
    };
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    switch (e.key) {
      case 'ArrowDown':
        return go(at + 1);
      case 'ArrowUp':
        return go(at - 1);
      case 'PageDown':
        return go(at + page);
      case 'PageUp':
        return go(at - page);
      case 'Home':
        return go(0);
      case 'End':
        return go(noteRows.length - 1);
    }
    const row = rows[activeRow];
    if (row?.kind !== 'note' || !target.classList.contains('note-open')) return;
    if (e.key === ' ') {
      e.preventDefault();
      onToggle(row.note.id);
    } else if (e.key === 'Delete' && !trash) {
      e.preventDefault();
      onDelete(row.note);
    }
  };

  const [first, end] = offsets.visible(scrollTop, height, 6);
  const visible: preact.JSX.Element[] = [];
  for (let i = first; i < end; i++) {
    const row = rows[i] as LibraryRow;
    const style = { top: `${offsets.top(i)}px`, height: `${offsets.top(i + 1) - offsets.top(i)}px` };
    const tabbable = i === activeRow;
    visible.push(
      row.kind === 'page' ? (
        <div key={row.key} role="listitem" class="page-row" style={style} data-row={i} aria-setsize={rows.length} aria-posinset={i + 1}>
          <h2 class="page-title">
            <a href={row.url} target="_blank" rel="noopener noreferrer" tabIndex={-1} title={row.url}>
              {row.title}
            </a>
          </h2>
          <span class="page-meta">
            {row.host} · {t('library.pageCount', { count: row.count })}
          </span>
        </div>
      ) : (
        <NoteRow
          key={row.key}
          row={i}
          note={row.note}
          style={style}
          setsize={rows.length}
          tabbable={tabbable}
          trash={trash}
          editedHere={row.note.editedAfterDeletion !== undefined && row.note.editedAfterDeletion.deviceId === thisDevice}
          orphan={orphans.has(row.note.id)}
          checked={selected.has(row.note.id)}
          onFocus={() => setActive(i)}
          onToggle={onToggle}
          onOpen={onOpen}
          onEdit={onEdit}
          onDelete={onDelete}
          onRestore={onRestore}
        />
      ),
    );
  }
  return (
    <div
      class="note-list"
      ref={box}
      role="list"
      aria-label={t('library.listLabel')}
      data-testid="library-list"
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKey}
    >
      <div class="note-list-inner" style={{ height: `${offsets.total}px` }}>
        {visible}
      </div>
    </div>
  );
}

interface RowProps {
  row: number;
  note: LibraryNote;
  style: Record<string, string>;
  setsize: number;
  tabbable: boolean;
  trash: boolean;
  /** The kept edit (in the trash) was made on this device. */
  editedHere: boolean;
  orphan: boolean;
  checked: boolean;
  onFocus(): void;
  onToggle(id: string): void;
  onOpen(note: LibraryNote): void;
  onEdit(note: LibraryNote): void;
  onDelete(note: LibraryNote): void;
  onRestore(note: LibraryNote): void;
}

function NoteRow({ row, note, style, setsize, tabbable, trash, editedHere, orphan, checked, onFocus, onToggle, onOpen, onEdit, onDelete, onRestore }: RowProps) {
  const { t, locale } = useI18n();
  const tab = tabbable ? 0 : -1;
  const date = formatDate(locale, note.deletedAt ?? note.createdAt, { dateStyle: 'medium' });
  return (
    <div
      role="listitem"
      class={`note-row${checked ? ' checked' : ''}${tabbable ? ' active' : ''}`}
      style={style}
      data-row={row}
      data-note={note.id}
      aria-setsize={setsize}
      aria-posinset={row + 1}
      onFocus={onFocus}
    >
      <input type="checkbox" class="note-check" checked={checked} tabIndex={tab} aria-label={t('library.selectNote')} onChange={() => onToggle(note.id)} />
      <span class={`note-color color-${note.color}`} aria-hidden="true" />
      <div class="note-body">
        <button
          type="button"
          class="note-open"
          tabIndex={tab}
          aria-pressed={trash ? checked : undefined}
          onClick={() => (trash ? onToggle(note.id) : onOpen(note))}
        >
          {/* The name is the visible quote, after a word that says what the button does. */}
          {!trash && <span class="sr-only">{t('library.open')}: </span>}
          <q class="note-quote">{note.quote}</q>
        </button>
        {note.note && (
          <p class="note-text" lang={note.language}>
            {note.note}
          </p>
        )}
        {trash && note.editedAfterDeletion && (
          <p class="note-text kept-edit" data-testid="kept-edit">
            {t(editedHere ? 'library.keptEditHere' : 'library.keptEdit', { text: note.editedAfterDeletion.note || note.editedAfterDeletion.tags.map((tag) => `#${tag}`).join(' ') })}
          </p>
        )}
        <p class="note-meta">
          <span>{trash ? t('library.deletedOn', { date }) : t('library.createdOn', { date })}</span>
          {note.verdict && <span class={`badge verdict-${note.verdict}`}>{t(`library.verdict_${note.verdict}`)}</span>}
          {note.conflicts && <span class="badge conflict">{t('library.conflictBadge')}</span>}
          {orphan && <span class="badge orphan">{t('library.orphan')}</span>}
          {trash && note.editedAfterDeletion && <span class="kept-edit-hint">{t('library.keptEditBadge')}</span>}
          {note.claims.length > 0 && <span>{t('library.linkedClaims', { count: note.claims.length })}</span>}
          {note.tags.map((tag) => (
            <span key={tag} class="tag">
              #{tag}
            </span>
          ))}
        </p>
      </div>
      <div class="note-actions">
        {trash ? (
          <button type="button" tabIndex={tab} onClick={() => onRestore(note)}>
            {t('library.restore')}
          </button>
        ) : (
          <>
            <button type="button" tabIndex={tab} onClick={() => onEdit(note)}>
              {t('library.edit')}
            </button>
            <button type="button" tabIndex={tab} onClick={() => onDelete(note)}>
              {t('library.delete')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
