/**
 * Structural equality of JSON-like values, treating a member set to
 * `undefined` as absent (as JSON and canonicalJson do). Agrees with
 * `canonicalJson(a) === canonicalJson(b)` but allocates nothing, so merge and
 * import can compare thousands of records cheaply.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Outside an object, undefined and non-finite numbers serialise as null.
  if (a === undefined || (typeof a === 'number' && !Number.isFinite(a))) a = null;
  if (b === undefined || (typeof b === 'number' && !Number.isFinite(b))) b = null;
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  const aArray = Array.isArray(a);
  if (aArray !== Array.isArray(b)) return false;
  if (aArray) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameContent(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.prototype.hasOwnProperty.call(x, key) || x[key] === undefined) continue;
    count += 1;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !sameContent(x[key], y[key])) return false;
  }
  for (const key in y) {
    if (Object.prototype.hasOwnProperty.call(y, key) && y[key] !== undefined) count -= 1;
  }
  return count === 0;
}
