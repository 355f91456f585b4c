import type { PageReport } from '../page/page-report';
import type { AnnotationDraft, PageAnalysis, TabFocus, TabState } from '../messages/protocol';

type Entry = { report: PageReport | null; draft: AnnotationDraft | null; focus?: TabFocus | null; pendingNote?: string | null };

/** Where the registry keeps a copy so that a restarted service worker still knows its tabs. */
export interface TabPersistence {
  load(): Promise<Record<string, Entry>>;
  save(snapshot: Record<string, Entry>): Promise<void>;
}

/**
 * What each tab's content script last reported, and the annotation draft
 * waiting for the sidebar. Kept in memory, mirrored to session storage.
 */
export class TabRegistry {
  private tabs = new Map<number, Entry>();
  /** Each tab's last whole analysis, so that its report can refer to it; memory only (a restarted worker asks for the claims). */
  private analyses = new Map<number, { id: string; analysis: PageAnalysis }>();
  private analysisSeq = 0;
  private focusSeq = 0;
  private restored: Promise<void>;

  constructor(private readonly persistence?: TabPersistence) {
    this.restored = (async () => {
      const saved = (await persistence?.load()) ?? {};
      for (const [id, entry] of Object.entries(saved)) if (!this.tabs.has(Number(id))) this.tabs.set(Number(id), entry);
    })().catch(() => undefined);
  }

  async get(tabId: number): Promise<TabState> {
    await this.restored;
    const entry = this.tabs.get(tabId);
    return { tabId, report: entry?.report ?? null, draft: entry?.draft ?? null, focus: entry?.focus ?? null };
  }

  async setReport(tabId: number, report: PageReport): Promise<void> {
    await this.update(tabId, (e) => ({ ...e, report }));
  }

  async setDraft(tabId: number, draft: AnnotationDraft | null): Promise<void> {
    await this.update(tabId, (e) => ({ ...e, draft }));
  }

  /** Tabs whose last report is about this page, to tell them that its annotations changed. */
  async tabsShowing(canonicalUrl: string): Promise<number[]> {
    await this.restored;
    return [...this.tabs].filter(([, e]) => e.report?.canonicalUrl === canonicalUrl).map(([id]) => id);
  }

  async setFocus(tabId: number, claimKey: string | null, annotationId: string | null): Promise<void> {
    const focus: TabFocus = { claimKey, annotationId, seq: ++this.focusSeq };
    await this.update(tabId, (e) => ({ ...e, focus }));
  }

  /** A note the library asked to show in this tab: scrolled to once the page has anchored it. */
  async setPendingNote(tabId: number, annotationId: string | null): Promise<void> {
    await this.update(tabId, (e) => ({ ...e, pendingNote: annotationId }));
  }

  async pendingNote(tabId: number): Promise<string | null> {
    await this.restored;
    return this.tabs.get(tabId)?.pendingNote ?? null;
  }

  /** Every tab with a report. */
  async reportedTabs(): Promise<number[]> {
    await this.restored;
    return [...this.tabs].filter(([, e]) => e.report).map(([id]) => id);
  }

  /** Keeps a tab's latest whole analysis (replacing the one before) and says how its report may refer to it. */
  keepAnalysis(tabId: number, analysis: PageAnalysis): string {
    const id = `a${++this.analysisSeq}`;
    this.analyses.set(tabId, { id, analysis });
    return id;
  }

  /** The tab's kept analysis, when it is the one named. */
  keptAnalysis(tabId: number, id: string): PageAnalysis | null {
    const kept = this.analyses.get(tabId);
    return kept && kept.id === id ? kept.analysis : null;
  }

  async forget(tabId: number): Promise<void> {
    await this.restored;
    this.tabs.delete(tabId);
    this.analyses.delete(tabId);
    await this.persist();
  }

  private async update(tabId: number, change: (e: Entry) => Entry) {
    await this.restored;
    this.tabs.set(tabId, change(this.tabs.get(tabId) ?? { report: null, draft: null }));
    await this.persist();
  }

  private async persist() {
    await this.persistence?.save(Object.fromEntries([...this.tabs].map(([k, v]) => [String(k), v])));
  }
}
