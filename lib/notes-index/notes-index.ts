/**
 * The compact local index of pages that carry the reader's notes.
 *
 * The every-page gate must know, without asking the background, whether the
 * reader has notes on the page it is looking at: asking would wake the
 * service worker on every page the browser shows. The background therefore
 * keeps, in extension storage, a sorted set of salted 32-bit hashes of the
 * canonical URLs that hold live notes. A content script can test one URL
 * against it; it cannot list the URLs, nor read a note. A collision (about
 * one in four billion per URL held) costs one message, which the background
 * answers from the database.
 *
 * No dependencies and no schema library: this file is bundled into the
 * always-on script.
 */

/** Where the index lives in `storage.local`. */
export const NOTES_INDEX_KEY = 'notesIndex';

/** Width of one key in `keys`: 8 hexadecimal digits, 32 bits. */
const KEY_WIDTH = 8;

export interface NotesIndex {
  v: 1;
  /** Random per rebuild, so the stored hashes cannot be looked up in a table of popular URLs. */
  salt: string;
  /** The URL hashes, sorted, each `KEY_WIDTH` hex digits, concatenated (compact to store and cheap to read). */
  keys: string;
  /** A hash of the annotation table's size and latest change when the index was built (to spot a missed update). */
  stamp: string;
}

/** FNV-1a over the salted string, then a murmur3 finaliser so near-identical URLs spread over the whole range. */
export function urlKey(salt: string, url: string): string {
  let h = 0x811c9dc5;
  const s = `${salt}\n${url}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0).toString(16).padStart(KEY_WIDTH, '0');
}

/** The index of `urls` (duplicates are fine). */
export function buildNotesIndex(urls: Iterable<string>, salt: string, stamp: string): NotesIndex {
  const keys = [...new Set([...urls].map((u) => urlKey(salt, u)))].sort();
  return { v: 1, salt, keys: keys.join(''), stamp: urlKey(salt, stamp) };
}

/** Reads a stored value as an index; anything else (missing, older format, tampered) is null. */
export function asNotesIndex(raw: unknown): NotesIndex | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (o.v !== 1 || typeof o.salt !== 'string' || typeof o.keys !== 'string' || typeof o.stamp !== 'string') return null;
  if (o.keys.length % KEY_WIDTH !== 0) return null;
  return o as unknown as NotesIndex;
}

/** Whether the index says the reader may have notes under `url` (binary search; no false negatives). */
export function notesIndexHas(index: NotesIndex, url: string): boolean {
  const key = urlKey(index.salt, url);
  let lo = 0;
  let hi = index.keys.length / KEY_WIDTH - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = index.keys.slice(mid * KEY_WIDTH, mid * KEY_WIDTH + KEY_WIDTH);
    if (at === key) return true;
    if (at < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** How many pages the index holds. */
export function notesIndexSize(index: NotesIndex): number {
  return index.keys.length / KEY_WIDTH;
}

/** Whether the index was built from the table as `stamp` describes it. */
export function notesIndexCurrent(index: NotesIndex | null, stamp: string): boolean {
  return index !== null && index.stamp === urlKey(index.salt, stamp);
}
