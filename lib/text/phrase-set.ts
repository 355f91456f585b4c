import { foldKey } from './fold';
import { StartFilter } from './phrase-starts';
import { emitSource, finishTrie, insertPhrase, isWordCode, matchEnd, newTrie, phraseAtoms, type WalkNode } from './phrase-trie';

/**
 * A set of phrases found in one pass over the text, as one regular expression would find them.
 *
 * Phrases are data (topic terms, subject cues, claim terms), written in a small
 * syntax that curators can use without knowing regular expressions:
 * - matching ignores case and accents (the text is folded first, see `foldText`);
 * - a space matches any run of whitespace;
 * - a hyphen matches a hyphen, a space or nothing ("mega-prison" finds
 *   "megaprison", "mega prison" and "mega-prison");
 * - `*` at the end of a word matches any ending ("deport*" finds "deported",
 *   "deportation", "deportados");
 * - every phrase matches whole words only.
 *
 * The phrases form a trie that reads as a single regular expression
 * ("deport(?:ation\s+flights?|\w*)|detain…", see `source`): at each position of
 * the text the search follows one branch per character instead of trying every
 * phrase, so scanning a page costs about the same with 50 phrases or 500. The
 * trie is walked directly (lib/text/phrase-trie.ts), with the expression's
 * results, so that no large expression has to be compiled on first use.
 */
export interface PhraseHit {
  /** Index of the phrase in `PhraseSet.phrases`. */
  phrase: number;
  start: number;
  end: number;
}

/** A wildcard phrase alone, walked at one position to tell which phrase a match is. */
interface WildPhrase {
  phrase: number;
  walk: WalkNode;
}

export class PhraseSet {
  /** The distinct phrases, folded; `indexOf` maps an input phrase to its index here. */
  readonly phrases: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly exact = new Map<string, number>();
  /** Wildcard phrases by their literal beginning (up to the first hyphen, apostrophe or `*`). */
  private readonly wildByPrefix = new Map<string, WildPhrase[]>();
  private readonly wildPrefixLengths: number[] = [];
  private readonly wild: WildPhrase[] = [];
  /** The trie the walk runs; null when there are no phrases. */
  private readonly walk: WalkNode | null;
  /** Where a match may start (see `StartFilter`); null when there are no phrases. */
  private readonly starts: StartFilter | null;
  private emitted: string | null = null;
  /** The last long text `findWithin` scanned whole, and every match in it. */
  private whole: { text: string; hits: PhraseHit[] } | null = null;
  /** The last long text stretches were asked of without a whole-text scan, and how many characters they held. */
  private asked: { text: string; chars: number } | null = null;
  /** Matched text, by `textHash` → the text and what `identify` needs to know about it (see `candidates`). */
  private readonly known = new Map<number, { text: string; known: number | WildPhrase[] }>();

  constructor(phrases: Iterable<string>) {
    const root = newTrie();
    const prefixLengths = new Set<number>();
    for (const p of phrases) {
      const folded = foldKey(p);
      if (!folded || this.byKey.has(folded)) continue;
      const index = this.phrases.length;
      this.phrases.push(folded);
      this.byKey.set(folded, index);
      if (folded.includes('*')) {
        const alone = newTrie();
        insertPhrase(alone, folded);
        const entry = { phrase: index, walk: finishTrie(alone) };
        this.wild.push(entry);
        const prefix = literalPrefix(folded);
        const list = this.wildByPrefix.get(prefix);
        if (list) list.push(entry);
        else this.wildByPrefix.set(prefix, [entry]);
        prefixLengths.add(prefix.length);
      } else {
        const key = matchKey(folded);
        if (!this.exact.has(key)) this.exact.set(key, index);
      }
      insertPhrase(root, folded);
    }
    this.wildPrefixLengths = [...prefixLengths].sort((a, b) => b - a);
    this.walk = this.phrases.length ? finishTrie(root) : null;
    this.starts = this.walk ? new StartFilter(this.walk) : null;
  }

