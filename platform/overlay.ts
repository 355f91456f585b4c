import type { Locale } from '../lib/i18n';
import type { PageClaim } from '../lib/page/page-report';
import { describeClaimForCard } from '../lib/page/card-text';

/**
 * Our in-page elements: the hover card, the "Annotate" button by a selection,
 * and the fallback sidebar frame. They live in a closed shadow root, so page
 * scripts cannot reach into them and page CSS cannot restyle them. Everything
 * shown is set with textContent: page text is never parsed as HTML.
 */
export class Overlay {
  private host: HTMLElement;
  private root: ShadowRoot;
  private card: HTMLElement;
  private annotateButton: HTMLButtonElement;
  private frame: HTMLIFrameElement | null = null;
  private frameBox: HTMLElement | null = null;
  private savedMargin: string | null = null;

  constructor(
    private readonly doc: Document,
    private readonly handlers: { onAnnotate: () => void; onOpenSidebar: (claimKey?: string) => void },
  ) {
    this.host = doc.createElement('cecot-lens-overlay');
    // The host itself must not take space or clicks; its children do.
    this.host.style.cssText = 'all:initial;position:fixed;inset:0 auto auto 0;width:0;height:0;z-index:2147483646;';
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.card = el(doc, 'div', 'card');
    this.card.setAttribute('role', 'tooltip');
    this.card.hidden = true;
    this.annotateButton = el(doc, 'button', 'annotate') as HTMLButtonElement;
    this.annotateButton.type = 'button';
    this.annotateButton.textContent = 'Annotate';
    this.annotateButton.title = 'Annotate the selection (Alt+Shift+A)';
    this.annotateButton.hidden = true;
    // mousedown, not click: a click would first clear the reader's selection.
    this.annotateButton.addEventListener('mousedown', (e) => {
      e.preventDefault();
      e.stopPropagation();
      this.handlers.onAnnotate();
    });
    this.root.append(style, this.card, this.annotateButton);
    (doc.documentElement ?? doc.body).append(this.host);
  }

  /** The card for a sentence; `focusPart` is the index of the part under the pointer, listed first. */
  showCard(claim: PageClaim, anchor: DOMRect, locale: Locale = 'en', focusPart: number | null = null): void {
    const text = describeClaimForCard(claim, locale, focusPart);
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
    open.textContent = 'Show in sidebar';
    open.addEventListener('click', () => this.handlers.onOpenSidebar(claim.key));
    this.card.append(open);
    this.card.hidden = false;
    place(this.card, anchor, this.doc);
  }

  hideCard(): void {
    this.card.hidden = true;
  }

  showAnnotateButton(rect: DOMRect | null): void {
    if (!rect) {
      this.annotateButton.hidden = true;
      return;
    }
    this.annotateButton.hidden = false;
    const vw = this.doc.documentElement.clientWidth;
    this.annotateButton.style.left = `${Math.min(Math.max(8, rect.right - 40), vw - 110)}px`;
    this.annotateButton.style.top = `${rect.bottom + 8 > window.innerHeight - 40 ? rect.top - 40 : rect.bottom + 8}px`;
  }

  /** The sidebar as an extension-origin frame, for browsers that would not open their own. */
  openFrame(url: string): void {
    if (!this.frameBox) {
      this.frameBox = el(this.doc, 'div', 'frame-box');
      const close = el(this.doc, 'button', 'frame-close') as HTMLButtonElement;
      close.type = 'button';
      close.textContent = '×';
      close.setAttribute('aria-label', 'Close CECOT Lens sidebar');
      close.addEventListener('click', () => this.closeFrame());
      this.frame = this.doc.createElement('iframe');
      this.frame.title = 'CECOT Lens sidebar';
      this.frameBox.append(close, this.frame);
      this.root.append(this.frameBox);
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
    this.makeRoom(false);
    this.host.remove();
  }
}

function el(doc: Document, tag: string, cls: string): HTMLElement {
  const e = doc.createElement(tag);
  e.className = cls;
  return e;
}

function place(card: HTMLElement, anchor: DOMRect, doc: Document): void {
  const vw = doc.documentElement.clientWidth;
  const vh = window.innerHeight;
  const width = Math.min(360, vw - 16);
  card.style.width = `${width}px`;
  card.style.left = `${Math.max(8, Math.min(anchor.left, vw - width - 8))}px`;
  const below = anchor.bottom + 8;
  card.style.top = `${below + 180 > vh && anchor.top > 200 ? Math.max(8, anchor.top - 8 - card.offsetHeight) : below}px`;
}

const FRAME_WIDTH = 400;

const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.card, .annotate, .frame-box { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color-scheme: light dark; }
.card { position: fixed; background: #fff; color: #1c1c1a; border: 1px solid #d0d0ca; border-radius: 10px; box-shadow: 0 8px 28px rgb(0 0 0 / 0.18); padding: 10px 12px 8px; }
.card[hidden], .annotate[hidden], .frame-box[hidden] { display: none; }
.card p { margin: 6px 0; }
.card .quote { color: #5c5c57; font-style: italic; }
.card .values { font-weight: 600; }
.card { max-width: min(440px, calc(100vw - 16px)); }
.card .part { border-left: 3px solid #d0d0ca; padding: 2px 0 2px 8px; margin: 6px 0; }
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
  .link { color: #8ab4f8; }
  .annotate { background: #ececea; color: #1c1c1a; }
  .frame-box { background: #1f1f1e; border-color: #3a3a37; }
}
`;
