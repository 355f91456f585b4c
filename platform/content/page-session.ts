import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Annotation } from '../../lib/annotations/schema';
import { extractMainText } from '../../lib/extract/extract-main-text';
import { loadReadability, type ReadabilityLike } from '../../lib/extract/readability-content';
import type { TextMap } from '../../lib/extract/text-map';
import { ContentRequest } from '../../lib/messages/content-protocol';
import type { PageAnalysis } from '../../lib/messages/protocol';
import { MAX_PAGE_TEXT } from '../../lib/messages/protocol';
import { buildReport, toPageClaims } from '../../lib/page/build-report';
import type { PageClaim, PageStatus } from '../../lib/page/page-report';
import { leadingPart } from '../../lib/page/leading-part';
import { RefreshScheduler } from '../../lib/page/refresh-scheduler';
import { isSiteDisabled, type Settings } from '../../lib/settings/schema';
import { pageGate } from '../../lib/topic/page-gate';
import { Highlighter, type Mark } from '../highlighter';
import { ask } from '../messaging';
import { Overlay } from '../overlay';
import { loadSettings, watchSettings } from '../settings-store';
import { anchorNotes } from './note-anchors';
import { pageCanonicalUrl } from './page-url';
import { draftFromSelection } from './selection-draft';
import { isTextChange } from './page-mutations';
import { mark, timed, timedAsync } from './timeline';
import { nearestRect, rangesIntersect, scrollToRange, textRange } from './text-ranges';

/** About the first screens of an article (some 2,000 words): analysed first on long pages. */
const FIRST_PART_CHARS = 12_000;

interface MainText {
  text: string;
  map: TextMap;
  analysis: PageAnalysis;
  claims: PageClaim[];
  ranges: Map<string, Range>;
}

/**
 * Everything the extension does on one page: the gate, the analysis through
 * the background, highlights, the reader's annotations, and keeping them all
 * attached while the page changes. Work beyond the gate happens only on pages
 * that pass it or that carry the reader's annotations.
 */
export class PageSession {
  private readonly doc = document;
  private highlighter: Highlighter | null = null;
  private overlay: Overlay | null = null;
  private settings!: Settings;
  private main: MainText | null = null;
  private annotations: Annotation[] = [];
  private noteRanges = new Map<string, Range>();
  private orphans: string[] = [];
  private status: PageStatus = 'off-topic';
  private lastUrl = '';
  private lastText = '';
  private readability: ReadabilityLike | null | undefined;
  private observer: MutationObserver | null = null;
  private scheduler: RefreshScheduler;
  private hoverFrame = 0;
  private active = false;
  private painted = false;
  private passes: Promise<unknown> = Promise.resolve();
  private prefetchedNotes: { url: string; list: Promise<Annotation[]> } | null = null;

