/**
 * Where short runs of a folded text occur, for finding an edited quote far
 * from where it was without scanning the whole text once per quote.
 *
 * Every position of the text is filed under a hash of the SEED characters
 * starting there (bucket chains in typed arrays, built once, linear). A quote
 * that survived an edit shares most of its runs of SEED characters with the
 * text where it now stands; each shared run votes for the diagonal (text
 * offset minus quote offset) it lies on, and the best-voted diagonals are the
 * places worth an approximate search. Runs found too often (stop words, "the
 * president") vote for nothing, so a query costs the same on any page size.
 */

/** Characters per seed: long enough to be rare in news text, short enough to survive between edits. */
export const SEED = 8;

/** A seed found more often than this says nothing about where the quote is. */
const MAX_OCCURRENCES = 32;

/** Diagonals are grouped in bins this wide: an insertion or deletion moves the rest of the quote a little. */
const BIN = 32;

const TABLE_BITS = 18;

function seedHash(s: string, at: number): number {
  let h = 0;
  for (let k = 0; k < SEED; k += 1) h = Math.imul(h ^ s.charCodeAt(at + k), 0x01000193);
  return (h ^ (h >>> 15)) & ((1 << TABLE_BITS) - 1);
}

/** A place worth searching: the text offset where the quote would start, and how many seeds agree. */
export interface Diagonal {
  start: number;
  votes: number;
}

export class SeedIndex {
  private readonly heads: Int32Array;
  private readonly next: Int32Array;

  constructor(readonly text: string) {
    this.heads = new Int32Array(1 << TABLE_BITS).fill(-1);
    const last = text.length - SEED;
    this.next = new Int32Array(Math.max(0, last + 1));
    // Filed from the end so that each chain lists positions in increasing order.
    for (let at = last; at >= 0; at -= 1) {
      const h = seedHash(text, at);
      this.next[at] = this.heads[h] ?? -1;
      this.heads[h] = at;
    }
  }

  /** The best-supported places where `pattern` could start, most votes first (at most `limit`). */
  diagonals(pattern: string, limit: number): Diagonal[] {
    const votes = new Map<number, number>();
    const found: number[] = [];
    for (let j = 0; j + SEED <= pattern.length; j += 1) {
      found.length = 0;
      let tooMany = false;
      for (let at = this.heads[seedHash(pattern, j)] ?? -1; at !== -1; at = this.next[at] ?? -1) {
        if (!this.sameSeed(pattern, j, at)) continue;
        if (found.length === MAX_OCCURRENCES) {
          tooMany = true;
          break;
        }
        found.push(at);
      }
      if (tooMany) continue;
      for (const at of found) {
        const bin = Math.floor((at - j) / BIN);
        votes.set(bin, (votes.get(bin) ?? 0) + 1);
      }
    }
    return [...votes]
      .map(([bin, n]) => ({ start: bin * BIN, votes: n + (votes.get(bin - 1) ?? 0) + (votes.get(bin + 1) ?? 0) }))
      .sort((a, b) => b.votes - a.votes || a.start - b.start)
      .slice(0, limit);
  }

  private sameSeed(pattern: string, j: number, at: number): boolean {
    for (let k = 0; k < SEED; k += 1) if (pattern.charCodeAt(j + k) !== this.text.charCodeAt(at + k)) return false;
    return true;
  }
}
