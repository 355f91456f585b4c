/**
 * JSON with object keys sorted at every level and `undefined` members left out,
 * so that two records with the same content always give the same string however
 * they were built (parsed from a file, read from IndexedDB, spread in the UI).
 * Merge uses it as its final tie-break and to tell "same content" from "different".
 */
export function canonicalJson(value: unknown): string {
  return write(value);
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'object': {
      if (Array.isArray(value)) {
        return '[' + value.map((v) => (v === undefined ? 'null' : write(v))).join(',') + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return '{' + keys.map((k) => JSON.stringify(k) + ':' + write(obj[k])).join(',') + '}';
    }
    default:
      // Functions, symbols, bigints never occur in records; treat them as absent.
      return 'null';
  }
}
