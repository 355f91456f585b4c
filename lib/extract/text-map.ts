/**
 * The link between the extracted main text and the live DOM.
 *
 * The text is built from the document's own Text nodes, in document order,
 * with whitespace collapsed as a browser renders it and "\n" between blocks.
 * Each run of characters copied unchanged from one Text node is a segment;
 * the characters the extractor adds (the "\n" between blocks, the single space
 * standing for a collapsed run of whitespace) fall between segments and belong
 * to no node.
 */

export interface TextSegment {
  /** A Text node of the document that was passed to the extractor (the live one in the browser). */
  node: Text;
  /** Offset in `node.data` where the segment starts. */
  nodeStart: number;
  /** [start, end) in the extracted text; `text.slice(start, end) === node.data.slice(nodeStart, nodeStart + end - start)`. */
  start: number;
  end: number;
}

/** Segments sorted by `start`, not overlapping. */
export interface TextMap {
  segments: TextSegment[];
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM position of a text offset. An offset in a gap between segments (an
 * added "\n" or space) goes to the end of the segment before it
 * (`affinity: 'backward'`, right for the end of a range) or to the start of the
 * segment after it (`'forward'`, right for the start of a range).
 * Returns null only for an empty map.
 */
export function offsetToDomPoint(map: TextMap, offset: number, affinity: 'forward' | 'backward' = 'backward'): DomPoint | null {
  const segs = map.segments;
  if (!segs.length) return null;
  // Last segment whose start <= offset.
  let lo = 0;
  let hi = segs.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((segs[mid] as TextSegment).start <= offset) {
      at = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const seg = segs[at];
  if (seg && offset < seg.end) return { node: seg.node, offset: seg.nodeStart + offset - seg.start };
  if (seg && offset === seg.end && affinity === 'backward') return { node: seg.node, offset: seg.nodeStart + seg.end - seg.start };
  const next = segs[at + 1];
  if (affinity === 'forward' && next) return { node: next.node, offset: next.nodeStart };
  if (seg) return { node: seg.node, offset: seg.nodeStart + seg.end - seg.start };
  const first = segs[0] as TextSegment;
  return { node: first.node, offset: first.nodeStart };
}

export interface DomRangePoints {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

/** Start and end DOM points of the text range [start, end), ready for `Range.setStart` / `setEnd`. */
export function rangeToDomPoints(map: TextMap, start: number, end: number): DomRangePoints | null {
  const a = offsetToDomPoint(map, start, 'forward');
  const b = offsetToDomPoint(map, end, 'backward');
  if (!a || !b) return null;
  return { startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset };
}

export interface DomPiece {
  node: Text;
  /** [from, to) in `node.data`. */
  from: number;
  to: number;
}

/** The pieces of Text nodes that make up [start, end): what a highlighter wraps, one element per piece. */
export function domPiecesForRange(map: TextMap, start: number, end: number): DomPiece[] {
  const out: DomPiece[] = [];
  const segs = map.segments;
  let lo = 0;
  let hi = segs.length;
  // First segment that ends after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((segs[mid] as TextSegment).end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segs.length; i++) {
    const s = segs[i] as TextSegment;
    if (s.start >= end) break;
    const a = Math.max(start, s.start);
    const b = Math.min(end, s.end);
    if (b <= a) continue;
    const from = s.nodeStart + a - s.start;
    const to = s.nodeStart + b - s.start;
    const last = out[out.length - 1];
    // Two segments of one node are split only by collapsed whitespace, which lies inside the range too.
    if (last && last.node === s.node) last.to = to;
    else out.push({ node: s.node, from, to });
  }
  return out;
}

/**
 * Whether the document still holds the text the map was made from: every segment's Text node still in
 * the document, with the same characters where the segment was taken. One look per segment, no walk:
 * a text extracted a moment ago (by the always-on script, say) can be painted through its map.
 */
export function mapHolds(text: string, map: TextMap): boolean {
  for (const s of map.segments) {
    if (!s.node.isConnected) return false;
    if (s.node.data.slice(s.nodeStart, s.nodeStart + s.end - s.start) !== text.slice(s.start, s.end)) return false;
  }
  return true;
}
