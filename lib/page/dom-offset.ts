import type { TextMap, TextSegment } from '../extract/text-map';

/**
 * The inverse of `offsetToDomPoint`: the text offset of a DOM point, for
 * turning the reader's selection into selectors. Takes DOM nodes as values,
 * touches no globals.
 */
export class OffsetLookup {
  private byNode = new Map<Node, TextSegment[]>();

  constructor(private readonly map: TextMap) {
    for (const seg of map.segments) {
      const list = this.byNode.get(seg.node);
      if (list) list.push(seg);
      else {
        this.byNode.set(seg.node, [seg]);
      }
    }
  }

  /**
   * Offset of (node, offset). A point inside an element, or in text that was
   * not rendered, resolves to the nearest rendered text after it (`forward`,
   * for a range start) or before it (`backward`, for a range end).
   */
  offsetOf(node: Node, offset: number, affinity: 'forward' | 'backward'): number | null {
    if (node.nodeType === 3) {
      const segs = this.byNode.get(node);
      if (segs) return offsetInSegments(segs, offset, affinity);
    }
    const segs = this.map.segments;
    if (!segs.length) return null;
    // (element, k) is the boundary before child k. Walk the tree from there to
    // the nearest rendered Text node (tree walking, not compareDocumentPosition,
    // which not every DOM implementation gets right).
    const target = node.nodeType === 3 ? node : (node.childNodes[offset] ?? null);
    if (affinity === 'forward') {
      for (let n: Node | null = target ?? afterSubtree(node); n; n = nextInOrder(n)) {
        const list = this.byNode.get(n);
        if (list) return (list[0] as TextSegment).start;
      }
      return (segs[segs.length - 1] as TextSegment).end;
    }
    for (let n: Node | null = target ? prevInOrder(target) : lastDescendant(node); n; n = prevInOrder(n)) {
      const list = this.byNode.get(n);
      if (list) return (list[list.length - 1] as TextSegment).end;
    }
    return (segs[0] as TextSegment).start;
  }
}

function nextInOrder(n: Node): Node | null {
  return n.firstChild ?? afterSubtree(n);
}

function afterSubtree(n: Node): Node | null {
  for (let c: Node | null = n; c; c = c.parentNode) if (c.nextSibling) return c.nextSibling;
  return null;
}

function lastDescendant(n: Node): Node {
  let c = n;
  while (c.lastChild) c = c.lastChild;
  return c;
}

function prevInOrder(n: Node): Node | null {
  return n.previousSibling ? lastDescendant(n.previousSibling) : n.parentNode;
}

function offsetInSegments(segs: TextSegment[], offset: number, affinity: 'forward' | 'backward'): number {
  for (const s of segs) {
    const len = s.end - s.start;
    if (offset < s.nodeStart) return affinity === 'forward' ? s.start : Math.max(0, s.start);
    if (offset <= s.nodeStart + len) return s.start + offset - s.nodeStart;
  }
  const last = segs[segs.length - 1] as TextSegment;
  return last.end;
}

