import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../../lib/annotations/schema';
import type { AnnotationFields } from '../../lib/annotations/edit';
import type { Claim, CrossAssessment, Source } from '../../lib/dataset/schema';
import type { TabState } from '../../lib/messages/protocol';
import { ALL_RELATIONS, filterClaims, type ClaimFilter } from '../../lib/page/filter-claims';
import { countByRelation, type PageClaim } from '../../lib/page/page-report';
import { assessmentsByClaim } from '../../lib/dataset/assessments-by-claim';
import { ask } from '../../platform/messaging';
import { resolveTabId, tellTab, watchTabs } from '../../platform/tab-context';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationList } from './AnnotationList';
import { KeptEdits } from './KeptEdits';
import { keptEditsOnPage, type KeptEditOnPage } from '../../lib/library/kept-edits';
import { ClaimList } from './ClaimList';
import { Filters } from './Filters';
import { Legend } from './Legend';
import { TopicVerdict } from './TopicVerdict';
import { PageExport } from './PageExport';
import { FoundReviews } from './FoundReviews';
import { DatasetSources } from './DatasetSources';
import { openDatasetPage } from '../../platform/open-dataset';
import { useT } from '../i18n';
import { isEditableTarget, navigationKey, nextClaim } from '../../lib/page/claim-keys';
import { errorText } from '../error-text';

type Editing = { kind: 'draft' } | { kind: 'existing'; annotation: Annotation } | null;
const EMPTY_FIELDS: AnnotationFields = { note: '', tags: [], verdict: null, color: 'yellow', claims: [] };