  /**
   * Other phrases that match wherever phrase `i` matches: a match is reported
   * once, under one phrase, so owners of overlapping phrases ("venezuelan" and
   * "venezuelan*") must be merged through this. With `contained`, also the
   * phrases found inside it ("el salvador" inside "flown to el salvador"),
   * which the longer match hides.
   */
  overlapping(i: number, contained = false): number[] {
    const phrase = this.phrases[i];
    if (phrase === undefined || phrase.includes('*')) return [];
    const out: number[] = [];
    for (const w of this.wild) {
      if (w.phrase === i) continue;
      if (matchEnd(w.walk, phrase, 0) === phrase.length) out.push(w.phrase);
    }
    if (contained) {
      for (let k = 0; k < phrase.length; k++) {
        if (k > 0 && isWordCode(phrase.charCodeAt(k - 1))) continue;
        // At the phrase's own start the longest match is the phrase itself: look in all but its last
        // character for the shorter ones it hides there ("prison" in "prison in el salvador").
        const hit = this.matchAt(k === 0 ? phrase.slice(0, -1) : phrase, k);
        if (hit && hit.phrase !== i && hit.phrase >= 0 && !out.includes(hit.phrase)) out.push(hit.phrase);
      }
    }
    return out;
  }

  /**
   * The source of the one combined expression ('' when there are no phrases):
   * text contains one of the phrases exactly when `new RegExp(source)` matches
   * it, which lets a caller that only needs yes or no (the every-page gate)
   * ship the expression prebuilt instead of the phrases.
   */
  get source(): string {
    if (!this.walk) return '';
    // As `RegExp.prototype.source` spells it (built only here: the matching itself needs no expression).
    return (this.emitted ??= new RegExp(emitSource(this.walk)).source);
  }

  /** Index of a phrase given as it was passed to the constructor, or -1. */
  indexOf(phrase: string): number {
    return this.byKey.get(foldKey(phrase)) ?? -1;
  }

  get size(): number {
    return this.phrases.length;
  }

  /** Every match in `folded` (a `foldText` result) between `from` and `to`, left to right, not overlapping. */
  findAll(folded: string, from = 0, to = folded.length): PhraseHit[] {
    if (folded.length >= WHOLE_MIN) {
      if (from > 0 || to < folded.length) return this.findWithin(folded, from, to);
      // The whole of a long text: kept for the stretches asked of it later (a sentence's, see `findWithin`).
      const all = this.scan(folded, 0, folded.length);
      this.whole = { text: folded, hits: all };
      return claimed(all);
    }
    return this.scanHits(folded, from, to);
  }

  /**
   * Matches from `from` on, up to the first that ends after `to` (`phrase` -1 where no phrase
   * claims a match of the combined expression: it still consumes its text).
   */
  private scan(folded: string, from: number, to: number): PhraseHit[] {
    const hits: PhraseHit[] = [];
    const walk = this.walk;
    const starts = this.starts;
    if (!walk || !starts) return hits;
    // A match starting after `to` ends after it: the positions past `to` need no trying. An empty
    // match is passed over like no match, so only where a longer one may start is tried.
    const last = Math.min(to, folded.length);
    for (let start = Math.max(from, 0); start <= last; ) {
      start = starts.next(folded, start, last);
      if (start < 0) break;
      const end = matchEnd(walk, folded, start);
      if (end < 0 || end === start) {
        start++;
        continue;
      }
      if (end > to) break;
      hits.push({ phrase: this.identify(folded, start, end), start, end });
      start = end;
    }
    return hits;
  }

