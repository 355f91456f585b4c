import { foldString, toFoldedOffset } from './fold';
import { searchEverywhere, searchNear, type FoldedMatch } from './fuzzy';
import {
  DEFAULT_MIN_SCORE,
  aboveChance,
  combinedScore,
  contextScore,
  positionCloseness,
  prefixSimilarity,
  prepareContext,
  suffixSimilarity,
  type MatchEvidence,
  type PreparedContext,
} from './score';
import { TextIndex } from './text-index';
import type { Anchor, AnchorMethod, AnchorOptions, AnchorSelectors } from './types';

/**
 * A verbatim match whose context agrees at least this well is taken without
 * looking further. Below it, the quote may be a look-alike (a repeated phrase,
 * or the same words in a passage that replaced the original), so fuzzy
 * candidates near the expected place get a say too.
 */
const TRUSTED_CONTEXT = 0.75;

/**
 * A match near the expected place ends the search when it scores this well,
 * or when it is acceptable and its context agrees at least `SETTLED_CONTEXT`:
 * a better match far away would mean the passage moved and a look-alike with
 * a look-alike context took its place, which is rarer than it is costly to
 * rule out (a whole-text search costs milliseconds on a long article).
 */
const STRONG_SCORE = 0.85;
const SETTLED_CONTEXT = 0.5;

/**
 * Radii of the windows searched around the expected place, smallest first: in
 * `anchorAll` the expected place is usually within a few characters, while a
 * lone `anchor` call only knows the offsets stored at annotation time.
 */
const NEAR_RADII = [256, 2048] as const;

function settled(best: Candidate | undefined, minScore: number): boolean {
  if (!best) return false;
  if (best.score >= STRONG_SCORE) return true;
  return best.score >= minScore && contextTrusted(best, SETTLED_CONTEXT);
}

/** One annotation's selectors, with the derived forms computed on first use. */
class PreparedSelectors {
  readonly exact: string;
  readonly prefix: PreparedContext | undefined;
  readonly suffix: PreparedContext | undefined;
  readonly storedStart: number | undefined;
  readonly storedEnd: number | undefined;
  /**
   * How much evidence the quote carries on its own. Trimmed raw length rather
   * than folded length, so verbatim matches never pay for folding.
   */
  readonly quoteLength: number;
  private patternCache: string | undefined;

  constructor(selectors: AnchorSelectors) {
    this.exact = selectors.quote.exact;
    this.prefix = prepareContext(selectors.quote.prefix);
    this.suffix = prepareContext(selectors.quote.suffix);
    this.storedStart = selectors.position?.start;
    this.storedEnd = selectors.position?.end;
    this.quoteLength = this.exact.trim().length;
  }

  /** The quote folded for fuzzy matching. */
  get pattern(): string {
    this.patternCache ??= foldString(this.exact);
    return this.patternCache;
  }
}

interface Candidate {
  start: number;
  end: number;
  method: AnchorMethod;
  evidence: MatchEvidence;
  score: number;
}

const METHOD_RANK: Record<AnchorMethod, number> = { position: 0, quote: 1, fuzzy: 2 };

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return METHOD_RANK[a.method] < METHOD_RANK[b.method];
}

/** Collects scored candidates, skipping spans already scored. */
class CandidatePool {
  best: Candidate | undefined;
  private readonly seen = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly selectors: PreparedSelectors,
    private readonly expectedStart: number | undefined,
  ) {}

  consider(start: number, end: number, method: AnchorMethod, quote: number): Candidate | undefined {
    const key = `${start}:${end}`;
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    const evidence: MatchEvidence = {
      quote,
      prefix: aboveChance(prefixSimilarity(this.text, start, this.selectors.prefix)),
      suffix: aboveChance(suffixSimilarity(this.text, end, this.selectors.suffix)),
      position: positionCloseness(start, this.expectedStart, this.text.length),
    };
    const score = combinedScore(evidence, this.selectors.quoteLength);
    const candidate: Candidate = { start, end, method, evidence, score };
    if (better(candidate, this.best)) this.best = candidate;
    return candidate;
  }
}

