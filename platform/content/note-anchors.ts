import { anchorAll, type AnchorTarget } from '../../lib/anchoring/anchor-many';
import { renderBody } from './page-text';
import { textRange } from './text-ranges';
import { measure } from './timeline';

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
  measure('reattach-text', started, rendered);
  measure('reattach-anchor', rendered, anchored);
  measure('reattach-ranges', anchored, done);
  measure('reattach', started, done, { annotations: annotations.length });
  return { ranges, orphans };
}
