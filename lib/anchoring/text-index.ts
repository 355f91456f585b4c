import { foldText, type FoldedText } from './fold';
import { SeedIndex } from './seed-index';

/** Quotes at least this long are found through a shared table keyed by their first characters. */
const KEY_LENGTH = 6;

/** Buckets of that table: 2^16, so with a thousand quotes almost every text position misses at once. */
const TABLE_BITS = 16;

function keyHash(s: string, at: number): number {
  let h = 0;
  for (let k = 0; k < KEY_LENGTH; k += 1) h = Math.imul(h, 31) + s.charCodeAt(at + k);
  return (h ^ (h >>> TABLE_BITS)) & ((1 << TABLE_BITS) - 1);
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
   * One pass over the text for all expected quotes: a hash of the first
   * KEY_LENGTH characters at each position picks the quotes that could start
   * there (bucket chains in typed arrays), and only those are compared.
   */
  private findExpected(): Map<string, number[]> {
    const quotes = [...this.expected];
    const heads = new Int32Array(1 << TABLE_BITS).fill(-1);
    const next = new Int32Array(quotes.length).fill(-1);
    quotes.forEach((quote, i) => {
      const h = keyHash(quote, 0);
      next[i] = heads[h] ?? -1;
      heads[h] = i;
    });
    const found = quotes.map((): number[] => []);
    const text = this.text;
    const last = text.length - KEY_LENGTH;
    for (let at = 0; at <= last; at += 1) {
      for (let i = heads[keyHash(text, at)] ?? -1; i !== -1; i = next[i] ?? -1) {
        if (text.startsWith(quotes[i] ?? '', at)) found[i]?.push(at);
      }
    }
    return new Map(quotes.map((quote, i) => [quote, found[i] ?? []]));
  }
}
