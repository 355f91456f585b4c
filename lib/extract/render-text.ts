import type { TextMap, TextSegment } from './text-map';

/**
 * Writes the text of the chosen Text nodes the way a reader sees it: runs of
 * whitespace collapsed to one space, "\n" between blocks, a space for `<br>`,
 * and records which node each character came from.
 *
 * Walks the original document in order (not the extractor's idea of it) so
 * that block boundaries are those the page actually renders.
 */

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'UL', 'CAPTION', 'BODY',
  'CENTER', 'LEGEND', 'OPTGROUP', 'PICTURE', 'VIDEO', 'AUDIO',
]);

/** Elements whose text a reader never sees as article text. */
export const NEVER_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'SELECT', 'OPTION',
  'TEXTAREA', 'INPUT', 'BUTTON', 'HEAD', 'TITLE', 'META', 'LINK', 'MATH',
]);

export interface RenderedText {
  text: string;
  map: TextMap;
}

/**
 * A run of text in which whitespace is only single plain spaces between words; whitespace, which rendering
 * collapses, is space, newline, tab, carriage return, form feed and no-break space.
 */
const RUN = /[^ \n\t\r\f\u00a0]+(?: [^ \n\t\r\f\u00a0]+)*/g;

/**
 * Renders the Text nodes under `root` for which `include(node)` is true.
 * `skipElement(el)` prunes whole subtrees (hidden, boilerplate) before their
 * text is looked at. `maxChars`: stop once the text is at least that long (the
 * text is then the same as the whole rendering's beginning, a little longer
 * than `maxChars`, up to the end of the Text node that crossed it), so that the
 * first screens of a long page are had without walking all of it.
 */
export function renderText(
  root: Node,
  include: (node: Text) => boolean,
  skipElement: (el: Element) => boolean = () => false,
  maxChars = Number.POSITIVE_INFINITY,
): RenderedText {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let pendingBreak = false;
  let pendingSpace = false;

  const emitSeparator = (): void => {
    if (length === 0) {
      pendingBreak = pendingSpace = false;
      return;
    }
    if (pendingBreak) {
      parts.push('\n');
      length++;
    } else if (pendingSpace) {
      parts.push(' ');
      length++;
    }
    pendingBreak = pendingSpace = false;
  };

  // Found by one regular expression rather than a character loop: the first walk of a page in a fresh
  // script runs before the loop is compiled, and 130,000 characters read one by one in the interpreter
  // cost 14-24 ms against 1 ms for the same runs found by the regex engine (Node, cold, the bench page's text).
  const addText = (node: Text): void => {
    const s = node.data;
    let last = 0;
    RUN.lastIndex = 0;
    for (let m = RUN.exec(s); m; m = RUN.exec(s)) {
      const run = m[0];
      const i = m.index;
      // Whatever lies between two runs (or before the first) is whitespace.
      if (i > last) pendingSpace = true;
      emitSeparator();
      segments.push({ node, nodeStart: i, start: length, end: length + run.length });
      parts.push(run);
      length += run.length;
      last = i + run.length;
    }
    if (last < s.length) pendingSpace = true;
  };

  const visit = (node: Node): void => {
    if (length >= maxChars) return;
    if (node.nodeType === 3) {
      const t = node as Text;
      if (include(t)) addText(t);
      // Skipped inline text (an ad inside a sentence) still separates the words around it.
      else if (/\S/.test(t.data)) pendingSpace = true;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.tagName.toUpperCase() : '';
    if (tag && (NEVER_TEXT.has(tag) || skipElement(el))) {
      if (BLOCK.has(tag)) pendingBreak = true;
      return;
    }
    if (tag === 'BR') {
      pendingSpace = true;
      return;
    }
    const block = BLOCK.has(tag);
    if (block) pendingBreak = true;
    for (let c = node.firstChild; c && length < maxChars; c = c.nextSibling) visit(c);
    if (block) pendingBreak = true;
  };

  visit(root);
  return { text: parts.join(''), map: { segments } };
}

/** Hidden by markup (the only visibility the extractor can judge without layout). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
