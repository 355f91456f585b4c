import { anchorAll, type AnchorTarget } from '../../lib/anchoring/anchor-many';
import { renderBody } from './page-text';
import { textRange } from './text-ranges';

export interface NoteAnchors {
  ranges: Map<string, Range>;
  /** Notes whose text is no longer on the page: kept, and listed in the sidebar. */
  orphans: string[];
}

/**
 * Re-attaches the reader's notes to the live page. Its three steps are on the
 * page's timeline for `npm run bench` (reattach-text, -anchor, -ranges): on a
 * 20,000-word page with 1,000 unchanged notes, reading the page's text is most
 * of it; the anchors themselves take about a millisecond.
 */
export function anchorNotes(doc: Document, annotations: ReadonlyArray<AnchorTarget & { id: string }>): NoteAnchors {
  const ranges = new Map<string, Range>();
  const orphans: string[] = [];
  if (!annotations.length) return { ranges, orphans };
  const started = performance.now();
  const body = renderBody(doc);
  const rendered = performance.now();
  const anchors = anchorAll(body.text, annotations);
  const anchored = performance.now();
  anchors.forEach((anchor, i) => {
    const note = annotations[i] as AnchorTarget & { id: string };
    const range = anchor ? textRange(doc, body.map, anchor.start, anchor.end) : null;
    if (range) ranges.set(note.id, range);
    else orphans.push(note.id);
  });
  const done = performance.now();
  performance.measure('cecot-lens:reattach-text', { start: started, end: rendered });
  performance.measure('cecot-lens:reattach-anchor', { start: rendered, end: anchored });
  performance.measure('cecot-lens:reattach-ranges', { start: anchored, end: done });
  performance.measure('cecot-lens:reattach', { start: started, end: done, detail: { annotations: annotations.length } });
  return { ranges, orphans };
}
