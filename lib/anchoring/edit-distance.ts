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
