/**
 * Edit distance between `pattern` and the closest *leading part* of `text`:
 * the alignment is pinned at the start of both strings and may stop anywhere
 * in `text`. That is the right shape for a suffix selector, whose text must
 * start right where the quote ends but whose far end is arbitrary.
 *
 * Plain O(m·n) dynamic programming; context strings are ~32 characters, so a
 * bit-parallel algorithm would not pay for itself here.
 */
export function leadingEditDistance(pattern: string, text: string): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  if (n === 0) return m;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= m; i += 1) {
    current[0] = i;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j += 1) {
      const substitute = (previous[j - 1] ?? 0) + (p === text.charCodeAt(j - 1) ? 0 : 1);
      const deleteFromPattern = (previous[j] ?? 0) + 1;
      const insertIntoPattern = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitute, deleteFromPattern, insertIntoPattern);
    }
    [previous, current] = [current, previous];
  }
  let best = m;
  for (let j = 0; j <= n; j += 1) best = Math.min(best, previous[j] ?? m);
  return best;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i -= 1) out += s[i];
  return out;
}

/**
 * Edit distance between `pattern` and the closest *trailing part* of `text`
 * (pinned at the end of both): the shape of a prefix selector, which must end
 * right where the quote starts.
 */
export function trailingEditDistance(pattern: string, text: string): number {
  return leadingEditDistance(reverse(pattern), reverse(text));
}

/** Past this length either side, `editDistance` estimates instead (lengths' difference plus the shorter length). */
const EDIT_DISTANCE_MAX = 2_000;

/**
 * Plain edit distance, for re-scoring a span whose edges moved. Computed in a
 * band of diagonals around the main one, widened (doubled) until the distance
 * found fits inside it: a path that leaves a band of width k costs more than
 * k, so a distance of at most k found inside the band is the true one. The
 * spans compared differ by a few errors, so this costs a few dozen cells per
 * character rather than the quote's length.
 */
export function editDistance(a: string, b: string): number {
  if (a.length > EDIT_DISTANCE_MAX || b.length > EDIT_DISTANCE_MAX) return Math.abs(a.length - b.length) + Math.min(a.length, b.length);
  const longest = Math.max(a.length, b.length);
  for (let band = Math.max(Math.abs(a.length - b.length), 8); ; band *= 2) {
    if (band >= longest) return bandedDistance(a, b, longest);
    const distance = bandedDistance(a, b, band);
    if (distance <= band) return distance;
  }
}

/** Edit distance restricted to the cells within `band` of the main diagonal (band ≥ the lengths' difference). */
function bandedDistance(a: string, b: string, band: number): number {
  const n = a.length;
  const m = b.length;
  const outside = n + m + 1;
  // One extra cell at the end: the sentinel right of the band.
  let prev = new Int32Array(m + 2).fill(outside);
  let row = new Int32Array(m + 2).fill(outside);
  for (let j = 0; j <= Math.min(m, band); j += 1) prev[j] = j;
  for (let i = 1; i <= n; i += 1) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    // The cells either side of this row's band: column 0 while it is inside the band, else out of reach.
    row[lo - 1] = lo === 1 && i <= band ? i : outside;
    const c = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j += 1) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (c === b.charCodeAt(j - 1) ? 0 : 1));
    }
    row[hi + 1] = outside;
    [prev, row] = [row, prev];
  }
  return prev[m] as number;
}
