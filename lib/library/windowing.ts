/**
 * The rows of a long list that are on screen, so that only those are drawn.
 * Row heights are fixed per kind, so the offsets are computed once per list.
 */
export class RowOffsets {
  /** offsets[i] is the top of row i; offsets[length] is the total height. */
  readonly offsets: Float64Array;

  constructor(heights: ArrayLike<number>) {
    this.offsets = new Float64Array(heights.length + 1);
    for (let i = 0; i < heights.length; i++) this.offsets[i + 1] = (this.offsets[i] as number) + (heights[i] as number);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  get total(): number {
    return this.offsets[this.count] as number;
  }

  top(i: number): number {
    return this.offsets[Math.max(0, Math.min(i, this.count))] as number;
  }

  /** The row under a vertical position (the last row for positions past the end). */
  rowAt(y: number): number {
    let lo = 0;
    let hi = this.count - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.offsets[mid] as number) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** [first, end) of the rows overlapping the viewport, widened by `overscan` rows each side. */
  visible(scrollTop: number, viewportHeight: number, overscan = 4): [number, number] {
    if (this.count === 0) return [0, 0];
    const first = this.rowAt(Math.max(0, scrollTop));
    const last = this.rowAt(Math.max(0, scrollTop + viewportHeight - 1));
    return [Math.max(0, first - overscan), Math.min(this.count, last + 1 + overscan)];
  }

  /** The scroll position that brings row i fully into view, or null when it already is. */
  scrollToShow(i: number, scrollTop: number, viewportHeight: number): number | null {
    const top = this.top(i);
    const bottom = this.top(i + 1);
    if (top < scrollTop) return top;
    if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
    return null;
  }
}
