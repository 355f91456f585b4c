import type { Annotation } from '../../lib/annotations/schema';
import { anchorAll } from '../../lib/anchoring/anchor-many';
import { renderBody } from './page-text';
import { textRange } from './text-ranges';

export interface NoteAnchors {
  ranges: Map<string, Range>;
  /** Notes whose text is no longer on the page: kept, and listed in the sidebar. */
  orphans: string[];
}

/** Re-attaches the reader's notes to the live page. */
export function anchorNotes(doc: Document, annotations: readonly Annotation[]): NoteAnchors {
  const ranges = new Map<string, Range>();
  const orphans: string[] = [];
  if (!annotations.length) return { ranges, orphans };
  // Measured for `npm run bench`: the page's timeline shows how long re-attaching took.
  const started = performance.now();
  const body = renderBody(doc);
  anchorAll(body.text, annotations).forEach((anchor, i) => {
    const note = annotations[i] as Annotation;
    const range = anchor ? textRange(doc, body.map, anchor.start, anchor.end) : null;
    if (range) ranges.set(note.id, range);
    else orphans.push(note.id);
  });
  performance.measure('cecot-lens:reattach', { start: started, end: performance.now(), detail: { annotations: annotations.length } });
  return { ranges, orphans };
}
