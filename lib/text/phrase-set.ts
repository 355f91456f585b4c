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
 * V8 compiles one alternation of a few hundred literals into a fast automaton,
 * so scanning a whole article once is far cheaper than testing each phrase, or
 * each sentence, separately.
 */
export interface PhraseHit {
  /** Index of the phrase in `PhraseSet.phrases`. */
  phrase: number;
  start: number;
  end: number;
}

export class PhraseSet {
  /** The distinct phrases, folded; `indexOf` maps an input phrase to its index here. */
  readonly phrases: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly exact = new Map<string, number>();
  private readonly wild: Array<{ phrase: number; re: RegExp }> = [];
  private readonly re: RegExp | null;

  constructor(phrases: Iterable<string>) {
    const sources: Array<{ src: string; len: number }> = [];
    for (const p of phrases) {
      const folded = foldKey(p);
      if (!folded) continue;
      const key = matchKey(folded.replace(/\*/g, ''));
      if (this.byKey.has(folded)) continue;
      const index = this.phrases.length;
      this.phrases.push(folded);
      this.byKey.set(folded, index);
      const src = phraseSource(folded);
      if (folded.includes('*')) {
        this.wild.push({ phrase: index, re: new RegExp(src, 'y') });
      } else if (!this.exact.has(key)) {
        this.exact.set(key, index);
      }
      sources.push({ src, len: folded.length });
    }
    // Longer phrases first, so "el salvador's mega-prison" wins over "el salvador" at the same place.
    sources.sort((a, b) => b.len - a.len);
    this.re = sources.length ? new RegExp(sources.map((s) => s.src).join('|'), 'g') : null;
  }

  /**
   * Other phrases that match wherever phrase `i` matches: a match is reported
   * once, under one phrase, so owners of overlapping phrases ("venezuelan" and
   * "venezuelan*") must be merged through this.
   */
  overlapping(i: number): number[] {
    const phrase = this.phrases[i];
    if (phrase === undefined || phrase.includes('*')) return [];
    const text = phrase;
    const out: number[] = [];
    for (const w of this.wild) {
      if (w.phrase === i) continue;
      w.re.lastIndex = 0;
      const m = w.re.exec(text);
      if (m && m[0].length === text.length) out.push(w.phrase);
    }
    return out;
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
    const hits: PhraseHit[] = [];
    const re = this.re;
    if (!re) return hits;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (end > to) break;
      const phrase = this.identify(folded, m[0], start, end);
      if (phrase >= 0) hits.push({ phrase, start, end });
      if (m[0].length === 0) re.lastIndex++;
    }
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

  private identify(folded: string, text: string, start: number, end: number): number {
    const exact = this.exact.get(matchKey(text));
    if (exact !== undefined) return exact;
    for (const w of this.wild) {
      w.re.lastIndex = start;
      const m = w.re.exec(folded);
      if (m && start + m[0].length === end) return w.phrase;
    }
    // A wildcard phrase matched a longer text than the exact one with the same key: take any that fits.
    for (const w of this.wild) {
      w.re.lastIndex = start;
      if (w.re.exec(folded)) return w.phrase;
    }
    return -1;
  }
}

/** What two spellings of the same phrase have in common: no spaces, hyphens or apostrophes. */
function matchKey(text: string): string {
  return text.replace(/[\s'-]+/g, '');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The regular-expression source for one folded phrase. */
export function phraseSource(folded: string): string {
  let src = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charAt(i);
    if (c === ' ') src += '\\s+';
    else if (c === '-') src += '[\\s-]?';
    else if (c === "'") src += "'?";
    else if (c === '*') src += '\\w*';
    else src += escape(c);
  }
  const first = folded.charAt(0);
  const last = folded.charAt(folded.length - 1);
  const head = /\w/.test(first) ? '\\b' : '';
  const tail = last !== '*' && /\w/.test(last) ? '\\b' : '';
  return `${head}${src}${tail}`;
}