  /**
   * `findAll` of a stretch of a long text (a sentence), read off one scan of the whole text: the
   * expression matches at a position whatever the search started from, so from `from` on a scan
   * meets the same matches as the whole-text scan, unless a whole-text match straddles `from`
   * (then the stretch is scanned itself). Spares scanning on past the stretch for the next match.
   * The whole-text scan is made once the stretches asked add up to half the text (or kept from
   * `findAll` of the whole text): before that each stretch is scanned itself, which finds the same.
   */
  private findWithin(folded: string, from: number, to: number): PhraseHit[] {
    let whole = this.whole;
    if (!whole || whole.text !== folded) {
      // Until the stretches asked of a text add up to half of it, each is scanned itself: the sets
      // consulted for a few sentences only (a count's scope, time out of the cell) then never read
      // the whole page. Past that, one whole-text scan serves the rest, as before.
      let asked = this.asked;
      if (!asked || asked.text !== folded) this.asked = asked = { text: folded, chars: 0 };
      else asked.text = folded;
      asked.chars += to - from;
      if (asked.chars <= folded.length / 2) return this.scanHits(folded, from, to);
      this.whole = whole = { text: folded, hits: this.scan(folded, 0, folded.length) };
    }
    // The same text again as another string (a page analysed twice): keep this one, so the next
    // stretches compare references rather than every character (23 µs for a 20,000-word page, each).
    else whole.text = folded;
    const all = whole.hits;
    // The first whole-text match that ends after `from`.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((all[mid] as PhraseHit).end > from) hi = mid;
      else lo = mid + 1;
    }
    if (lo < all.length && (all[lo] as PhraseHit).start < from) return this.scanHits(folded, from, to);
    const hits: PhraseHit[] = [];
    for (let i = lo; i < all.length; i++) {
      const h = all[i] as PhraseHit;
      if (h.end > to) break;
      if (h.phrase >= 0) hits.push({ phrase: h.phrase, start: h.start, end: h.end });
    }
    return hits;
  }

  /** The matches `scan` finds that a phrase claims. */
  private scanHits(folded: string, from: number, to: number): PhraseHit[] {
    return claimed(this.scan(folded, from, to));
  }

  /**
   * What `findAll(folded)` returns, given where every match `scan(folded, 0, folded.length)` meets
   * starts and ends (`found`: start, end, start, end…; which phrase each is, is worked out here),
   * found by another walk (`PhraseScanner`, which serves several sets in one pass over the text).
   * A long text's matches are kept for its stretches, as `findAll` keeps them.
   */
  adoptScan(folded: string, found: readonly number[]): PhraseHit[] {
    const all: PhraseHit[] = [];
    for (let k = 0; k + 1 < found.length; k += 2) {
      const start = found[k] as number;
      const end = found[k + 1] as number;
      all.push({ phrase: this.identify(folded, start, end), start, end });
    }
    if (folded.length >= WHOLE_MIN) this.whole = { text: folded, hits: all };
    return claimed(all);
  }

  /** The trie the set's walk runs and where a match may start (for `PhraseScanner`); null when there are no phrases. */
  get walkParts(): { walk: WalkNode; starts: StartFilter } | null {
    return this.walk && this.starts ? { walk: this.walk, starts: this.starts } : null;
  }

  /** The first match in `folded` between `from` and `to`, or null. */
  findFirst(folded: string, from = 0, to = folded.length): PhraseHit | null {
    const walk = this.walk;
    const starts = this.starts;
    if (!walk || !starts) return null;
    // The first match is the one at the first position that has one; past `to` it would end too late.
    const last = Math.min(to, folded.length);
    for (let start = Math.max(from, 0); start <= last; start++) {
      if (!starts.nullable) {
        start = starts.next(folded, start, last);
        if (start < 0) return null;
      }
      const end = matchEnd(walk, folded, start);
      if (end < 0) continue;
      if (end > to) return null;
      return { phrase: this.identify(folded, start, end), start, end };
    }
    return null;
  }

  /**
   * The match that starts exactly at `at`, or null: what `findFirst` returns when its first match
   * starts there (positions are tried left to right, so the match found at a position is the same
   * either way), without searching on through the rest of the text when none does.
   */
  matchAt(folded: string, at: number): PhraseHit | null {
    if (!this.walk) return null;
    const end = matchEnd(this.walk, folded, at);
    if (end <= at) return null;
    return { phrase: this.identify(folded, at, end), start: at, end };
  }

  /** Whether any phrase occurs in `folded` between `from` and `to`. */
  test(folded: string, from = 0, to = folded.length): boolean {
    return this.findFirst(folded, from, to) !== null;
  }

  /** Which phrase the match [start, end) of the combined expression is: by exact key, else the wildcard phrases sharing its beginning. */
  private identify(folded: string, start: number, end: number): number {
    // Pages repeat their words: what a matched text can be is worked out once per text. (Looked up
    // by a hash of its characters, so that a text seen before is not copied out of the page again.)
    const hash = textHash(folded, start, end);
    const entry = this.known.get(hash);
    let known: number | WildPhrase[];
    if (entry !== undefined && sameText(entry.text, folded, start, end)) known = entry.known;
    else {
      const text = folded.slice(start, end);
      known = this.candidates(text);
      if (this.known.size >= KNOWN_MAX) this.known.clear();
      // (Two texts of one hash: the later one is kept.)
      this.known.set(hash, { text, known });
    }
    if (typeof known === 'number') return known;
    let fallback = -1;
    for (const w of known) {
      const wEnd = matchEnd(w.walk, folded, start);
      if (wEnd < 0) continue;
      if (wEnd === end) return w.phrase;
      if (fallback < 0) fallback = w.phrase;
    }
    return fallback;
  }

  /** The phrase a matched text is exactly, else the wildcard phrases sharing its beginning, longest beginning first. */
  private candidates(text: string): number | WildPhrase[] {
    const exact = this.exact.get(matchKey(text));
    if (exact !== undefined) return exact;
    const spaced = /\s/.test(text) ? text.replace(/"?\s+"?/g, ' ') : text;
    const out: WildPhrase[] = [];
    for (const len of this.wildPrefixLengths) {
      if (len > spaced.length) continue;
      const list = this.wildByPrefix.get(spaced.slice(0, len));
      if (list) out.push(...list);
    }
    return out;
  }
}

