import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AnnotationFields } from '../../lib/annotations/edit';
import type { ExportFormat } from '../../lib/data/export-request';
import type { Claim } from '../../lib/dataset/schema';
import { layoutRows } from '../../lib/library/layout';
import type { LibraryNote } from '../../lib/library/note';
import { inTrash } from '../../lib/library/note';
import { EMPTY_QUERY, facetsOf, selectNotes, viewOfHash, type LibraryQuery, type LibraryView } from '../../lib/library/query';
import { downloadText } from '../../platform/download';
import { ask } from '../../platform/messaging';
import { useI18n } from '../i18n';
import { BulkBar } from './BulkBar';
import { EditDialog } from './EditDialog';
import { LibraryFilters } from './LibraryFilters';
import { NoteList } from './NoteList';
import { useLibrary } from './useLibrary';
import { errorText } from '../error-text';

type Status = { text: string; undo?: string[] } | null;

/** The library: every note across pages, searched, filtered, grouped by page, opened, edited, deleted and restored. */
export function LibraryApp() {
  const { t, locale } = useI18n();
  const lib = useLibrary();
  // A link may open a view: `library.html#trash` (the sidebar's notice of edits kept in the trash links there).
  const [query, setQuery] = useState<LibraryQuery>(() => ({ ...EMPTY_QUERY, view: viewOfHash(location.hash) ?? EMPTY_QUERY.view }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<LibraryNote | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [claims, setClaims] = useState<Map<string, Claim>>(new Map());

  useEffect(() => {
    document.title = t('library.pageTitle');
  }, [t]);
  useEffect(() => {
    const onHash = () => {
      const view = viewOfHash(location.hash);
      if (!view) return;
      setSelected(new Set());
      setQuery((q) => (q.view === view ? q : { ...q, view }));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    ask({ type: 'dataset/claims' }).then((list) => setClaims(new Map(list.map((c) => [c.id, c]))), () => undefined);
  }, []);

  // For `npm run bench -- browser`: when the first screen of notes was drawn, and when search was ready.
  useEffect(() => {
    if (lib.status === 'ready') performance.measure('cecot-lens:library-first-screen', { start: 0, end: performance.now(), detail: { notes: lib.notes.size } });
  }, [lib.status]);
  useEffect(() => {
    if (lib.complete) performance.measure('cecot-lens:library-all-notes', { start: 0, end: performance.now() });
  }, [lib.complete]);
  useEffect(() => {
    if (lib.indexReady) performance.measure('cecot-lens:library-index-ready', { start: 0, end: performance.now() });
  }, [lib.indexReady]);

  const all = useMemo(() => [...lib.notes.values()], [lib.notes]);
  const searching = query.text.trim() !== '';
  const hits = useMemo(() => (searching && lib.indexReady ? lib.index.search(query.text) : null), [query.text, lib.indexVersion, lib.indexReady]);
  const waitingForIndex = searching && !lib.indexReady;
  const shown = useMemo(
    () => (waitingForIndex ? [] : selectNotes(all, query, { now: lib.now, orphans: lib.orphans, hits })),
    [all, query, lib.now, lib.orphans, hits, waitingForIndex],
  );
  const rows = useMemo(() => layoutRows(shown, query.sort === 'relevance' && !hits ? 'date' : query.sort, hits, locale), [shown, query.sort, hits, locale]);
  const facets = useMemo(() => facetsOf(all), [all]);
  const counts = useMemo(() => {
    const c: Record<LibraryView, number> = { notes: 0, orphans: 0, trash: 0 };
    for (const n of all) {
      if (n.deletedAt === null) {
        c.notes += 1;
        if (lib.orphans.has(n.id)) c.orphans += 1;
      } else if (inTrash(n, lib.now)) c.trash += 1;
    }
    return c;
  }, [all, lib.orphans, lib.now]);

  const changeQuery = (next: LibraryQuery) => {
    if (next.view !== query.view) setSelected(new Set());
    // Typing a search ranks by match; clearing it goes back to the date order.
    if (next.text.trim() && !query.text.trim() && next.sort === 'date') next = { ...next, sort: 'relevance' };
    if (!next.text.trim() && next.sort === 'relevance') next = { ...next, sort: 'date' };
    setQuery(next);
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setStatus({ text: t('common.error', { message: errorText(t, e) }) });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const shownSelected = () => shown.filter((n) => selected.has(n.id)).map((n) => n.id);
  const remove = (ids: string[]) =>
    run(async () => {
      if (!ids.length) return;
      // No confirmation: a deletion goes to the trash and the status line offers Undo.
      const { changed } = await ask({ type: 'library/bulk', ids, action: { kind: 'delete' } });
      setSelected(new Set());
      setStatus({ text: t('library.deleted', { count: changed }), undo: ids });
    });
  const restore = (ids: string[]) =>
    run(async () => {
      const { restored } = await ask({ type: 'library/restore', ids });
      setSelected(new Set());
      setStatus({ text: t('library.restored', { count: restored }) });
    });
  const open = (note: LibraryNote) =>
    run(async () => {
      await ask({ type: 'tab/open-note', id: note.id });
      setStatus({ text: lib.orphans.has(note.id) ? t('library.openedOrphan') : t('library.opened') });
    });
  const save = async (fields: AnnotationFields) => {
    if (!editing) return;
    try {
      await ask({ type: 'annotations/save', edit: { id: editing.id, fields } });
      setEditing(null);
      setEditError(null);
      setStatus({ text: t('library.saved') });
    } catch (e) {
      setEditError(errorText(t, e));
    }
  };
  const exportSelected = (format: ExportFormat, review?: { reviewUrl: string; authorName: string }) =>
    run(async () => {
      const ids = shownSelected();
      const out = await ask({
        type: 'data/export',
        request: { format, ids, hosts: [], tags: [], verdicts: [], bom: true, ...(review ? { claimReview: { ...review, authorType: 'Organization' as const } } : {}) },
      });
      downloadText(out.filename, out.mime, out.text);
      setStatus({ text: t('library.exported', { count: out.count }) });
    });

  const trash = query.view === 'trash';
  const emptyText =
    all.length === 0 ? t('library.empty') : query.view === 'orphans' && counts.orphans === 0 ? t('library.emptyOrphans') : trash && counts.trash === 0 ? t('library.emptyTrash') : t('library.emptyFiltered');
  const total = trash ? counts.trash : query.view === 'orphans' ? counts.orphans : counts.notes;
  return (
    <main class="library">
      <header class="library-header">
        <div>
          <h1>
            {t('library.title')} <span class="app-name">{t('common.appName')}</span>
          </h1>
          <p class="lede">{t('library.intro')}</p>
        </div>
        <a class="link" href="/options.html">
          {t('popup.settings')}
        </a>
      </header>
      {lib.status === 'ready' && (
        <LibraryFilters query={query} facets={facets} claims={claims} counts={counts} onChange={changeQuery} />
      )}
      {query.view !== 'notes' && <p class="hint view-help">{t(query.view === 'trash' ? 'library.viewTrashHelp' : 'library.viewOrphansHelp')}</p>}
      <div class="library-status">
        <p class="result-count" aria-live="polite" data-testid="library-count">
          {lib.status === 'loading' ? t('library.loading') : !lib.complete ? t('library.loadingAll') : waitingForIndex ? t('library.indexing') : shown.length === total ? t('library.countShown', { count: total }) : t('library.countOf', { shown: shown.length, count: total })}
        </p>
        {lib.status === 'ready' && (
          <BulkBar
          count={shownSelected().length}
          shown={shown.length}
          trash={trash}
          busy={busy}
          onSelectAll={() => setSelected(new Set(shown.map((n) => n.id)))}
          onClear={() => setSelected(new Set())}
          onTag={(tag) =>
            run(async () => {
              const { changed } = await ask({ type: 'library/bulk', ids: shownSelected(), action: { kind: 'tag', tag } });
              setStatus({ text: t('library.tagged', { count: changed }) });
            })
          }
          onExport={exportSelected}
          onDelete={() => remove(shownSelected())}
          onRestore={() => restore(shownSelected())}
        />
        )}
        <p class="status" role="status" data-testid="library-status">
          {status?.text}
          {status?.undo && (
            <button type="button" class="link-button" onClick={() => restore(status.undo as string[])}>
              {t('library.undo')}
            </button>
          )}
        </p>
      </div>
      {lib.error && (
        <p role="alert" class="error">
          {t('common.error', { message: errorText(t, lib.error) })}
        </p>
      )}
      {lib.invalid.length > 0 && (
        <p role="alert" class="error">
          {t('library.invalidRecords', { count: lib.invalid.length, id: lib.invalid[0]?.id ?? '' })}
        </p>
      )}
      {lib.status === 'ready' && rows.length === 0 && !waitingForIndex && <p class="empty">{emptyText}</p>}
      {lib.status === 'ready' && (
        <NoteList
          rows={rows}
          resetKey={JSON.stringify(query)}
          trash={trash}
          thisDevice={lib.thisDevice}
          orphans={lib.orphans}
          selected={selected}
          onToggle={toggle}
          onOpen={open}
          onEdit={(n) => {
            setEditError(null);
            setEditing(n);
          }}
          onDelete={(n) => remove([n.id])}
          onRestore={(n) => restore([n.id])}
        />
      )}
      {editing && <EditDialog note={editing} error={editError} onSave={(f) => void save(f)} onClose={() => setEditing(null)} />}
    </main>
  );
}
