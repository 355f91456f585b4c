import { rangeToDomPoints, type TextMap } from '../../lib/extract/text-map';

/** A live DOM Range for [start, end) of an extracted text, or null when the map cannot place it. */
export function textRange(doc: Document, map: TextMap, start: number, end: number): Range | null {
  const points = rangeToDomPoints(map, start, end);
  if (!points) return null;
  try {
    const range = doc.createRange();
    range.setStart(points.startContainer, points.startOffset);
    range.setEnd(points.endContainer, points.endOffset);
    return range.collapsed ? null : range;
  } catch {
    return null;
  }
}

export function rangesIntersect(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
  } catch {
    return false;
  }
}

/** Scrolls a range into the middle of the viewport. */
export function scrollToRange(range: Range): void {
  const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