/** The matches of a scan that a phrase claims. */
function claimed(all: PhraseHit[]): PhraseHit[] {
  // Most scans meet no match that no phrase claims: then the scan's own list is the answer (no copy of a page's hits).
  let k = 0;
  while (k < all.length && (all[k] as PhraseHit).phrase >= 0) k++;
  if (k === all.length) return all;
  const hits = all.slice(0, k);
  for (; k < all.length; k++) if ((all[k] as PhraseHit).phrase >= 0) hits.push(all[k] as PhraseHit);
  return hits;
}

/** Texts at least this long are scanned whole once for the stretches asked of them (`findWithin`). */
const WHOLE_MIN = 2000;

/** How many matched texts a phrase set remembers (then it starts over). */
const KNOWN_MAX = 5000;

/** A hash of the characters of `s` in [start, end). */
function textHash(s: string, start: number, end: number): number {
  let hash = end - start;
  for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + s.charCodeAt(k)) | 0;
  return hash;
}

/** Whether `s` holds `text` at [start, end). */
function sameText(text: string, s: string, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== s.charCodeAt(start + k)) return false;
  return true;
}
const SEPARATOR = /[\s'"-]/;

/** What two spellings of the same phrase have in common: no spaces, hyphens, apostrophes or quote marks. */
function matchKey(text: string): string {
  // Most matches are single words: only a match holding one of those characters needs the replace.
  return SEPARATOR.test(text) ? text.replace(/[\s'"-]+/g, '') : text;
}

/** The phrase up to its first hyphen, apostrophe or `*`, spaces kept single. */
function literalPrefix(folded: string): string {
  const cut = folded.search(/[-'*]/);
  return cut < 0 ? folded : folded.slice(0, cut);
}

/** The regular-expression source for one folded phrase. */
export function phraseSource(folded: string): string {
  return phraseAtoms(folded).join('');
}