  constructor(private readonly ctx: ContentScriptContext) {
    this.scheduler = new RefreshScheduler(() => this.refresh(), {
      now: () => performance.now(),
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as number),
    });
  }

  async start(): Promise<void> {
    mark('session-start');
    // The reader's notes are asked for while the settings load (the answer is only read, never acted on, before they are in).
    this.prefetchedNotes = { url: location.href, list: this.fetchAnnotations(pageCanonicalUrl(this.doc, location.href)) };
    this.settings = await timedAsync('settings', () => loadSettings());
    watchSettings((s) => this.onSettings(s));
    browser.runtime.onMessage.addListener((message: unknown) => this.onMessage(message));
    this.ctx.addEventListener(window, 'wxt:locationchange', () => void this.onNavigate());
    this.ctx.onInvalidated(() => this.dispose());
    if (isSiteDisabled(location.hostname, this.settings.disabledSites)) return;
    // The Annotate button works on every page the session is on; a selection made before it loaded counts.
    this.overlay ??= this.makeOverlay();
    this.onSelection();
    // Watched from the start: the notes are on screen before the first pass ends, and a change
    // the page makes meanwhile must bring another pass.
    this.observe();
    await this.refresh();
  }

  /** Something broke: say so in the sidebar rather than fail silently. */
  fail(error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error('[cecot-lens]', error);
    const url = location.href;
    void this.report(url, pageCanonicalUrl(this.doc, url), message).catch(() => undefined);
  }

  /**
   * One pass: gate, annotations, analysis, paint, report. Says whether the page's text changed.
   * The reader's notes are drawn first (they need no analysis), then the page's claims; the
   * report to the background comes after both are on screen.
   */
  refresh(): Promise<'changed' | 'unchanged'> {
    // One pass at a time (page changes, messages, navigation and settings all ask for one), in order.
    const next = this.passes.then(() => this.pass());
    this.passes = next.catch(() => undefined);
    return next;
  }

  private async pass(): Promise<'changed' | 'unchanged'> {
    if (isSiteDisabled(location.hostname, this.settings.disabledSites)) return 'unchanged';
    const url = location.href;
    const canonical = pageCanonicalUrl(this.doc, url);
    // The always-on script's gate, not the full topic: the same phrases, without parsing the whole topic file here.
    const passed = timed('session-gate', () => pageGate(this.doc, url));
    const readability = passed && this.readability === undefined ? timedAsync('readability-load', () => loadReadability()).catch(() => null) : null;
    // What is known first: the reader's notes need no analysis, so they are drawn before the page's text is extracted.
    await this.loadAnnotations(canonical);
    timed('paint-notes', () => this.paint());
    let changed = url !== this.lastUrl;
    let error: string | undefined;

    if (passed) {
      if (readability) this.readability = await readability;
      const extracted = timed('extract', () => extractMainText(this.doc, { readability: this.readability }));
      if (changed || extracted.text !== this.lastText || !this.main) {
        changed = true;
        this.lastText = extracted.text;
        try {
          const text = extracted.text.slice(0, MAX_PAGE_TEXT);
          const request = { type: 'page/analyze', url, title: extracted.title, language: extracted.language } as const;
          // A long page's first screens are analysed on their own too, sent first, and their claims
          // painted while the whole text is analysed; the whole text's answer then replaces them.
          const head = leadingPart(text, FIRST_PART_CHARS);
          const early = head ? timedAsync('analyze-first-part', () => ask({ ...request, text: head })).catch(() => null) : null;
          let wholeDone = false;
          const whole = timedAsync('analyze', () => ask({ ...request, text })).finally(() => {
            wholeDone = true;
          });
          // Awaited below; until then a failure must not count as unhandled.
          whole.catch(() => undefined);
          const first = early ? await early : null;
          if (first?.topic.onTopic && !wholeDone && extracted.map) {
            this.main = this.placeClaims(extracted.text, extracted.map, first);
            timed('paint-first-part', () => this.paint());
          }
          const analysis = await whole;
          this.main = extracted.map ? timed('place-claims', () => this.placeClaims(extracted.text, extracted.map as TextMap, analysis)) : null;
          this.status = analysis.topic.onTopic ? 'on-topic' : 'off-topic';
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
          this.status = 'error';
        }
      } else if (this.main) {
        // Same text, but nodes may have been replaced: re-place the same claims on the live DOM.
        this.main = this.placeClaims(extracted.text, extracted.map ?? this.main.map, this.main.analysis);
      }
    } else {
      this.main = null;
      this.status = 'off-topic';
    }
    this.lastUrl = url;

    if (passed) timed('paint-claims', () => this.paint());
    // The session runs only where it is needed, and the background must know what every such tab shows
    // (so that a note saved in the sidebar reaches the page).
    await timedAsync('report', () => this.report(url, canonical, error));
    return changed ? 'changed' : 'unchanged';
  }

  private placeClaims(text: string, map: TextMap, analysis: PageAnalysis): MainText {
    const claims = analysis.topic.onTopic ? toPageClaims(analysis) : [];
    const ranges = new Map<string, Range>();
    for (const c of claims) {
      const r = textRange(this.doc, map, c.start, c.end);
      if (r) ranges.set(c.key, r);
    }
    return { text, map, analysis, claims, ranges };
  }

  private fetchAnnotations(canonical: string): Promise<Annotation[]> {
    return timedAsync('notes-list', () => ask({ type: 'annotations/list', canonicalUrl: canonical, includeDeleted: false })).then(
      (reply) => reply.annotations,
      () => [],
    );
  }

  private async loadAnnotations(canonical: string): Promise<void> {
    const prefetched = this.prefetchedNotes;
    this.prefetchedNotes = null;
    this.annotations = await (prefetched?.url === location.href ? prefetched.list : this.fetchAnnotations(canonical));
    const anchors = anchorNotes(this.doc, this.annotations);
    this.noteRanges = anchors.ranges;
    this.orphans = anchors.orphans;
  }

  private paint(): void {
    const hasMarks = (this.main?.claims.length ?? 0) > 0 || this.noteRanges.size > 0;
    if (!hasMarks && !this.highlighter) return;
    this.ensureUi();
    const claimMarks: Mark[] = [];
    for (const c of this.main?.claims ?? []) {
      const range = this.main?.ranges.get(c.key);
      if (!range) continue;
      c.annotationIds = [...this.noteRanges].filter(([, r]) => rangesIntersect(r, range)).map(([id]) => id);
      if (c.relation === 'unmatched' && !this.settings.showUnmatched) continue;
      claimMarks.push({ id: c.key, kind: c.relation, range });
    }
    const noteMarks: Mark[] = this.annotations
      .filter((a) => this.noteRanges.has(a.id))
      .map((a) => ({ id: a.id, kind: `note-${a.color}` as const, range: this.noteRanges.get(a.id) as Range }));
    this.highlighter?.set('claims', claimMarks);
    this.highlighter?.set('notes', noteMarks);
    if (!this.painted && (claimMarks.length || noteMarks.length)) {
      this.painted = true;
      mark('first-highlight');
    }
  }

  private async report(url: string, canonical: string, error?: string): Promise<void> {
    const report = buildReport({
      url,
      canonicalUrl: canonical,
      title: this.doc.title,
      status: error ? 'error' : this.status,
      analysis: this.main?.analysis ?? null,
      claims: this.main?.claims ?? [],
      attached: [...this.noteRanges.keys()],
      orphans: this.orphans,
      error,
      now: new Date(),
    });
    await ask({ type: 'tab/report', report }).catch(() => undefined);
  }

  private ensureUi(): void {
    if (this.highlighter) return;
    this.highlighter = new Highlighter(this.doc);
    this.highlighter.setStyle(this.settings.colors, this.settings.showUnmatched);
    this.overlay ??= this.makeOverlay();
    this.ctx.addEventListener(this.doc, 'mousemove', (e: MouseEvent) => this.onPointer(e));
    this.ctx.addEventListener(this.doc, 'click', (e: MouseEvent) => this.onClick(e));
  }

  private makeOverlay(): Overlay {
    const overlay = new Overlay(this.doc, {
      onAnnotate: () => void this.annotateSelection(),
      onOpenSidebar: (claimKey) => void this.focusInSidebar(claimKey ?? null, null),
    });
    if (!this.active) {
      this.active = true;
      this.ctx.addEventListener(this.doc, 'selectionchange', () => this.onSelection());
    }
    return overlay;
  }

  private onSelection(): void {
    const sel = this.doc.getSelection();
    const range = sel && !sel.isCollapsed && sel.rangeCount ? sel.getRangeAt(0) : null;
    if (!range || !range.toString().trim()) return this.overlay?.showAnnotateButton(null);
    const rects = range.getClientRects();
    this.overlay?.showAnnotateButton(rects.length ? (rects[rects.length - 1] as DOMRect) : range.getBoundingClientRect());
  }

  /** Turns the reader's selection into a draft and hands it to the sidebar. */
  async annotateSelection(): Promise<void> {
    const url = location.href;
    const claims = (this.main?.claims ?? []).map((claim) => ({ claim, range: this.main?.ranges.get(claim.key) }));
    const draft = draftFromSelection(this.doc, { url, canonicalUrl: pageCanonicalUrl(this.doc, url), title: this.doc.title }, claims);
    if (!draft) return;
    this.overlay?.showAnnotateButton(null);
    const reply = await ask({ type: 'draft/open', draft });
    if (reply.sidebar === 'in-page') this.openFrame(reply.tabId);
  }

  private async focusInSidebar(claimKey: string | null, annotationId: string | null): Promise<void> {
    const reply = await ask({ type: 'tab/focus', claimKey, annotationId });
    if (reply.sidebar === 'in-page') this.openFrame(reply.tabId);
  }

  private openFrame(tabId: number): void {
    this.overlay ??= this.makeOverlay();
    this.overlay.openFrame(`${browser.runtime.getURL('/sidepanel.html')}?tab=${tabId}&embedded=1`);
  }

  private onPointer(e: MouseEvent): void {
    if (this.hoverFrame) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      const hit = this.highlighter?.hitTest(e.clientX, e.clientY).find((h) => h.layer === 'claims');
      const claim = hit && this.main?.claims.find((c) => c.key === hit.mark.id);
      if (!claim || !hit) return this.overlay?.hideCard();
      this.overlay?.showCard(claim, nearestRect(hit.mark.range, e.clientX, e.clientY));
    });
  }

  private onClick(e: MouseEvent): void {
    if (this.doc.getSelection()?.isCollapsed === false) return;
    const hits = this.highlighter?.hitTest(e.clientX, e.clientY) ?? [];
    const note = hits.find((h) => h.layer === 'notes');
    const claim = hits.find((h) => h.layer === 'claims');
    if (note) void this.focusInSidebar(null, note.mark.id);
    else if (claim) void this.focusInSidebar(claim.mark.id, null);
  }

  private onMessage(message: unknown): undefined {
    const parsed = ContentRequest.safeParse(message);
    if (!parsed.success) return undefined;
    const m = parsed.data;
    switch (m.type) {
      case 'content/scroll-to': {
        const range = m.claimKey ? this.main?.ranges.get(m.claimKey) : m.annotationId ? this.noteRanges.get(m.annotationId) : undefined;
        if (range) {
          scrollToRange(range);
          this.flash(range);
        }
        break;
      }
      case 'content/annotations-changed':
        void this.refresh();
        break;
      case 'content/annotate-selection':
        this.overlay ??= this.makeOverlay();
        void this.annotateSelection();
        break;
      case 'content/open-frame':
        this.openFrame(m.tabId);
        break;
      case 'content/reanalyze':
        this.lastText = '';
        void this.refresh();
        break;
    }
    return undefined;
  }

  private flash(range: Range): void {
    this.ensureUi();
    this.highlighter?.set('focus', [{ id: 'focus', kind: 'focus', range }]);
    this.ctx.setTimeout(() => this.highlighter?.set('focus', []), 2_500);
  }

  private onSettings(settings: Settings): void {
    const wasDisabled = isSiteDisabled(location.hostname, this.settings.disabledSites);
    this.settings = settings;
    const disabled = isSiteDisabled(location.hostname, settings.disabledSites);
    this.highlighter?.setStyle(settings.colors, settings.showUnmatched);
    if (disabled) {
      this.highlighter?.clear();
      this.overlay?.hideCard();
      this.main = null;
    } else if (wasDisabled) {
      void this.refresh().then(() => this.observe());
    } else this.paint();
  }

  private async onNavigate(): Promise<void> {
    this.main = null;
    this.lastText = '';
    this.highlighter?.clear();
    this.overlay?.hideCard();
    this.scheduler.reset();
    await this.refresh();
  }

  /** Late-loading content, infinite scroll and SPA views: re-run, debounced, when the page's text changes. */
  private observe(): void {
    if (this.observer || !this.doc.body) return;
    this.observer = new MutationObserver((records) => {
      if (records.some(isTextChange)) this.scheduler.poke();
    });
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  private dispose(): void {
    this.observer?.disconnect();
    this.scheduler.dispose();
    this.highlighter?.clear();
    this.overlay?.destroy();
  }
}
