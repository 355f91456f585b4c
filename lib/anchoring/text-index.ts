import { foldText, type FoldedText } from './fold';
import { SeedIndex } from './seed-index';

/**
 * Quotes at least this long are found through shared tables keyed by their
 * first characters; shorter ones by `indexOf`.
 */
const KEY_LENGTH = 6;

/**
 * The key lengths of those tables: a quote is filed under the longest that
 * fits it. A key of 6 characters is shared by many places of a page ("the
 * pr"), so with one table every position of the text was compared with every
 * quote starting the same way: a cost of (page length) × (quotes), which grows
 * faster than the page when the notes grow with it. A quote of 16 characters
 * or more is keyed by 16, which in news text stands almost only where the
 * quote does.
 */
const KEY_LENGTHS = [KEY_LENGTH, 16] as const;

/** Buckets of each table: 2^16, so with a thousand quotes almost every text position misses at once. */
const TABLE_BITS = 16;

/** Base of the rolling hash (odd, so that multiplying by it is a bijection mod 2^32). */
const BASE = 0x01000193;

/** The hash of `length` characters of `s` from `at`, as the rolling hash of findExpected computes it. */
function keyHash(s: string, at: number, length: number): number {
  let h = 0;
  for (let k = 0; k < length; k += 1) h = (Math.imul(h, BASE) + s.charCodeAt(at + k)) | 0;
  return h;
}

function bucket(h: number): number {
  const m = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (m ^ (m >>> 16)) & ((1 << TABLE_BITS) - 1);
}

/** BASE^(length - 1) mod 2^32: the weight of the character leaving the rolling window. */
function leadingWeight(length: number): number {
  let w = 1;
  for (let k = 1; k < length; k += 1) w = Math.imul(w, BASE);
  return w;
}

/**
 * A page text prepared for anchoring. Work that costs a pass over the whole
 * text is done at most once and only when first needed, then shared by every
 * annotation anchored against the same text:
 * - the folded copy used by fuzzy search;
 * - the verbatim occurrences of expected quotes (`expectQuotes`), found in a
 *   single pass instead of one `indexOf` scan per annotation, which would make
 *   re-anchoring many annotations on a long page quadratic.
 */
export class TextIndex {
  private foldedCache: FoldedText | undefined;
  private seedCache: SeedIndex | undefined;
  /**
   * Whole-text fuzzy searches go through the seed index rather than a pass
   * over the text: set when many annotations share the text (see anchorAll).
   */
  seededWholeText = false;
  private expected = new Set<string>();
  private occurrenceCache: Map<string, number[]> | undefined;

  constructor(readonly text: string) {}

  get folded(): FoldedText {
    this.foldedCache ??= foldText(this.text);
    return this.foldedCache;
  }

  /** Where runs of the folded text occur, built on first need. */
  get seeds(): SeedIndex {
    this.seedCache ??= new SeedIndex(this.folded.text);
    return this.seedCache;
  }

  /** Announces quotes that `occurrences` will be asked about. */
  expectQuotes(quotes: Iterable<string>): void {
    for (const quote of quotes) if (quote.length >= KEY_LENGTH) this.expected.add(quote);
    this.occurrenceCache = undefined;
  }

  /** Start offsets of every verbatim occurrence of `exact`, in order. */
  occurrences(exact: string): number[] {
    if (exact === '') return [];
    if (this.expected.has(exact)) {
      this.occurrenceCache ??= this.findExpected();
      return this.occurrenceCache.get(exact) ?? [];
    }
    const found: number[] = [];
    for (let at = this.text.indexOf(exact); at !== -1; at = this.text.indexOf(exact, at + 1)) found.push(at);
    return found;
  }

  /**
   * One pass over the text for all expected quotes: at each position, a
   * rolling hash of the next few characters (one per key length, see
   * KEY_LENGTHS) picks the quotes that could start there (bucket chains in
   * typed arrays), and only those are compared.
   */
  private findExpected(): Map<string, number[]> {
    const quotes = [...this.expected];
    const found = quotes.map((): number[] => []);
    const text = this.text;
    const tables = KEY_LENGTHS.map((length, t) => {
      const longer = KEY_LENGTHS[t + 1] ?? Number.POSITIVE_INFINITY;
      const heads = new Int32Array(1 << TABLE_BITS).fill(-1);
      const next = new Int32Array(quotes.length).fill(-1);
      let filed = 0;
      quotes.forEach((quote, i) => {
        if (quote.length < length || quote.length >= longer) return;
        const h = bucket(keyHash(quote, 0, length));
        next[i] = heads[h] ?? -1;
        heads[h] = i;
        filed += 1;
      });
      return { length, heads, next, filed, weight: leadingWeight(length) };
    }).filter((table) => table.filed > 0 && table.length <= text.length);
    for (const table of tables) {
      const { length, heads, next, weight } = table;
      let h = keyHash(text, 0, length);
      const last = text.length - length;
      for (let at = 0; ; at += 1) {
        for (let i = heads[bucket(h)] ?? -1; i !== -1; i = next[i] ?? -1) {
          if (text.startsWith(quotes[i] ?? '', at)) found[i]?.push(at);
        }
        if (at === last) break;
        h = (Math.imul((h - Math.imul(text.charCodeAt(at), weight)) | 0, BASE) + text.charCodeAt(at + length)) | 0;
      }
    }
    return new Map(quotes.map((quote, i) => [quote, found[i] ?? []]));
  }
}