function contextTrusted(candidate: Candidate | undefined, threshold: number): boolean {
  if (!candidate) return false;
  const context = contextScore(candidate.evidence);
  return context === undefined || context >= threshold;
}

function* occurrences(text: string, exact: string): Generator<number> {
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) yield at;
}

function toAnchor(candidate: Candidate | undefined, minScore: number): Anchor | null {
  if (!candidate || candidate.score < minScore) return null;
  const { start, end, method, score } = candidate;
  return { start, end, method, score };
}

/**
 * Anchors one annotation in a prepared text. `hintStart` is where the quote is
 * expected now (the stored start shifted by edits seen on earlier annotations
 * of the same page); it defaults to the stored start.
 */
export function anchorInIndex(
  index: TextIndex,
  selectors: AnchorSelectors,
  options: AnchorOptions = {},
  hintStart?: number,
): Anchor | null {
  const text = index.text;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const sel = new PreparedSelectors(selectors);
  const { exact } = sel;
  const expectedStart = hintStart ?? sel.storedStart;
  const pool = new CandidatePool(text, sel, expectedStart);

  // 1. The stored offsets, trusted only if they still hold the exact quote in
  //    a familiar context (a shifted page can put a look-alike there).
  if (
    sel.storedStart !== undefined &&
    sel.storedEnd === sel.storedStart + exact.length &&
    text.startsWith(exact, sel.storedStart)
  ) {
    const atStored = pool.consider(sel.storedStart, sel.storedEnd, 'position', 1);
    if (contextTrusted(atStored, 0.5)) return toAnchor(atStored, minScore);
  }
  if (hintStart !== undefined && hintStart !== sel.storedStart && text.startsWith(exact, hintStart)) {
    const atHint = pool.consider(hintStart, hintStart + exact.length, 'quote', 1);
    if (contextTrusted(atHint, TRUSTED_CONTEXT)) return toAnchor(atHint, minScore);
  }

  // 2. Every verbatim occurrence, ranked by context then closeness.
  for (const at of occurrences(text, exact)) {
    pool.consider(at, at + exact.length, at === sel.storedStart ? 'position' : 'quote', 1);
  }
  if (contextTrusted(pool.best, TRUSTED_CONTEXT) || options.fuzzy === false) {
    return toAnchor(pool.best, minScore);
  }

  // 3. Approximate matches on folded text, near the expected place first.
  const { pattern } = sel;
  if (pattern.trim() === '') return toAnchor(pool.best, minScore);
  const folded = index.folded;
  const considerFolded = (matches: FoldedMatch[]): void => {
    for (const m of matches) {
      const start = folded.toOriginal[m.start] ?? text.length;
      const end = folded.toOriginal[m.end] ?? text.length;
      pool.consider(start, end, 'fuzzy', Math.max(0, 1 - m.errors / pattern.length));
    }
  };
  const expectedFolded =
    expectedStart === undefined ? undefined : toFoldedOffset(folded, expectedStart);
  if (expectedFolded !== undefined) {
    for (const radius of NEAR_RADII) {
      considerFolded(searchNear(folded, pattern, expectedFolded, radius));
      if (settled(pool.best, minScore)) return toAnchor(pool.best, minScore);
    }
  }
  considerFolded(searchEverywhere(folded, pattern, expectedFolded));
  return toAnchor(pool.best, minScore);
}

/**
 * Finds where an annotation attaches in `text`, Hypothesis-style: the stored
 * position if it still holds the quote, else a verbatim occurrence of the quote
 * chosen by context and closeness, else the best approximate match, or null
 * (an orphan) when nothing scores at least `options.minScore`.
 */
export function anchor(
  text: string,
  selectors: AnchorSelectors,
  options?: AnchorOptions,
): Anchor | null {
  return anchorInIndex(new TextIndex(text), selectors, options);
}
