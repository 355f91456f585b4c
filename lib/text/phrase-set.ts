import { foldKey } from './fold';

/**
 * A set of phrases found in one pass of one precompiled regular expression.
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
 * The phrases are compiled into a single regular expression shaped as a trie
 * ("deport(?:ation\s+flights?|\w*)|detain…"): at each position of the text the
 * engine follows one branch per character instead of trying every phrase, so
 * scanning a page costs about the same with 50 phrases or 500.
 */
export interface PhraseHit {
  /** Index of the phrase in `PhraseSet.phrases`. */
  phrase: number;
  start: number;
  end: number;
}

/** One regex piece of a phrase: a literal character or one of the syntax's wildcards. */
type Atom = string;

interface TrieNode {
  children: Map<Atom, TrieNode>;
  terminal: boolean;
}

const WORD_BOUNDARY = '\\b';

export class PhraseSet {
  /** The distinct phrases, folded; `indexOf` maps an input phrase to its index here. */
  readonly phrases: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly exact = new Map<string, number>();
  /** Wildcard phrases by their literal beginning (up to the first hyphen, apostrophe or `*`). */
  private readonly wildByPrefix = new Map<string, Array<{ phrase: number; re: RegExp }>>();
  private readonly wildPrefixLengths: number[] = [];
  private readonly wild: Array<{ phrase: number; re: RegExp }> = [];
  private readonly re: RegExp | null;
  /** The last long text `findWithin` scanned whole, and every match in it. */
  private whole: { text: string; hits: PhraseHit[] } | null = null;
  /** Matched text → what `identify` needs to know about it (see `candidates`). */
  private readonly known = new Map<string, number | Array<{ phrase: number; re: RegExp }>>();