export function SidebarApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<TabState | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  // Deleted notes of this page holding an edit made on a device that had not seen the deletion.
  const [kept, setKept] = useState<KeptEditOnPage[]>([]);
  const [restored, setRestored] = useState('');
  const [datasetClaims, setDatasetClaims] = useState(new Map<string, Claim>());
  const [sources, setSources] = useState(new Map<string, Source>());
  const [byClaim, setAssessmentsByClaim] = useState(new Map<string, CrossAssessment[]>());
  const [filter, setFilter] = useState<ClaimFilter>({ relations: new Set(ALL_RELATIONS), annotatedOnly: false, query: '' });
  const [view, setView] = useState<'claims' | 'notes'>('claims');
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tabIdRef = useRef<number | null>(null);
  const t = useT();
  // Where focus was when the editor opened: it goes back there when the editor closes.
  const returnFocus = useRef<HTMLElement | null>(null);
  const openEditor = (next: Editing) => {
    if (!editing) returnFocus.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    setEditing(next);
  };
  const closeEditor = (saved: boolean) => {
    setEditing(null);
    const back = returnFocus.current;
    returnFocus.current = null;
    // After the editor unmounts: to the control that opened it, else (a new note) to the notes tab.
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
      else if (saved) document.getElementById('tab-notes')?.focus();
    });
  };

  const refresh = useCallback(async (id: number | null) => {
    const resolved = id ?? (await resolveTabId());
    setTabId(resolved);
    tabIdRef.current = resolved;
    if (resolved === null) return;
    try {
      const next = await ask({ type: 'tab/state', tabId: resolved });
      setState(next);
      if (next.draft) setEditing((e) => e ?? { kind: 'draft' });
      if (next.focus?.annotationId) setView('notes');
      else if (next.focus?.claimKey) setView('claims');
      const url = next.report?.canonicalUrl ?? next.draft?.canonicalUrl;
      // Tombstones too: those holding an edit made elsewhere are announced, the rest stay out of sight.
      const list = url ? await ask({ type: 'annotations/list', canonicalUrl: url, includeDeleted: true }) : null;
      const all = list?.annotations ?? [];
      setAnnotations(all.filter((a) => a.deletedAt === null));
      setKept(list ? keptEditsOnPage(all, list.thisDevice) : []);
    } catch (e) {
      setError(t('common.error', { message: errorText(t, e) }));
    }
  }, []);

  useEffect(() => {
    void refresh(null);
    void ask({ type: 'dataset/claims' }).then((cs) => setDatasetClaims(new Map(cs.map((c) => [c.id, c]))));
    void ask({ type: 'dataset/sources' }).then((ss) => setSources(new Map(ss.map((s) => [s.id, s]))));
    void ask({ type: 'dataset/assessments' }).then((list) => setAssessmentsByClaim(assessmentsByClaim(list)));
    return watchTabs((changed) => {
      // Another tab's news is not ours; a tab switch (null) always is.
      if (changed === null || changed === tabIdRef.current) void refresh(changed === null ? null : changed);
    });
  }, [refresh]);

  const report = state?.report ?? null;
  const counts = useMemo(() => countByRelation(report?.claims ?? []), [report]);
  const shown = useMemo(() => filterClaims(report?.claims ?? [], filter), [report, filter]);
  const orphanIds = useMemo(() => new Set(report?.anchoring.orphans ?? []), [report]);

  const showClaim = (c: PageClaim) => tabId !== null && void tellTab(tabId, { type: 'content/scroll-to', claimKey: c.key });
  const showNote = (a: Annotation) => tabId !== null && void tellTab(tabId, { type: 'content/scroll-to', annotationId: a.id });

  const save = async (fields: AnnotationFields) => {
    setSaving(true);
    setError(null);
    try {
      if (editing?.kind === 'existing') await ask({ type: 'annotations/save', edit: { id: editing.annotation.id, fields } });
      else if (state?.draft) {
        const { suggestedClaims: _unused, ...target } = state.draft;
        await ask({ type: 'annotations/save', edit: { target, fields } });
        if (tabId !== null) {
          await ask({ type: 'draft/clear', tabId });
          // The page clears the reader's selection and puts focus back on the annotated text.
          void tellTab(tabId, { type: 'content/draft-closed', saved: true });
        }
      }
      closeEditor(true);
      setView('notes');
      await refresh(tabId);
    } catch (e) {
      // The editor stays open with the reader's text: nothing typed is lost.
      setError(t('common.error', { message: errorText(t, e) }));
    } finally {
      setSaving(false);
    }
  };

  // The reader chose among the versions of a concurrent edit: a new edit that clears the kept ones.
  const resolve = async (a: Annotation, fields: AnnotationFields) => {
    setError(null);
    try {
      await ask({ type: 'annotations/save', edit: { id: a.id, fields, resolve: true } });
      await refresh(tabId);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const cancel = async () => {
    if (editing?.kind === 'draft' && tabId !== null) {
      await ask({ type: 'draft/clear', tabId });
      void tellTab(tabId, { type: 'content/draft-closed', saved: false });
    }
    closeEditor(false);
    setError(null);
  };

  // The library's restore: the kept edit comes back, and the page draws the note again.
  const restoreKept = async (id: string) => {
    setError(null);
    setRestored('');
    try {
      await ask({ type: 'library/restore', ids: [id] });
      setRestored(t('sidebar.keptRestored'));
      await refresh(tabId);
    } catch (e) {
      setError(t('common.error', { message: errorText(t, e) }));
    }
  };

  const remove = async (a: Annotation) => {
    if (!confirm(t('sidebar.confirmDelete'))) return;
    await ask({ type: 'annotations/delete', id: a.id });
    await refresh(tabId);
  };

  useEffect(() => {
    document.title = t('sidebar.pageTitle');
  }, [t]);

  // The page's next/previous-claim keys work here too: focus moves along the list and the page scrolls to the claim.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = navigationKey(e);
      if (!step || isEditableTarget(e.target) || editing) return;
      e.preventDefault();
      setView('claims');
      const items = [...document.querySelectorAll<HTMLElement>('[data-testid="sidebar-claim"]')].map((el) => ({ key: el.dataset.key ?? '', el }));
      const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-testid="sidebar-claim"]')?.dataset.key ?? state?.focus?.claimKey ?? null;
      const next = nextClaim(items, current, step);
      if (!next) return;
      next.claim.el.focus();
      next.claim.el.scrollIntoView({ block: 'nearest' });
      const claim = report?.claims.find((c) => c.key === next.claim.key);
      if (claim) showClaim(claim);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  // The ARIA tabs pattern: arrow keys move between the two views, Tab moves on into the panel.
  const onTabKey = (e: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next = e.key === 'Home' ? 'claims' : e.key === 'End' ? 'notes' : view === 'claims' ? 'notes' : 'claims';
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  const editorQuote = editing?.kind === 'existing' ? editing.annotation.quote : state?.draft?.quote;

  return (
    <main class="sidebar">
      <header class="sidebar-header">
        <h1>{t('common.appName')}</h1>
        <a class="library-link" href="/library.html" target="_blank" data-testid="sidebar-library">
          {t('library.openLibrary')}
        </a>
        {report && <p class="page-title" title={report.url}>{report.title || report.url}</p>}
      </header>
      <p class="sr-only" role="status" data-testid="claims-announced">
        {report && report.status !== 'analyzing' ? t('sidebar.claimsAnnounced', { count: report.claims.length }) : ''}
      </p>
      {error && !editing && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {editing && editorQuote && (
        <section aria-labelledby="editor-h" class="panel">
          <h2 id="editor-h">{editing.kind === 'existing' ? t('sidebar.editAnnotation') : t('sidebar.newAnnotation')}</h2>
          <AnnotationEditor
            key={editing.kind === 'existing' ? editing.annotation.id : 'draft'}
            quote={editorQuote}
            initial={editing.kind === 'existing' ? pickFields(editing.annotation) : EMPTY_FIELDS}
            suggestedClaims={editing.kind === 'draft' ? (state?.draft?.suggestedClaims ?? []) : []}
            datasetClaims={datasetClaims}
            saving={saving}
            error={error}
            onSave={(f) => void save(f)}
            onCancel={() => void cancel()}
          />
          {editing.kind === 'draft' && tabId !== null && (
            <button type="button" class="link" onClick={() => void openDatasetPage(`add?tab=${tabId}&from=draft`)} data-testid="draft-add-to-dataset">
              {t('dataset.addToDataset')}
            </button>
          )}
        </section>
      )}
      {!report && !editing && (
        <p class="empty" data-testid="no-report">
          {t('sidebar.noReport')}
        </p>
      )}
      {report && <TopicVerdict report={report} />}
      {report && tabId !== null && <FoundReviews tabId={tabId} reviews={report.claimReviews ?? []} />}
      {report && <DatasetSources checks={report.sourceChecks ?? []} />}
      {(report || annotations.length > 0 || kept.length > 0) && (
        <>
          <div role="tablist" class="tabs" aria-label={t('sidebar.views')} onKeyDown={onTabKey}>
            <button role="tab" id="tab-claims" aria-selected={view === 'claims'} aria-controls="panel-claims" tabIndex={view === 'claims' ? 0 : -1} onClick={() => setView('claims')}>
              {t('sidebar.tabClaims', { count: report?.claims.length ?? 0 })}
            </button>
            <button role="tab" id="tab-notes" aria-selected={view === 'notes'} aria-controls="panel-notes" tabIndex={view === 'notes' ? 0 : -1} onClick={() => setView('notes')}>
              {t('sidebar.tabNotes', { count: annotations.length })}
            </button>
          </div>
          {view === 'claims' && (
            <section role="tabpanel" id="panel-claims" aria-labelledby="tab-claims" class="panel">
              {report && report.claims.length > 0 ? (
                <>
                  <details class="legend-box">
                    <summary>{t('sidebar.legend')}</summary>
                    <Legend counts={counts} />
                  </details>
                  <Filters filter={filter} onChange={setFilter} counts={counts} />
                  <ClaimList
                    claims={shown}
                    datasetClaims={datasetClaims}
                    sources={sources}
                    assessmentsByClaim={byClaim}
                    focusKey={state?.focus?.claimKey ?? null}
                    focusSeq={state?.focus?.seq ?? 0}
                    onShow={showClaim}
                    onAddToDataset={tabId === null ? undefined : (c) => void openDatasetPage(`add?tab=${tabId}&claim=${encodeURIComponent(c.key)}`)}
                  />
                </>
              ) : (
                <p class="empty">{t('sidebar.noClaims')}</p>
              )}
            </section>
          )}
          {view === 'notes' && (
            <section role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" class="panel">
              <KeptEdits kept={kept} onRestore={restoreKept} />
              <p class="sr-only" role="status" data-testid="kept-restored">
                {restored}
              </p>
              <AnnotationList
                annotations={annotations}
                orphanIds={orphanIds}
                datasetClaims={datasetClaims}
                onShow={showNote}
                onEdit={(a) => openEditor({ kind: 'existing', annotation: a })}
                onResolve={resolve}
                onDelete={(a) => void remove(a)}
              />
              {annotations.length > 0 && <PageExport canonicalUrl={annotations[0]!.canonicalUrl} />}
            </section>
          )}
        </>
      )}
    </main>
  );
}

function pickFields(a: Annotation): AnnotationFields {
  return { note: a.note, tags: a.tags, verdict: a.verdict, color: a.color, claims: a.claims };
}
