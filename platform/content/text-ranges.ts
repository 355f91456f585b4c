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

/** Scrolls a range into the middle of the viewport; smoothly, unless the reader asked for less motion. */
export function scrollToRange(range: Range): void {
  const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  const reduce = el?.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

/** The line box of a range nearest to a point: where a hover card should sit. */
export function nearestRect(range: Range, x: number, y: number): DOMRect {
  let best: DOMRect | null = null;
  let bestDist = Infinity;
  for (const r of range.getClientRects()) {
    const dx = x < r.left ? r.left - x : x > r.right ? x - r.right : 0;
    const dy = y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0;
    const d = dx + dy;
    if (d < bestDist) {
      bestDist = d;
      best = r;
    }
  }
  return best ?? range.getBoundingClientRect();
}