  constructor(phrases: Iterable<string>) {
    const root: TrieNode = { children: new Map(), terminal: false };
    const prefixLengths = new Set<number>();
    for (const p of phrases) {
      const folded = foldKey(p);
      if (!folded || this.byKey.has(folded)) continue;
      const index = this.phrases.length;
      this.phrases.push(folded);
      this.byKey.set(folded, index);
      const atoms = phraseAtoms(folded);
      if (folded.includes('*')) {
        const entry = { phrase: index, re: new RegExp(atoms.join(''), 'y') };
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
      insert(root, atoms);
    }
    this.wildPrefixLengths = [...prefixLengths].sort((a, b) => b - a);
    this.re = this.phrases.length ? new RegExp(emit(root), 'g') : null;
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
      w.re.lastIndex = 0;
      const m = w.re.exec(phrase);
      if (m && m[0].length === phrase.length) out.push(w.phrase);
    }
    if (contained) {
      for (let k = 0; k < phrase.length; k++) {
        if (k > 0 && /\w/.test(phrase.charAt(k - 1))) continue;
        const hit = this.findFirst(phrase, k);
        if (hit && hit.start === k && hit.phrase !== i && hit.phrase >= 0 && !out.includes(hit.phrase)) out.push(hit.phrase);
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
    return this.re?.source ?? '';
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
    if ((from > 0 || to < folded.length) && folded.length >= WHOLE_MIN) return this.findWithin(folded, from, to);
    return this.scanHits(folded, from, to);
  }

  /**
   * Matches from `from` on, up to the first that ends after `to` (`phrase` -1 where no phrase
   * claims a match of the combined expression: it still consumes its text).
   */
  private scan(folded: string, from: number, to: number): PhraseHit[] {
    const hits: PhraseHit[] = [];
    const re = this.re;
    if (!re) return hits;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (end > to) break;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({ phrase: this.identify(folded, m[0], start, end), start, end });
    }
    return hits;
  }

  /**
   * `findAll` of a stretch of a long text (a sentence), read off one scan of the whole text: the
   * expression matches at a position whatever the search started from, so from `from` on a scan
   * meets the same matches as the whole-text scan, unless a whole-text match straddles `from`
   * (then the stretch is scanned itself). Spares scanning on past the stretch for the next match.
   */
  private findWithin(folded: string, from: number, to: number): PhraseHit[] {
    let whole = this.whole;
    if (!whole || whole.text !== folded) this.whole = whole = { text: folded, hits: this.scan(folded, 0, folded.length) };
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
    const hits: PhraseHit[] = [];
    for (const h of this.scan(folded, from, to)) if (h.phrase >= 0) hits.push(h);
    return hits;
  }

  /** The first match in `folded` between `from` and `to`, or null. */
  findFirst(folded: string, from = 0, to = folded.length): PhraseHit | null {
    const re = this.re;
    if (!re) return null;
    re.lastIndex = from;
    const m = re.exec(folded);
    if (m === null || m.index + m[0].length > to) return null;
    const start = m.index;
    const end = start + m[0].length;
    return { phrase: this.identify(folded, m[0], start, end), start, end };
  }

  /** Whether any phrase occurs in `folded` between `from` and `to`. */
  test(folded: string, from = 0, to = folded.length): boolean {
    return this.findFirst(folded, from, to) !== null;
  }

  /** Which phrase a match of the combined expression is: by exact key, else the wildcard phrases sharing its beginning. */
  private identify(folded: string, text: string, start: number, end: number): number {
    // Pages repeat their words: what a matched text can be is worked out once per text.
    let known = this.known.get(text);
    if (known === undefined) {
      known = this.candidates(text);
      if (this.known.size >= KNOWN_MAX) this.known.clear();
      this.known.set(text, known);
    }
    if (typeof known === 'number') return known;
    let fallback = -1;
    for (const w of known) {
      w.re.lastIndex = start;
      const m = w.re.exec(folded);
      if (!m) continue;
      if (start + m[0].length === end) return w.phrase;
      if (fallback < 0) fallback = w.phrase;
    }
    return fallback;
  }

  /** The phrase a matched text is exactly, else the wildcard phrases sharing its beginning, longest beginning first. */
  private candidates(text: string): number | Array<{ phrase: number; re: RegExp }> {
    const exact = this.exact.get(matchKey(text));
    if (exact !== undefined) return exact;
    const spaced = /\s/.test(text) ? text.replace(/"?\s+"?/g, ' ') : text;
    const out: Array<{ phrase: number; re: RegExp }> = [];
    for (const len of this.wildPrefixLengths) {
      if (len > spaced.length) continue;
      const list = this.wildByPrefix.get(spaced.slice(0, len));
      if (list) out.push(...list);
    }
    return out;
  }
}

/** Texts at least this long are scanned whole once for the stretches asked of them (`findWithin`). */
const WHOLE_MIN = 2000;

/** How many matched texts a phrase set remembers (then it starts over). */
const KNOWN_MAX = 5000;
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

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/**
 * A space between two words of a phrase: any run of whitespace, with a quote mark on either side,
 * since a page may set one word of a phrase apart (peligrosos "criminales" estadounidenses).
 */
const SPACE = '"?\\s+"?';

/** The regex pieces of one folded phrase, boundaries included. */
function phraseAtoms(folded: string): Atom[] {
  const atoms: Atom[] = [];
  if (/\w/.test(folded.charAt(0))) atoms.push(WORD_BOUNDARY);
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charAt(i);
    if (c === ' ') atoms.push(SPACE);
    else if (c === '-') atoms.push('[\\s-]?');
    else if (c === "'") atoms.push("'?");
    else if (c === '*') atoms.push('\\w*');
    else atoms.push(escapeChar(c));
  }
  const last = folded.charAt(folded.length - 1);
  if (last !== '*' && /\w/.test(last)) atoms.push(WORD_BOUNDARY);
  return atoms;
}

/** The regular-expression source for one folded phrase. */
export function phraseSource(folded: string): string {
  return phraseAtoms(folded).join('');
}

function insert(root: TrieNode, atoms: Atom[]): void {
  let node = root;
  for (const a of atoms) {
    let next = node.children.get(a);
    if (!next) {
      next = { children: new Map(), terminal: false };
      node.children.set(a, next);
    }
    node = next;
  }
  node.terminal = true;
}

/** Literal characters first, wildcards after, the end of a phrase last: the longest phrase wins. */
function atomRank(a: Atom): number {
  if (a === WORD_BOUNDARY) return 2;
  if (a === '\\w*' || a === SPACE || a === '[\\s-]?' || a === "'?") return 1;
  return 0;
}

function emit(node: TrieNode): string {
  const branches = [...node.children.entries()]
    .sort((x, y) => atomRank(x[0]) - atomRank(y[0]))
    .map(([atom, child]) => atom + emit(child));
  if (node.terminal) branches.push('');
  if (branches.length === 0) return '';
  if (branches.length === 1) return branches[0] as string;
  return `(?:${branches.join('|')})`;
}
