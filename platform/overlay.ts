import type { OverlayTranslate } from '../lib/i18n/messages/overlay';
import { contains, graceArea, inViewport, placeCard, type Box } from '../lib/page/card-placement';
import type { Locale } from '../lib/i18n';
import type { PageClaim } from '../lib/page/page-report';
import { describeClaimForCard } from '../lib/page/card-text';

/**
 * The host's own style, inline and `!important` on every property: an inline
 * important declaration beats every page rule, important or not, whatever its
 * selector or layer. `all: initial` first, so that no property we did not name
 * (opacity, filter, transform, clip-path, visibility…) keeps a page's value.
 */
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: 0 auto auto 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'background: transparent',
  'opacity: 1',
  'visibility: visible',
  'transform: none',
  'filter: none',
  'zoom: 1',
  'pointer-events: none',
  'z-index: 2147483647',
]
  .map((d) => `${d} !important`)
  .join(';');

/**
 * Into the top layer (a manual popover): above every z-index of the page, and
 * outside the page's root, so that `html { opacity: 0 }` or a transform on it
 * does not reach us either. Where the Popover API is missing, the z-index must do.
 */
function raiseToTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  try {
    host.showPopover();
  } catch {
    // Not connected yet, or the page's own modal dialog holds the top layer: the z-index stands.
  }
}

/**
 * Our in-page elements: the hover card, the "Annotate" button by a selection,
 * a live region for screen readers, and the fallback sidebar frame. They live in a closed shadow root, so page
 * scripts cannot reach into them. Page CSS cannot restyle them either: the
 * host's style is inline and important (HOST_STYLE), the shadow's `:host`
 * rules are important (which outranks the page in the cascade), and the host
 * sits in the top layer. Page *scripts* can still remove or restyle the host
 * element itself; that is the limit of any in-page UI (see the README).
 * Everything shown is set with textContent: page text is never parsed as HTML.
 */
/** What the pointer is over: a sentence's highlight, and which of its parts when it has several. */
export interface HoverTarget {
  claim: PageClaim;
  range: Range;
  part?: number | null;
}

