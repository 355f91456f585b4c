import { highlightCss, sessionHighlightNames, type HighlightKind } from '../lib/page/highlight-style';
import type { HighlightColors } from '../lib/settings/schema';
import { adoptSheet, takePreparedSheet, type PreparedSheet } from './highlight-sheet';

export interface Mark {
  id: string;
  kind: HighlightKind;
  range: Range;
}

type Layer = 'claims' | 'notes' | 'focus';

/**
 * Draws marks with the CSS Custom Highlight API, which paints text without
 * changing the page's DOM, so page scripts that own the markup are not
 * disturbed and one mark never splits the text another mark relies on.
 * Where the API is missing, marks are wrapped in elements instead.
 */
export class Highlighter {
  private layers = new Map<Layer, Mark[]>();
  private sheet: CSSStyleSheet | null = null;
  /** The sheet's text as last written. */
  private css = '';
  private wrappers: HTMLElement[] = [];
  private registered = new Set<string>();
  readonly native: boolean;
  /** Random per page session: the page sees these in CSS.highlights, and they must not say what is marked. */
  private readonly names: Record<HighlightKind, string>;

  /** `prepared`: the names and sheet the always-on script made for this page (platform/highlight-sheet.ts), if any. */
  constructor(
    private readonly doc: Document,
    prepared: PreparedSheet | null = takePreparedSheet(doc),
  ) {
    this.native = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
    this.names = prepared?.names ?? sessionHighlightNames((n) => crypto.getRandomValues(new Uint8Array(n)));
    if (prepared) {
      this.sheet = prepared.sheet;
      this.css = prepared.css;
    }
    // For the browser tests, which read it with scripting.executeScript: our content-script world, not the page's.
    (globalThis as { __cecotLensHighlightNames?: Record<string, string> }).__cecotLensHighlightNames = { ...this.names };
  }

  setStyle(colors: HighlightColors, showUnmatched: boolean): void {
    const nameOf = (kind: HighlightKind) => this.names[kind];
    // Our own elements' styles only where they are drawn (no Custom Highlight API): a prepared sheet never holds them.
    const css = highlightCss(colors, showUnmatched, nameOf) + (this.native ? '' : '\n' + fallbackCss(nameOf));
    // The same text again (the prepared sheet in the reader's colours) is not rewritten: that restyles the whole page.
    if (this.sheet && css === this.css) return;
    // A constructed sheet adds no node to the page.
    if (!this.sheet) this.sheet = adoptSheet(this.doc);
    this.sheet.replaceSync(css);
    this.css = css;
  }

  set(layer: Layer, marks: Mark[]): void {
    this.layers.set(layer, marks);
    this.repaint();
  }

  /** The marks under a viewport point, topmost layer first. */
  hitTest(x: number, y: number): { layer: Layer; mark: Mark }[] {
    const point = caretAt(this.doc, x, y);
    if (!point) return [];
    const hits: { layer: Layer; mark: Mark }[] = [];
    for (const layer of ['notes', 'claims'] as const) {
      for (const mark of this.layers.get(layer) ?? []) {
        try {
          if (mark.range.isPointInRange(point.node, point.offset) && !atRangeEnd(mark.range, point)) hits.push({ layer, mark });
        } catch {
          // A range whose nodes left the document: not under the pointer.
        }
      }
    }
    return hits;
  }

  clear(): void {
    this.layers.clear();
    this.repaint();
  }

  private repaint(): void {
    if (this.native) this.paintNative();
    else this.paintWrapped();
  }

  private paintNative(): void {
    const byKind = new Map<HighlightKind, Range[]>();
    // Pushed, not copied per mark: 1,000 notes of one colour were half a million array copies.
    for (const marks of this.layers.values()) {
      for (const m of marks) {
        const ranges = byKind.get(m.kind);
        if (ranges) ranges.push(m.range);
        else byKind.set(m.kind, [m.range]);
      }
    }
    // Only the names we registered: Firefox cannot iterate the page's registry from a content script (Xray).
    for (const name of this.registered) CSS.highlights.delete(name);
    this.registered.clear();
    // Notes above claims, the focus flash above all, by registration order rather than by `priority`,
    // which the page could read to tell notes from claims.
    const rank = (kind: HighlightKind) => (kind === 'focus' ? 3 : kind.startsWith('note-') ? 2 : 1);
    for (const [kind, ranges] of [...byKind].sort(([a], [b]) => rank(a) - rank(b))) {
      const h = new Highlight(...ranges);
      CSS.highlights.set(this.names[kind], h);
      this.registered.add(this.names[kind]);
    }
  }

  private paintWrapped(): void {
    for (const w of this.wrappers.splice(0)) w.replaceWith(...w.childNodes);
    const all = [...this.layers.values()].flat();
    // Wrap from the end of the document backwards so earlier ranges' offsets stay valid.
    all.sort((a, b) => b.range.compareBoundaryPoints(Range.START_TO_START, a.range));
    for (const mark of all) {
      for (const piece of textPieces(mark.range)) {
        const el = this.doc.createElement('cecot-lens-mark');
        // The session's random name, as for native highlights: the attribute is in the page's DOM.
        el.setAttribute('data-kind', this.names[mark.kind]);
        piece.surroundContents(el);
        this.wrappers.push(el);
      }
    }
  }
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return legacy ? { node: legacy.startContainer, offset: legacy.startOffset } : null;
}

function atRangeEnd(range: Range, point: { node: Node; offset: number }): boolean {
  return range.endContainer === point.node && range.endOffset === point.offset;
}

/** Splits a range into one range per Text node it covers, for wrapping. */
function textPieces(range: Range): Range[] {
  const doc = range.startContainer.ownerDocument ?? document;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  const pieces: Range[] = [];
  for (let n = walker.currentNode as Node | null; n; n = walker.nextNode()) {
    if (n.nodeType !== Node.TEXT_NODE || !range.intersectsNode(n)) continue;
    const r = doc.createRange();
    r.selectNodeContents(n);
    if (n === range.startContainer) r.setStart(n, range.startOffset);
    if (n === range.endContainer) r.setEnd(n, range.endOffset);
    if (!r.collapsed) pieces.push(r);
  }
  return pieces.reverse();
}

function fallbackCss(name: (kind: HighlightKind) => string): string {
  const notes = (['yellow', 'green', 'blue', 'pink', 'purple'] as const).map((c) => `cecot-lens-mark[data-kind="${name(`note-${c}`)}"]`).join(', ');
  return `cecot-lens-mark { all: unset; display: inline; }
cecot-lens-mark[data-kind="${name('agrees')}"] { background: rgb(0 158 115 / 0.16); text-decoration: underline solid #009e73; }
cecot-lens-mark[data-kind="${name('conflicts')}"] { background: rgb(213 94 0 / 0.22); text-decoration: underline wavy #d55e00; }
cecot-lens-mark[data-kind="${name('repeats-error')}"] { background: rgb(204 121 167 / 0.22); text-decoration: underline double #cc79a7; }
cecot-lens-mark[data-kind="${name('related')}"] { background: rgb(0 114 178 / 0.14); text-decoration: underline dotted #0072b2; }
cecot-lens-mark[data-kind="${name('unmatched')}"] { text-decoration: underline dashed #999; }
${notes} { background: rgb(245 196 0 / 0.24); text-decoration: overline solid #f5c400 3px; }`;
}
