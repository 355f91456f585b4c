import { browser } from 'wxt/browser';
import type { NoteAnchor } from '../../lib/store/note-anchors-repo';
import { unpackNoteAnchors } from '../../lib/store/note-anchors-packed';
import { extractMainTextStepped } from '../../lib/extract/extract-main-text';
import { loadReadability, type ReadabilityLike } from '../../lib/extract/readability-content';
import { mapHolds, type TextMap } from '../../lib/extract/text-map';
import type { PageAnalysis } from '../../lib/messages/protocol';
import { MAX_PAGE_TEXT, MAX_QUOTE } from '../../lib/messages/limits';
import { security as securityCatalog } from '../../lib/i18n/messages/security';
import { buildReport, toPageClaims } from '../../lib/page/build-report';
import type { PageClaim, PageStatus } from '../../lib/page/page-report';
import { leadingPart } from '../../lib/page/leading-part';
import { ANALYSIS_GONE, claimNotesOf } from '../../lib/page/report-ref';
import { RefreshScheduler } from '../../lib/page/refresh-scheduler';
import type { Settings } from '../../lib/settings/schema';
import { isSiteDisabled } from '../../lib/settings/site-match';
import { pickLocale } from '../../lib/i18n/translate';
import { areaTranslator } from '../../lib/i18n/area';
import { overlay as overlayCatalog, type OverlayTranslate } from '../../lib/i18n/messages/overlay';
import { isEditableTarget, navigationKey } from '../../lib/page/claim-keys';
import { userTopicStore } from '../../lib/topic/user-terms';
import type { UserTerm } from '../../lib/dataset/user-term';
import type * as Checks from './session-checks';
import type { ContentRequest } from '../../lib/messages/content-protocol';
import { bootNotes, bootStorage } from './session-boot';
import type { SourceCheck } from '../../lib/dataset/source-check';
import { renderBody } from './page-text';
import { pageGate } from '../../lib/topic/page-gate';
import { Highlighter, type Mark } from '../highlighter';
import { ask } from '../messaging';
import { Overlay } from '../overlay';
import { loadNotesIndex } from '../settings-lite';
import { notesIndexHas } from '../../lib/notes-index/notes-index';
import { anchorNotes } from './note-anchors';
import { afterNextFrame } from './next-frame';
import { PageKeys } from './page-url';
import type { ScriptLifetime } from './script-lifetime';
import { draftFromSelection } from './selection-draft';
import { isTextChange } from './page-mutations';
import { announceClaim, focusAfterNote, nextClaim } from './claim-navigation';
import { mark, measure, timed, timedAsync } from './timeline';
import { nearestRect, rangesIntersect, scrollToRange, textRange } from './text-ranges';
import { dropPreparedSheet } from '../highlight-sheet';
import { analyseFirstPart, FIRST_PART_CHARS, firstPartOf, takeFirstPart, type FirstPart } from './first-part';

/** The session's Zod-built parts (session-checks.ts), evaluated on first use, after the first highlight as a rule. */
let checks: Promise<typeof Checks> | null = null;
function later(): Promise<typeof Checks> {
  return (checks ??= import('./session-checks'));
}


interface MainText {
  text: string;
  map: TextMap;
  /** `analysisId` when the background kept it (the whole text's), for the report to refer to. */
  analysis: PageAnalysis & { analysisId?: string };
  claims: PageClaim[];
  ranges: Map<string, Range>;
  /** Each claim part's own range, by `partKey(claim key, index)`. */
  partRanges: Map<string, Range>;
}