export class Overlay {
  /** The interface language of the card's explanations. */
  private locale: Locale = 'en';
  private host: HTMLElement;
  private root: ShadowRoot;
  private card: HTMLElement;
  private annotateButton: HTMLButtonElement;
  private live: HTMLElement;
  private frame: HTMLIFrameElement | null = null;
  private frameBox: HTMLElement | null = null;
  private frameClose: HTMLButtonElement | null = null;
  private savedMargin: string | null = null;
  /** The claim the card shows; `sticky` when the keyboard brought it (the pointer leaving does not hide it). */
  private shown: { claim: PageClaim; range: Range; pointerX?: number; sticky: boolean; part: number | null } | null = null;
  private selection: Range | null = null;
  private showTimer = 0;
  private hideTimer = 0;
  private frameRequest = 0;
  private readonly win: Window;
  private readonly onViewportChange = () => {
    if (this.frameRequest) return;
    this.frameRequest = this.win.requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.follow();
    });
  };

  constructor(
    private readonly doc: Document,
    private readonly handlers: { onAnnotate: (byKeyboard: boolean) => void; onOpenSidebar: (claimKey?: string) => void },
    private t: OverlayTranslate,
  ) {
    this.win = doc.defaultView ?? window;
    this.host = doc.createElement('cecot-lens-overlay');
    // The host itself must not take space or clicks; its children do.
    this.host.style.cssText = HOST_STYLE;
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS + BEHAVIOUR_CSS;
    this.card = el(doc, 'div', 'card');
    this.card.setAttribute('role', 'tooltip');
    this.card.id = 'cecot-lens-card';
    this.card.hidden = true;
    // Hover intent: the card stays while the pointer is on it, and goes a moment after it leaves.
    this.card.addEventListener('pointerenter', () => this.cancelHide());
    this.card.addEventListener('pointerleave', () => this.shown && !this.shown.sticky && this.scheduleHide(HIDE_DELAY));
    this.card.addEventListener('focusin', () => this.cancelHide());
    this.annotateButton = el(doc, 'button', 'annotate') as HTMLButtonElement;
    this.annotateButton.type = 'button';
    this.annotateButton.hidden = true;
    // mousedown, not click: a click would first clear the reader's selection.
    this.annotateButton.addEventListener('mousedown', (e) => {
      e.preventDefault();
      e.stopPropagation();
      this.handlers.onAnnotate(false);
    });
    // Enter and Space on the focused button: a click with no mouse behind it (detail 0); the selection is still there.
    this.annotateButton.addEventListener('click', (e) => {
      if (e.detail !== 0) return;
      e.preventDefault();
      this.handlers.onAnnotate(true);
    });
    // Kept through a selection that collapsed as the button took focus (see annotateRange): it goes with the focus.
    this.annotateButton.addEventListener('blur', () => {
      const selection = this.doc.getSelection();
      if (!selection || selection.isCollapsed) this.showAnnotateButton(null);
    });
    this.live = el(doc, 'div', 'live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.root.append(style, this.card, this.annotateButton, this.live);
    this.applyText();
    (doc.documentElement ?? doc.body).append(this.host);
    raiseToTopLayer(this.host);
    // Capture: scrolling any scroller on the page moves the text under our floating UI.
    this.win.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
    this.win.addEventListener('resize', this.onViewportChange, { passive: true });
  }

  /** The interface language changed in the options. */
  setTranslator(t: OverlayTranslate, locale: Locale): void {
    this.t = t;
    this.locale = locale;
    this.applyText();
    if (this.shown && !this.card.hidden) this.showCard(this.shown.claim, this.shown.range, this.shown);
  }

  private applyText(): void {
    this.annotateButton.textContent = this.t('overlay.annotate');
    this.annotateButton.title = this.t('overlay.annotateTitle');
    this.frameClose?.setAttribute('aria-label', this.t('overlay.closeSidebar'));
    if (this.frame) this.frame.title = this.t('overlay.sidebarFrame');
  }

  /**
   * The pointer moved over the page; `target` is the claim under it, if any.
   * The card appears after a short rest (hover intent), stays while the pointer
   * travels from the claim to the card (the grace area), and goes a moment
   * after the pointer leaves both.
   */
  hover(target: HoverTarget | null, x: number, y: number): void {
    if (!this.card.hidden && contains(boxOf(this.card.getBoundingClientRect()), x, y)) {
      this.cancelHide();
      this.cancelShow();
      return;
    }
    if (target && this.shown && !this.card.hidden && target.claim.key === this.shown.claim.key) {
      this.cancelHide();
      this.cancelShow();
      return;
    }
    if (this.shown && !this.card.hidden && contains(graceArea(boxOf(this.shown.range.getBoundingClientRect()), boxOf(this.card.getBoundingClientRect())), x, y)) {
      // On the way to the card: keep it. Another claim crossed on the way takes over only if the pointer rests on it.
      this.cancelHide();
      if (target) this.scheduleShow(target, x, REST_DELAY);
      else {
        this.cancelShow();
        if (!this.shown.sticky) this.scheduleHide(GRACE_HIDE_DELAY);
      }
      return;
    }
    if (!target) {
      this.cancelShow();
      if (this.shown && !this.shown.sticky) this.scheduleHide(HIDE_DELAY);
      return;
    }
    this.scheduleShow(target, x, this.card.hidden ? SHOW_DELAY : SWITCH_DELAY);
  }

  private scheduleShow(target: HoverTarget, x: number, delay: number): void {
    this.cancelShow();
    this.showTimer = this.win.setTimeout(() => {
      this.showTimer = 0;
      this.showCard(target.claim, target.range, { pointerX: x, sticky: false, part: target.part ?? null });
    }, delay);
  }

  private scheduleHide(delay: number): void {
    if (this.hideTimer) return;
    this.hideTimer = this.win.setTimeout(() => {
      this.hideTimer = 0;
      this.hideCard();
    }, delay);
  }

  private cancelShow(): void {
    if (this.showTimer) this.win.clearTimeout(this.showTimer);
    this.showTimer = 0;
  }

  private cancelHide(): void {
    if (this.hideTimer) this.win.clearTimeout(this.hideTimer);
    this.hideTimer = 0;
  }

  /** The card for a sentence; `how.part` is the index of the part under the pointer, listed first. */
  showCard(claim: PageClaim, range: Range, how: { pointerX?: number; sticky: boolean; part?: number | null }): void {
    this.cancelShow();
    this.cancelHide();
    const text = describeClaimForCard(claim, this.locale, how.part ?? null);
    this.card.replaceChildren();
    const badge = el(this.doc, 'span', `badge ${text.relation}`);
    badge.textContent = text.label;
    const head = el(this.doc, 'div', 'head');
    head.append(badge);
    this.card.append(head);
    for (const line of text.lines) {
      if (line.kind === 'part') {
        const row = el(this.doc, 'div', `part${line.focused ? ' focused' : ''}`);
        row.dataset.relation = line.relation ?? '';
        const tag = el(this.doc, 'span', `tag ${line.relation ?? ''}`);
        tag.textContent = line.label ?? '';
        const p = el(this.doc, 'p', 'values');
        p.textContent = line.text;
        row.append(tag, p);
        this.card.append(row);
        continue;
      }
      const p = el(this.doc, 'p', line.kind);
      p.textContent = line.text;
      this.card.append(p);
    }
    const open = el(this.doc, 'button', 'link') as HTMLButtonElement;
    open.type = 'button';
    open.textContent = this.t('overlay.showInSidebar');
    open.addEventListener('click', () => this.handlers.onOpenSidebar(claim.key));
    this.card.append(open);
    if (how.sticky) {
      const hint = el(this.doc, 'p', 'keys');
      hint.textContent = this.t('overlay.keysHint');
      this.card.append(hint);
    }
    this.shown = { claim, range, pointerX: how.pointerX, sticky: how.sticky, part: how.part ?? null };
    this.card.hidden = false;
    this.placeCard();
  }

  hideCard(): void {
    this.cancelShow();
    this.cancelHide();
    this.card.hidden = true;
    this.shown = null;
  }

  get cardClaimKey(): string | null {
    return this.card.hidden ? null : (this.shown?.claim.key ?? null);
  }

  /** Says something to screen readers without moving focus. */
  announce(text: string): void {
    // Emptied first so that the same words said twice are announced twice.
    this.live.textContent = '';
    this.win.setTimeout(() => (this.live.textContent = text), 50);
  }

  /** Keyboard readers reach the button with Tab straight from their selection (see PageSession.onKey). */
  focusAnnotateButton(): boolean {
    if (this.annotateButton.hidden) return false;
    this.annotateButton.focus();
    return true;
  }

  get annotateButtonFocused(): boolean {
    return this.root.activeElement === this.annotateButton;
  }

  /**
   * The passage the shown button is for. Firefox (140 ESR) collapses the page's selection when Tab
   * moves focus to the button; the session then keeps the button and puts this range back before
   * reading the selection.
   */
  get annotateRange(): Range | null {
    return this.annotateButton.hidden ? null : this.selection;
  }

  /** The button follows its selection while the page scrolls, and goes while the selection is off screen. */
  showAnnotateButton(range: Range | null): void {
    this.selection = range;
    this.placeButton();
  }

  private follow(): void {
    if (this.shown && !this.card.hidden) this.placeCard();
    this.placeButton();
  }

  private viewport(): { width: number; height: number } {
    return { width: this.doc.documentElement.clientWidth, height: this.win.innerHeight };
  }

  private placeCard(): void {
    if (!this.shown) return;
    const vp = this.viewport();
    let claim: Box;
    try {
      claim = boxOf(this.shown.range.getBoundingClientRect());
    } catch {
      return this.hideCard();
    }
    // The claim scrolled away (or left the document): so does its card.
    if (!inViewport(claim, vp) || (claim.right === 0 && claim.bottom === 0)) return this.hideCard();
    const width = Math.min(360, vp.width - 16);
    this.card.style.width = `${width}px`;
    const p = placeCard(claim, { width, height: this.card.offsetHeight }, vp, this.shown.pointerX);
    this.card.style.left = `${p.left}px`;
    this.card.style.top = `${p.top}px`;
    this.card.dataset.side = p.side;
  }

  private placeButton(): void {
    // No selection: hidden, without reading the viewport (the session's start calls this before the page's first
    // paint, and a size read then lays out the whole page on the spot: some 15 ms on a 20,000-word page).
    if (!this.selection) {
      this.annotateButton.hidden = true;
      return;
    }
    const rects = this.selection ? [...this.selection.getClientRects()].filter((r) => r.width > 0 || r.height > 0) : [];
    const rect = rects[rects.length - 1] ?? (this.selection ? this.selection.getBoundingClientRect() : null);
    const vp = this.viewport();
    if (!rect || !inViewport(boxOf(rect), vp)) {
      // Hidden, not forgotten: it comes back if the reader scrolls the selection back into view.
      this.annotateButton.hidden = true;
      return;
    }
    this.annotateButton.hidden = false;
    this.annotateButton.style.left = `${Math.min(Math.max(8, rect.right - 40), vp.width - 110)}px`;
    this.annotateButton.style.top = `${rect.bottom + 8 > vp.height - 40 ? rect.top - 40 : rect.bottom + 8}px`;
  }

  /** A short message by the selection (role=status, so screen readers say it too); gone after a few seconds. */
  showNotice(text: string, rect: DOMRect | null): void {
    this.notice ??= this.makeNotice();
    this.notice.textContent = text;
    this.notice.hidden = false;
    const vw = this.doc.documentElement.clientWidth;
    const width = Math.min(360, vw - 16);
    this.notice.style.width = `${width}px`;
    this.notice.style.left = `${Math.max(8, Math.min(rect?.left ?? 8, vw - width - 8))}px`;
    this.notice.style.top = `${rect ? Math.min(rect.bottom + 8, window.innerHeight - 80) : 8}px`;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      if (this.notice) this.notice.hidden = true;
    }, 6_000);
  }

  private notice: HTMLElement | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  private makeNotice(): HTMLElement {
    const notice = el(this.doc, 'div', 'notice');
    notice.setAttribute('role', 'status');
    this.root.append(notice);
    return notice;
  }

  /** The sidebar as an extension-origin frame, for browsers that would not open their own. */
  openFrame(url: string): void {
    if (!this.frameBox) {
      this.frameBox = el(this.doc, 'div', 'frame-box');
      const close = el(this.doc, 'button', 'frame-close') as HTMLButtonElement;
      close.type = 'button';
      close.textContent = '×';
      close.addEventListener('click', () => this.closeFrame());
      this.frameClose = close;
      this.frame = this.doc.createElement('iframe');
      this.frameBox.append(close, this.frame);
      this.root.append(this.frameBox);
      this.applyText();
    }
    if (this.frame && this.frame.src !== url) this.frame.src = url;
    this.frameBox.hidden = false;
    this.makeRoom(true);
  }

  closeFrame(): void {
    if (this.frameBox) this.frameBox.hidden = true;
    this.makeRoom(false);
  }

  /**
   * When the window is wide enough, the page is narrowed beside the panel
   * instead of being covered by it (as Hypothesis does); the page's own inline
   * margin is put back on close.
   */
  private makeRoom(open: boolean): void {
    const root = this.doc.documentElement;
    if (open && window.innerWidth >= FRAME_WIDTH * 2.5) {
      this.savedMargin ??= root.style.getPropertyValue('margin-right');
      root.style.setProperty('margin-right', `${FRAME_WIDTH}px`, 'important');
    } else if (!open && this.savedMargin !== null) {
      root.style.setProperty('margin-right', this.savedMargin);
      this.savedMargin = null;
    }
  }

  get frameOpen(): boolean {
    return !!this.frameBox && !this.frameBox.hidden;
  }

  destroy(): void {
    this.cancelShow();
    this.cancelHide();
    this.win.removeEventListener('scroll', this.onViewportChange, { capture: true });
    this.win.removeEventListener('resize', this.onViewportChange);
    this.makeRoom(false);
    this.host.remove();
  }
}

