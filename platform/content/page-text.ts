import { isHidden, renderText, type RenderedText } from '../../lib/extract/render-text';

/**
 * The rendered text of the whole body: what the reader's notes anchor to (a
 * reader may annotate outside the article, so not the extracted main text).
 * Our own overlay is left out.
 */
export function renderBody(doc: Document): RenderedText {
  return renderText(doc.body ?? doc.documentElement, () => true, (el) => isHidden(el) || el.tagName === 'CECOT-LENS-OVERLAY');
}
