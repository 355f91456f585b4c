import { DEFAULT_CLAIM_COLORS, highlightCss, sessionHighlightNames, type HighlightKind } from '../lib/page/highlight-style';

/**
 * The page session's highlight sheet, made ahead of it by the always-on script.
 *
 * Adopting a sheet of `::highlight()` rules makes the browser restyle the whole document: on the bench's
 * 20,000-word page 5–14 ms on a quiet machine (a forced style pass measured in Chromium), in the frame that
 * was to show the first highlight. Adopted in the gate's DOMContentLoaded listener, before the browser's first
 * style pass of the page, the same rules cost about 2 ms inside that pass and nothing later: registering
 * highlights restyles nothing. So a page that passes the gate gets the session's names (random, as before)
 * and its sheet, in the default colours, from the always-on script; the session takes both
 * (`takePreparedSheet`) and rewrites the sheet only when the reader's settings differ from the defaults.
 * A page whose session never comes (a switched-off site, a refused activation) has the sheet taken away
 * again (`dropPreparedSheet`).
 *
 * Kept on the content scripts' own global, which both scripts share (not the page's).
 */
export interface PreparedSheet {
  names: Record<HighlightKind, string>;
  sheet: CSSStyleSheet;
  /** The sheet's text as written. */
  css: string;
}

const SLOT = Symbol.for('cecot-lens.highlight-sheet');
type Slot = { [SLOT]?: { doc: Document; prepared: PreparedSheet } };

/**
 * The session's names and sheet in the default colours, adopted by `doc` now; null where the Custom Highlight
 * API is missing (the session draws its own elements there, with their own styles) or the browser refuses.
 */
export function prepareSheet(doc: Document): PreparedSheet | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
  try {
    const names = sessionHighlightNames((n) => crypto.getRandomValues(new Uint8Array(n)));
    // What the session's highlighter writes for the default settings (platform/highlighter.ts, setStyle).
    const css = highlightCss(DEFAULT_CLAIM_COLORS, true, (kind) => names[kind]);
    const sheet = adoptSheet(doc);
    sheet.replaceSync(css);
    const prepared = { names, sheet, css };
    (globalThis as Slot)[SLOT] = { doc, prepared };
    return prepared;
  } catch {
    return null;
  }
}

/** The sheet the always-on script prepared for `doc`, taken once (the page session's highlighter); null when none. */
export function takePreparedSheet(doc: Document): PreparedSheet | null {
  const g = globalThis as Slot;
  const slot = g[SLOT];
  delete g[SLOT];
  return slot?.doc === doc ? slot.prepared : null;
}

/** A prepared sheet no session took: off the page again. */
export function dropPreparedSheet(doc: Document): void {
  const prepared = takePreparedSheet(doc);
  if (prepared) unadoptSheet(doc, prepared.sheet);
}

/**
 * A new constructed sheet, adopted by `doc`. A Firefox content script sees `adoptedStyleSheets`
 * through an Xray wrapper that can be neither iterated nor assigned (Firefox 140 ESR: "Accessing
 * from Xray wrapper is not supported"), so there the sheet is made and adopted on the page's side
 * of the wrapper; it holds only the highlight colours under the session's random names, which the
 * page sees in CSS.highlights anyway.
 */
export function adoptSheet(doc: Document): CSSStyleSheet {
  try {
    const sheet = new CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return sheet;
  } catch (error) {
    const page = pageSide(doc);
    if (!page) throw error;
    const sheet = new page.CSSStyleSheet();
    page.document.adoptedStyleSheets.push(sheet);
    return sheet;
  }
}

function unadoptSheet(doc: Document, sheet: CSSStyleSheet): void {
  try {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  } catch {
    const list = pageSide(doc)?.document.adoptedStyleSheets;
    const at = list ? list.indexOf(sheet) : -1;
    if (list && at >= 0) list.splice(at, 1);
  }
}

function pageSide(doc: Document): (Window & typeof globalThis) | undefined {
  return (doc.defaultView as (Window & { wrappedJSObject?: Window & typeof globalThis }) | null)?.wrappedJSObject;
}