/** The main thread given back for a moment: input, frames and the page's own tasks queued meanwhile run first. */
function giveWay(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A part's mark id: its sentence's key and its index. */
function partKey(claimKey: string, index: number): string {
  return `${claimKey}#${index}`;
}

/** The sentence key and part index a mark id stands for. */
function markOwner(id: string): { claimKey: string; part: number | null } {
  const at = id.lastIndexOf('#');
  return at < 0 ? { claimKey: id, part: null } : { claimKey: id.slice(0, at), part: Number(id.slice(at + 1)) };
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
  /** The reader's notes on this page, as drawing them needs: place and colour (their text stays in the extension's pages). */
  private annotations: NoteAnchor[] = [];
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
  /** The main text was longer than the background analyses: the report says so. */
  private textCut = false;
  private userTerms: UserTerm[] = [];
  private sourceChecks: SourceCheck[] = [];
  /** The in-page UI speaks the interface language the reader chose in the options. */
  private t: OverlayTranslate = areaTranslator('overlay', overlayCatalog, 'en');
  /** The selection the sidebar's editor is annotating: cleared after Save, given back on Cancel. */
  private draftRange: Range | null = null;
  /** A reader who came by keyboard (Enter or Space on Annotate, the shortcut, the menu) gets focus back on the text. */
  private draftByKeyboard = false;
  /** The claim last reached with the next/previous keys. */
  private navKey: string | null = null;
  private painted = false;
  private settingsWatched = false;
  private passes: Promise<unknown> = Promise.resolve();
  private prefetchedNotes: { url: string; list: Promise<NoteAnchor[]> } | null = null;
  private readonly keys = new PageKeys();

  constructor(private readonly ctx: ScriptLifetime) {
    this.scheduler = new RefreshScheduler(() => this.refresh(), {
      now: () => performance.now(),
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as number),
    });
  }

  async start(): Promise<void> {
    mark('session-start');
    // The reader's notes and the settings were asked for as this script began (session-boot.ts); the answers
    // are only read, never acted on, before the settings are in. Without the background's key for this page,
    // the local index of pages with notes answers "none here" without a round trip to the background
    // (the background keeps it in step with every write; a note saved meanwhile brings a new pass anyway).
    const startUrl = location.href;
    const asked = bootNotes;
    const key = this.keys.of(this.doc, startUrl);
    this.prefetchedNotes = {
      url: startUrl,
      list: key.then((canonical) => {
        if (asked?.url === startUrl && asked.canonicalUrl === canonical) return asked.list.catch(() => this.fetchAnnotations(canonical));
        const index = timedAsync('notes-index', () => loadNotesIndex()).catch(() => null);
        return index.then((notesIndex) => (notesIndex && !notesIndexHas(notesIndex, canonical) ? [] : this.fetchAnnotations(canonical)));
      }),
    };
    [this.settings, this.userTerms] = await timedAsync('settings', async () => {
      const start = await bootStorage.catch(() => null);
      // The background read these through the same schemas (loadSettings, loadUserTerms) a moment ago.
      if (start?.fromBackground) return [start.settings as Settings, start.userTerms as UserTerm[]] as const;
      const { readSettings, userTermsFrom, loadSettings, loadUserTerms } = await later();
      return start ? ([readSettings(start.settings), userTermsFrom(start.userTopic)] as const) : Promise.all([loadSettings(), loadUserTerms()]);
    });
    this.t = areaTranslator('overlay', overlayCatalog, pickLocale(this.settings.language, navigator.language));
    browser.runtime.onMessage.addListener((message: unknown) => this.onMessage(message));
    // Single-page-app navigation, read from location.href itself (no event a page could forge).
    this.ctx.watchLocation(() => this.onNavigate());
    this.ctx.onInvalidated(() => this.dispose());
    if (isSiteDisabled(location.hostname, this.settings.disabledSites)) return this.watchSettings();
    // The Annotate button works on every page the session is on; a selection made before it loaded counts. Its
    // overlay (a host element in the top layer, a closed shadow root and its styles) is built after the first
    // highlight is on screen, or once the first pass is done, unless the reader is selecting text already.
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) this.ensureOverlay();
    // Watched from the start: the notes are on screen before the first pass ends, and a change
    // the page makes meanwhile must bring another pass.
    this.observe();
    await this.refresh();
    // Nothing painted in the first pass: the sheet the always-on script adopted for it goes (a later paint adopts its own).
    if (!this.highlighter) dropPreparedSheet(this.doc);
    this.ensureOverlay();
    this.watchSettings();
  }

  /** The in-page overlay, built on first need; a selection made before it was there is taken up then. */
  private ensureOverlay(): Overlay {
    if (this.overlay) return this.overlay;
    this.overlay = timed('overlay', () => this.makeOverlay());
    this.onSelection();
    return this.overlay;
  }

  /**
   * The settings are watched once the Zod-built parts are in (after the first highlight, or the first pass
   * where nothing is drawn): a change made before that, after the settings above were read, is caught by
   * reading them once more then, and applied only if they differ.
   */
  private watchSettings(): void {
    if (this.settingsWatched) return;
    this.settingsWatched = true;
    void later().then(({ watchSettings, loadSettings }) => {
      watchSettings((s) => this.onSettings(s));
      void loadSettings()
        .then((s) => JSON.stringify(s) !== JSON.stringify(this.settings) && this.onSettings(s))
        .catch(() => undefined);
    });
  }

  /** Something broke: say so in the sidebar rather than fail silently. */
  fail(error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error('[cecot-lens]', error);
    const url = location.href;
    void this.keys
      .of(this.doc, url)
      .then((canonical) => this.report(url, canonical, message))
      .catch(() => undefined);
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
    const canonical = await this.keys.of(this.doc, url);
    // Nothing painted yet: a long page's first screen goes first. The always-on script sent it for analysis as its
    // gate passed (first-part.ts), while the background loaded this script; it is painted the moment its answer
    // is in, whether the reader's notes are in or not. That gate passed on this address, on the text still there
    // (takeFirstPart checks it), so it is not run again before the first highlight.
    const fresh = !this.main && (url !== this.lastUrl || !this.lastText);
    const handed = fresh ? takeFirstPart(url) : null;
    // The always-on script's gate, not the full topic: the same phrases, without parsing the whole topic file here.
    const passed = handed !== null || timed('session-gate', () => pageGate(this.doc, url, userTopicStore(this.userTerms).gatePhrases));
    const firstWanted = passed && fresh;
    const sent = handed;
    const sentPainted = sent ? sent.analysis.then((first) => this.paintFirstPart(url, sent.part, first)) : null;
    // What is known first: the reader's notes need no analysis, so they are drawn the moment they are re-attached.
    // While their list is on its way, a page that passes has its text extracted and sent for analysis, not after.
    const notes = this.loadAnnotations(canonical).then(() => timed('paint-notes', () => this.paint()));
    notes.catch(() => undefined);
    // Notes first, then the extraction (which holds the page's main thread for tens of milliseconds): the
    // notes were read while the session was injected, and a page without any answers at once, from the
    // local index. Once drawn, one frame is let through so that they reach the screen before the extraction.
    if (!passed) await notes;
    else await notes.then(() => (this.noteRanges.size ? afterNextFrame(this.doc) : undefined)).catch(() => undefined);
    let changed = url !== this.lastUrl;
    let error: string | undefined;

    if (passed) {
      // Nothing painted yet: a long page's first screens are taken by the quick heuristic (one walk of the
      // page) and analysed before Readability runs (a clone of the whole page, tens of milliseconds that hold
      // the main thread), and their claims reach the screen first; Readability's text then replaces them.
      const quickFirst = firstWanted ? await (sentPainted ?? this.quickFirstPart(url)) : false;
      // Readability's module is evaluated now, after the first highlight (it was before it: 0.5-3 ms on its way).
      if (this.readability === undefined) this.readability = await timedAsync('readability-load', () => loadReadability()).catch(() => null);
      // In steps (clone, pairing, Readability, mapping back, rendering), with the main thread given back between
      // them: on a long page the whole is 70-90 ms, which held the reader's input and the page's own tasks.
      const extracted = await timedAsync('extract', () =>
        extractMainTextStepped(this.doc, { readability: this.readability }, giveWay, (step, start, end) => measure(`extract-${step}`, start, end), () => performance.now()),
      );
      if (changed || extracted.text !== this.lastText || !this.main) {
        changed = true;
        this.lastText = extracted.text;
        this.textCut = extracted.text.length > MAX_PAGE_TEXT;
        try {
          const text = extracted.text.slice(0, MAX_PAGE_TEXT);
          const request = { type: 'page/analyze', url, title: extracted.title, language: extracted.language } as const;
          // A long page's first screens are analysed on their own too, sent first, and their claims
          // painted while the whole text is analysed; the whole text's answer then replaces them.
          const head = leadingPart(text, FIRST_PART_CHARS);
          const early = head && !quickFirst ? timedAsync('analyze-first-part', () => ask({ ...request, text: head, part: 'first' })).catch(() => null) : null;
          let wholeDone = false;
          const whole = timedAsync('analyze', () => ask({ ...request, text, part: 'whole' })).finally(() => {
            wholeDone = true;
          });
          // Awaited below; until then a failure must not count as unhandled.
          whole.catch(() => undefined);
          const first = early ? await early : null;
          if (first?.topic.onTopic && !wholeDone && extracted.map) {
            this.main = timed('place-first-part', () => this.placeClaims(extracted.text, extracted.map as TextMap, first));
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
    // Claims and notes are both in before their overlaps are worked out and the report goes.
    await notes;
    this.lastUrl = url;

    await this.checkDatasetSources(canonical);
    if (passed) timed('paint-claims', () => this.paint());
    timed('link-notes', () => this.linkNotes());
    // The session runs only where it is needed, and the background must know what every such tab shows
    // (so that a note saved in the sidebar reaches the page).
    await timedAsync('report', () => this.report(url, canonical, error));
    return changed ? 'changed' : 'unchanged';
  }

  /** The first screen by the heuristic extraction, analysed and painted; says whether it was sent. */
  private async quickFirstPart(url: string): Promise<boolean> {
    const part = timed('extract-first-part', () => firstPartOf(this.doc, url));
    if (!part) return false;
    const first = await timedAsync('analyze-first-part', () => analyseFirstPart(part));
    return this.paintFirstPart(url, part, first);
  }

  /** The first screen's claims painted (until the whole text's replace them), and on screen; says it was sent. */
  private async paintFirstPart(url: string, part: FirstPart, first: PageAnalysis | null): Promise<boolean> {
    // The page may have replaced the text since it was extracted (the always-on script's, some 100 ms ago): then
    // nothing is painted through its map, and the whole text's claims come next.
    if (first?.topic.onTopic && location.href === url && !this.main && mapHolds(part.text, part.map)) {
      this.main = timed('place-first-part', () => this.placeClaims(part.text, part.map, first));
      timed('paint-first-part', () => this.paint());
      // On screen before the extraction holds the main thread.
      await afterNextFrame(this.doc);
    }
    return true;
  }

  private placeClaims(text: string, map: TextMap, analysis: PageAnalysis): MainText {
    const claims = analysis.topic.onTopic ? toPageClaims(analysis) : [];
    const ranges = new Map<string, Range>();
    const partRanges = new Map<string, Range>();
    for (const c of claims) {
      const r = textRange(this.doc, map, c.start, c.end);
      if (r) ranges.set(c.key, r);
      c.parts.forEach((p, i) => {
        const pr = textRange(this.doc, map, p.start, p.end);
        if (pr) partRanges.set(partKey(c.key, i), pr);
      });
    }
    return { text, map, analysis, claims, ranges, partRanges };
  }

  private fetchAnnotations(canonical: string): Promise<NoteAnchor[]> {
    return timedAsync('notes-list', () => ask({ type: 'annotations/anchors', canonicalUrl: canonical })).then(
      unpackNoteAnchors,
      () => [],
    );
  }

  private async loadAnnotations(canonical: string): Promise<void> {
    const prefetched = this.prefetchedNotes;
    this.prefetchedNotes = null;
    this.annotations = await (prefetched?.url === location.href ? prefetched.list : this.fetchAnnotations(canonical));
    mark('notes-in');
    const anchors = anchorNotes(this.doc, this.annotations);
    this.noteRanges = anchors.ranges;
    this.orphans = anchors.orphans;
  }

  /** The reader's dataset claims quoting this page: is each quote still here? (Shown in the sidebar.) */
  private async checkDatasetSources(canonical: string): Promise<void> {
    try {
      // The Zod-built parts are evaluated while the background answers, if they are not in yet.
      const [refs, { checkSources }] = await Promise.all([ask({ type: 'layer/page-sources', canonicalUrl: canonical }), later()]);
      this.sourceChecks = refs.length ? checkSources(renderBody(this.doc).text, refs) : [];
    } catch {
      this.sourceChecks = [];
    }
  }

  private paint(): void {
    const hasMarks = (this.main?.claims.length ?? 0) > 0 || this.noteRanges.size > 0;
    if (!hasMarks && !this.highlighter) return;
    this.ensureUi();
    const claimMarks: Mark[] = [];
    for (const c of this.main?.claims ?? []) {
      const range = this.main?.ranges.get(c.key);
      if (!range) continue;
      if (c.relation === 'unmatched' && !this.settings.showUnmatched) continue;
      // A sentence that claims several things is painted thing by thing, each in its own relation.
      const parts = c.parts.map((p, i) => ({ p, range: this.main?.partRanges.get(partKey(c.key, i)), id: partKey(c.key, i) })).filter((x) => x.range);
      if (parts.length) for (const x of parts) claimMarks.push({ id: x.id, kind: x.p.relation, range: x.range as Range });
      else claimMarks.push({ id: c.key, kind: c.relation, range });
    }
    const noteMarks: Mark[] = this.annotations
      .filter((a) => this.noteRanges.has(a.id))
      .map((a) => ({ id: a.id, kind: `note-${a.color}` as const, range: this.noteRanges.get(a.id) as Range }));
    this.highlighter?.set('claims', claimMarks);
    this.highlighter?.set('notes', noteMarks);
    if (!this.painted && (claimMarks.length || noteMarks.length)) {
      this.painted = true;
      mark('first-highlight');
      // Once that highlight is on screen: the overlay (the hover card, the Annotate button), and the settings watched
      // (which evaluates the Zod-built parts, 5-20 ms: a timer set now could run before that frame and hold it back).
      void afterNextFrame(this.doc).then(() => {
        if (!this.ctx.isValid) return;
        this.ensureOverlay();
        this.ctx.setTimeout(() => this.watchSettings(), 0);
      });
    }
  }

  /**
   * Each claim's overlapping notes, for the sidebar: after painting (nothing on the page needs them),
   * in one sweep in text order rather than every claim against every note.
   */
  private linkNotes(): void {
    const main = this.main;
    if (!main) return;
    for (const c of main.claims) c.annotationIds = [];
    if (!this.noteRanges.size) return;
    const claims = main.claims.filter((c) => main.ranges.has(c.key)).sort((a, b) => a.start - b.start);
    // The sweep drops a note once a claim starts after it ends: that needs claims that never overlap.
    const apart = claims.every((c, i) => i === 0 || (claims[i - 1] as PageClaim).end <= c.start);
    const notes = [...this.noteRanges].map(([id, range], order) => ({ id, range, order }));
    try {
      if (!apart) throw new Error('overlapping claims');
      notes.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
      let next = 0;
      let active: typeof notes = [];
      for (const c of claims) {
        const range = main.ranges.get(c.key) as Range;
        // Notes that start before this claim ends; those that end before it starts are done with.
        while (next < notes.length && (notes[next] as (typeof notes)[number]).range.compareBoundaryPoints(Range.END_TO_START, range) < 0) active.push(notes[next++] as (typeof notes)[number]);
        active = active.filter((n) => n.range.compareBoundaryPoints(Range.START_TO_END, range) > 0);
        c.annotationIds = [...active].sort((a, b) => a.order - b.order).map((n) => n.id);
      }
    } catch {
      // Ranges the browser cannot order (a node left the document): every claim against every note.
      for (const c of claims) {
        const range = main.ranges.get(c.key) as Range;
        c.annotationIds = [...this.noteRanges].filter(([, r]) => rangesIntersect(r, range)).map(([id]) => id);
      }
    }
  }

  private async report(url: string, canonical: string, error?: string): Promise<void> {
    const { findClaimReviews, jsonLdTexts } = await later();
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
      claimReviews: findClaimReviews(jsonLdTexts(this.doc), canonical),
      sourceChecks: this.sourceChecks,
    });
    if (this.textCut && this.main) {
      const t = areaTranslator('security', securityCatalog, pickLocale(this.settings.language, navigator.language));
      report.topic = { ...report.topic, reasons: [t('security.textCut', { max: MAX_PAGE_TEXT }), ...report.topic.reasons] };
    }
    // By reference when the background holds the analysis these claims came from: only the notes on them travel back.
    const analysisId = this.main?.analysis.analysisId;
    if (analysisId !== undefined && report.claims === this.main?.claims) {
      const sent = await ask({ type: 'tab/report', report: { ...report, claims: [] }, analysisId, claimNotes: claimNotesOf(report.claims) }).then(
        () => true,
        (e: unknown) => !(e instanceof Error && e.message === ANALYSIS_GONE),
      );
      if (sent) return;
    }
    await ask({ type: 'tab/report', report }).catch(() => undefined);
  }

  private ensureUi(): void {
    if (this.highlighter) return;
    this.highlighter = new Highlighter(this.doc);
    this.highlighter.setStyle(this.settings.colors, this.settings.showUnmatched);
    // The overlay comes after the first frame that shows the highlights (see paint).
    this.ctx.addEventListener(this.doc, 'mousemove', (e: MouseEvent) => this.onPointer(e));
    this.ctx.addEventListener(this.doc, 'click', (e: MouseEvent) => this.onClick(e));
  }

  private makeOverlay(): Overlay {
    const overlay = new Overlay(
      this.doc,
      {
        onAnnotate: (byKeyboard) => void this.annotateSelection({ byKeyboard }),
        onOpenSidebar: (claimKey) => void this.focusInSidebar(claimKey ?? null, null),
      },
      this.t,
    );
    overlay.setTranslator(this.t, pickLocale(this.settings.language, navigator.language));
    if (!this.active) {
      this.active = true;
      this.ctx.addEventListener(this.doc, 'selectionchange', () => this.onSelection());
      this.ctx.addEventListener(this.doc, 'keydown', (e: KeyboardEvent) => this.onKey(e), { capture: true });
    }
    return overlay;
  }

  private onSelection(): void {
    const sel = this.doc.getSelection();
    const range = sel && !sel.isCollapsed && sel.rangeCount ? sel.getRangeAt(0) : null;
    if (!range || !range.toString().trim()) {
      // Focus moving to the Annotate button collapsed it (Firefox): the button stays, for its range.
      if (this.overlay?.annotateButtonFocused && this.overlay.annotateRange) return;
      return this.overlay?.showAnnotateButton(null);
    }
    this.overlay?.showAnnotateButton(range.cloneRange());
  }

  /** The selection the focused Annotate button is for, put back where focusing the button collapsed it (Firefox). */
  private restoreButtonSelection(): void {
    const kept = this.overlay?.annotateRange;
    const selection = this.doc.getSelection();
    if (!kept || !selection || !selection.isCollapsed) return;
    selection.removeAllRanges();
    selection.addRange(kept);
  }

  /** Turns the reader's selection into a draft and hands it to the sidebar. */
  async annotateSelection({ purpose = 'annotate', byKeyboard = true }: { purpose?: 'annotate' | 'dataset'; byKeyboard?: boolean } = {}): Promise<void> {
    this.restoreButtonSelection();
    // Checked before any work on it: a selection of millions of characters gets a message, not silence.
    const selected = this.doc.getSelection();
    const length = selected && !selected.isCollapsed ? selected.toString().length : 0;
    if (length > MAX_QUOTE) {
      const t = areaTranslator('security', securityCatalog, pickLocale(this.settings.language, navigator.language));
      const rects = selected!.rangeCount ? selected!.getRangeAt(0).getClientRects() : null;
      const rect = rects && rects.length ? (rects[rects.length - 1] as DOMRect) : null;
      this.overlay?.showAnnotateButton(null);
      this.overlay?.showNotice(t('security.selectionTooLong', { count: length, max: MAX_QUOTE }), rect);
      return;
    }
    const url = location.href;
    const claims = (this.main?.claims ?? []).map((claim) => ({ claim, range: this.main?.ranges.get(claim.key) }));
    // Known from this page's pass as a rule: no round trip between the reader's action and the sidebar opening.
    const canonicalUrl = this.keys.cached(this.doc, url) ?? (await this.keys.of(this.doc, url));
    const draft = draftFromSelection(this.doc, { url, canonicalUrl, title: this.doc.title }, claims);
    if (!draft) return;
    const selection = this.doc.getSelection();
    this.draftRange = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    this.draftByKeyboard = byKeyboard;
    this.overlay?.showAnnotateButton(null);
    const reply = await ask({ type: 'draft/open', draft, purpose });
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
      const owner = hit && markOwner(hit.mark.id);
      const claim = owner && this.main?.claims.find((c) => c.key === owner.claimKey);
      this.overlay?.hover(claim && hit && owner ? { claim, range: hit.mark.range, part: owner.part } : null, e.clientX, e.clientY);
    });
  }

  private onClick(e: MouseEvent): void {
    if (this.doc.getSelection()?.isCollapsed === false) return;
    const hits = this.highlighter?.hitTest(e.clientX, e.clientY) ?? [];
    const note = hits.find((h) => h.layer === 'notes');
    const claim = hits.find((h) => h.layer === 'claims');
    if (note) void this.focusInSidebar(null, note.mark.id);
    else if (claim) void this.focusInSidebar(markOwner(claim.mark.id).claimKey, null);
  }

  private onMessage(message: unknown): undefined {
    // Nothing is answered (the background expects no reply): read once the validating schema is in.
    void later().then(({ ContentRequest, loadUserTerms }) => {
      const parsed = ContentRequest.safeParse(message);
      if (parsed.success) this.handle(parsed.data, loadUserTerms);
    });
    return undefined;
  }

  private handle(m: ContentRequest, loadUserTerms: () => Promise<UserTerm[]>): void {
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
        this.ensureOverlay();
        void this.annotateSelection({ purpose: m.purpose });
        break;
      case 'content/open-frame':
        this.openFrame(m.tabId);
        break;
      case 'content/draft-closed':
        this.onDraftClosed(m.saved);
        break;
      case 'content/reanalyze':
        // The dataset or the reader's terms changed: read the terms again, then analyse afresh.
        void loadUserTerms().then((terms) => {
          this.userTerms = terms;
          this.lastText = '';
          void this.refresh();
        });
        break;
    }
  }

  private flash(range: Range): void {
    this.ensureUi();
    this.highlighter?.set('focus', [{ id: 'focus', kind: 'focus', range }]);
    this.ctx.setTimeout(() => this.highlighter?.set('focus', []), 2_500);
  }

  /** Alt+Shift+J / Alt+Shift+K: the next / previous claim on the page, its card, and the same claim focused in the sidebar; Escape closes the card. */
  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.overlay?.cardClaimKey) {
      this.overlay.hideCard();
      return;
    }
    // Tab from a fresh selection goes to its Annotate button first (it sits at the end of the document, after every page control).
    if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !isEditableTarget(e.target) && !this.overlay?.annotateButtonFocused) {
      const selection = this.doc.getSelection();
      if (selection && !selection.isCollapsed && this.overlay?.focusAnnotateButton()) e.preventDefault();
      return;
    }
    const step = navigationKey(e);
    if (!step || isEditableTarget(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
    const claims = (this.main?.claims ?? []).filter((c) => this.main?.ranges.has(c.key) && (c.relation !== 'unmatched' || this.settings.showUnmatched));
    const next = nextClaim(claims, this.navKey, step);
    if (!next) return this.overlay?.announce(this.t('overlay.noClaims'));
    this.navKey = next.claim.key;
    const range = this.main!.ranges.get(next.claim.key)!;
    scrollToRange(range);
    this.flash(range);
    this.overlay?.showCard(next.claim, range, { sticky: true });
    this.overlay?.announce(announceClaim(this.t, next.index, claims.length, next.claim));
    void ask({ type: 'tab/focus', claimKey: next.claim.key, annotationId: null }).catch(() => undefined);
  }

  /** The editor closed: after Save the selection goes (the note's mark shows instead); after Cancel it comes back. Focus returns to the text either way. */
  private onDraftClosed(saved: boolean): void {
    const range = this.draftRange;
    this.draftRange = null;
    if (!range) return;
    if (this.draftByKeyboard) focusAfterNote(this.doc, range);
    if (saved) {
      // The keyboard reader keeps a caret at the end of the text (focusAfterNote); nothing stays selected either way.
      if (!this.draftByKeyboard) this.doc.getSelection()?.removeAllRanges();
      this.overlay?.showAnnotateButton(null);
    } else {
      const selection = this.doc.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
  }

  private onSettings(settings: Settings): void {
    const wasDisabled = isSiteDisabled(location.hostname, this.settings.disabledSites);
    this.settings = settings;
    const disabled = isSiteDisabled(location.hostname, settings.disabledSites);
    this.highlighter?.setStyle(settings.colors, settings.showUnmatched);
    this.t = areaTranslator('overlay', overlayCatalog, pickLocale(settings.language, navigator.language));
    this.overlay?.setTranslator(this.t, pickLocale(settings.language, navigator.language));
    if (disabled) {
      this.highlighter?.clear();
      this.overlay?.hideCard();
      this.main = null;
    } else if (wasDisabled) {
      void this.refresh().then(() => this.observe());
    } else this.paint();
  }

  /** The address really changed: the old view's marks go now, the new view is analysed through the scheduler. */
  private onNavigate(): void {
    this.main = null;
    this.lastText = '';
    this.highlighter?.clear();
    this.overlay?.hideCard();
    this.scheduler.poke();
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