/** Hover intent: a pointer passing over a claim on its way elsewhere brings no card. */
const SHOW_DELAY = 120;
/** From one claim's card to another's. */
const SWITCH_DELAY = 60;
/** A claim crossed inside the grace area takes the card over only after the pointer rests on it. */
const REST_DELAY = 400;
const HIDE_DELAY = 300;
/** The pointer stopped between claim and card: the card waits longer before it goes. */
const GRACE_HIDE_DELAY = 1_200;

function boxOf(r: DOMRect): Box {
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

function el(doc: Document, tag: string, cls: string): HTMLElement {
  const e = doc.createElement(tag);
  e.className = cls;
  return e;
}

const FRAME_WIDTH = 400;

const OVERLAY_CSS = `
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; overflow: visible !important; background: transparent !important; opacity: 1 !important; visibility: visible !important; transform: none !important; filter: none !important; zoom: 1 !important; pointer-events: none !important; z-index: 2147483647 !important; }
:host::before, :host::after { content: none !important; display: none !important; }
.card, .annotate, .frame-box, .notice { pointer-events: auto; }
.notice { position: fixed; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; background: #1c1c1a; color: #fff; border-radius: 8px; padding: 8px 12px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); }
.notice[hidden] { display: none; }
* { box-sizing: border-box; }
.card, .annotate, .frame-box { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color-scheme: light dark; }
.card { position: fixed; background: #fff; color: #1c1c1a; border: 1px solid #d0d0ca; border-radius: 10px; box-shadow: 0 8px 28px rgb(0 0 0 / 0.18); padding: 10px 12px 8px; }
.card[hidden], .annotate[hidden], .frame-box[hidden] { display: none; }
.card p { margin: 6px 0; }
.card .quote { color: #5c5c57; font-style: italic; }
.card .values { font-weight: 600; }
.card { max-width: min(440px, calc(100vw - 16px)); }
.card .part { border-left: 3px solid #d0d0ca; padding: 2px 8px; margin: 6px 0; }
.card .part.focused { background: rgb(0 0 0 / 0.04); }
.card .part p { margin: 2px 0 0; font-weight: 500; }
.card .part[data-relation="agrees"] { border-color: #009e73; }
.card .part[data-relation="conflicts"] { border-color: #d55e00; border-left-style: dashed; }
.card .part[data-relation="related"] { border-color: #0072b2; border-left-style: dotted; }
.card .part[data-relation="repeats-error"] { border-color: #cc79a7; border-left-style: double; border-left-width: 4px; }
.tag { font-size: 11px; font-weight: 700; letter-spacing: 0.02em; text-transform: uppercase; color: #5c5c57; }
.tag.agrees { color: #00795a; } .tag.conflicts { color: #b34700; } .tag.related { color: #005a8e; } .tag.repeats-error { color: #9c3d78; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; border: 1.5px solid currentColor; }
.badge.agrees { color: #00795a; }
.badge.conflicts { color: #b34700; border-style: dashed; }
.badge.related { color: #005a8e; border-style: dotted; }
.badge.repeats-error { color: #9c3d78; border-style: double; border-width: 3px; }
.badge.unmatched { color: #5c5c57; }
.link { all: unset; cursor: pointer; color: #1f5fbf; font-size: 13px; text-decoration: underline; }
.link:focus-visible, .annotate:focus-visible { outline: 2px solid #1f5fbf; outline-offset: 2px; }
.annotate { position: fixed; cursor: pointer; background: #1c1c1a; color: #fff; border: 0; border-radius: 8px; padding: 6px 12px; font-weight: 600; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); }
.frame-box { position: fixed; top: 0; right: 0; width: min(${FRAME_WIDTH}px, 100vw); height: 100vh; background: #fff; border-left: 1px solid #d0d0ca; box-shadow: -6px 0 24px rgb(0 0 0 / 0.16); }
.frame-box iframe { border: 0; width: 100%; height: 100%; display: block; }
.frame-close { position: absolute; top: 8px; right: 10px; z-index: 1; border: 0; background: transparent; font-size: 22px; cursor: pointer; color: #5c5c57; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f1f1e; color: #ececea; border-color: #3a3a37; }
  .card .quote { color: #a8a8a2; }
  .badge.agrees { color: #4fd1a5; } .badge.conflicts { color: #ff9a52; } .badge.related { color: #74b9ff; } .badge.repeats-error { color: #f0a6d0; } .badge.unmatched { color: #a8a8a2; }
  .tag { color: #a8a8a2; } .tag.agrees { color: #4fd1a5; } .tag.conflicts { color: #ff9a52; } .tag.related { color: #74b9ff; } .tag.repeats-error { color: #f0a6d0; }
  .link { color: #8ab4f8; }
  .annotate, .notice { background: #ececea; color: #1c1c1a; }
  .frame-box { background: #1f1f1e; border-color: #3a3a37; }
}
`;

/** Styles of what the overlay's behaviour adds (the live region, the keyboard hint), apart from the look above. */
const BEHAVIOUR_CSS = `
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.card .keys { color: #5c5c57; font-size: 12px; margin: 6px 0 0; }
@media (prefers-color-scheme: dark) { .card .keys { color: #a8a8a2; } }
`;
