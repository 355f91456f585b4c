import { editDistance } from './edit-distance';
import { foldString, toFoldedOffset } from './fold';
import { searchEverywhere, searchNear, searchSeeded, type FoldedMatch } from './fuzzy';
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
import { alignWhitespaceEdges, quoteEdges, snapToWords, type QuoteEdges } from './word-boundaries';

/**
 * A verbatim match whose context agrees at least this well is taken without
 * looking further. Below it, the quote may be a look-alike (a repeated phrase,
 * or the same words in a passage that replaced the original), so fuzzy
 * candidates near the expected place get a say too.
 */
const TRUSTED_CONTEXT = 0.75;

/**
 * The stored (or predicted) offsets are taken at once only when the context
 * agrees fully. Anything less and every verbatim occurrence is compared: a
 * page shifted by a few characters can put a copy of a short quote at the
 * old offsets ("l" of "hello" after one inserted character), and a context
 * shifted by a few characters still looks ~90% alike.
 */
const FULL_CONTEXT = 1;

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
 * `anchorAll` the expected place is usually within a few characters (the
 * shift learnt from the notes before it), so the first window is a few words
 * either side and most edited quotes settle there; a lone `anchor` call only
 * knows the offsets stored at annotation time. The wide window comes after
 * the seeded search when there is one (see anchorInIndex).
 */
const NEAR_RADII = [32, 256] as const;
const WIDE_RADIUS = 2048;

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
  readonly edges: QuoteEdges;
  private patternCache: string | undefined;

  constructor(selectors: AnchorSelectors) {
    this.exact = selectors.quote.exact;
    this.prefix = prepareContext(selectors.quote.prefix);
    this.suffix = prepareContext(selectors.quote.suffix);
    this.storedStart = selectors.position?.start;
    this.storedEnd = selectors.position?.end;
    this.quoteLength = this.exact.trim().length;
    this.edges = quoteEdges(this.exact, selectors.quote.prefix, selectors.quote.suffix);
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

  /** Whether a span has been scored already. */
  has(start: number, end: number): boolean {
    return this.seen.has(`${start}:${end}`);
  }

  consider(start: number, end: number, method: AnchorMethod, quote: number): Candidate | undefined {
    if (this.has(start, end)) return undefined;
    this.seen.add(`${start}:${end}`);
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

function toAnchor(candidate: Candidate | undefined, minScore: number): Anchor | null {
  if (!candidate || candidate.score < minScore) return null;
  const { start, end, method, score } = candidate;
  return { start, end, method, score };
}

/**
 * The common case of a page that did not change, decided without preparing
 * anything: the quote and its whole stored context stand verbatim at the
 * stored offsets. The answer (and its score) is what step 1 of
 * `anchorInIndex` gives; it is only reached sooner. A thousand notes on an
 * unchanged page are anchored in a fresh page session each visit, before the
 * engine has optimised any of this code, where every object saved counts.
 * Undefined when the case does not apply.
 */
function atStoredVerbatim(text: string, selectors: AnchorSelectors, hintStart: number | undefined, minScore: number): Anchor | null | undefined {
  const { exact, prefix, suffix } = selectors.quote;
  const start = selectors.position?.start;
  const end = selectors.position?.end;
  if (start === undefined || end !== start + exact.length || !text.startsWith(exact, start)) return undefined;
  const hasPrefix = prefix !== undefined && prefix.trim() !== '';
  const hasSuffix = suffix !== undefined && suffix.trim() !== '';
  if (hasPrefix && !(start >= prefix.length && text.startsWith(prefix, start - prefix.length))) return undefined;
  if (hasSuffix && !text.startsWith(suffix, end)) return undefined;
  const evidence: MatchEvidence = {
    quote: 1,
    prefix: hasPrefix ? aboveChance(1) : undefined,
    suffix: hasSuffix ? aboveChance(1) : undefined,
    position: positionCloseness(start, hintStart ?? start, text.length),
  };
  const score = combinedScore(evidence, exact.trim().length);
  return score >= minScore ? { start, end, method: 'position', score } : null;
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
  // The schema forbids an empty quote; a record that slipped past it has nothing to find.
  if (selectors.quote.exact === '') return null;
  const text = index.text;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const unchanged = atStoredVerbatim(text, selectors, hintStart, minScore);
  if (unchanged !== undefined) return unchanged;
  const sel = new PreparedSelectors(selectors);
  const { exact } = sel;
  const expectedStart = hintStart ?? sel.storedStart;
  const pool = new CandidatePool(text, sel, expectedStart);

  // 1. The stored offsets (then the predicted ones), if they still hold the
  //    exact quote in its own context.
  if (
    sel.storedStart !== undefined &&
    sel.storedEnd === sel.storedStart + exact.length &&
    text.startsWith(exact, sel.storedStart)
  ) {
    const atStored = pool.consider(sel.storedStart, sel.storedEnd, 'position', 1);
    if (contextTrusted(atStored, FULL_CONTEXT)) return toAnchor(atStored, minScore);
  }
  if (hintStart !== undefined && hintStart !== sel.storedStart && text.startsWith(exact, hintStart)) {
    const atHint = pool.consider(hintStart, hintStart + exact.length, 'quote', 1);
    if (contextTrusted(atHint, FULL_CONTEXT)) return toAnchor(atHint, minScore);
  }

  // 2. Every verbatim occurrence, ranked by context then closeness.
  for (const at of index.occurrences(exact)) {
    pool.consider(at, at + exact.length, at === sel.storedStart ? 'position' : 'quote', 1);
  }
  if (contextTrusted(pool.best, TRUSTED_CONTEXT) || options.fuzzy === false) {
    return toAnchor(pool.best, minScore);
  }

  // 3. Approximate matches on folded text, near the expected place first.
  const { pattern } = sel;
  if (pattern.trim() === '') return toAnchor(pool.best, minScore);
  const folded = index.folded;
  const toOriginalSpan = (m: FoldedMatch): { start: number; end: number } => ({
    start: folded.toOriginal[m.start] ?? text.length,
    end: folded.toOriginal[m.end] ?? text.length,
  });
  const isVerbatim = (m: FoldedMatch): boolean => {
    const span = toOriginalSpan(m);
    return m.errors === 0 && pool.has(span.start, span.end);
  };
  const considerFolded = (matches: FoldedMatch[]): void => {
    for (const m of matches) {
      const span = toOriginalSpan(m);
      // A match inside one expanded character ("…" folds to "...") is no span.
      if (span.end <= span.start) continue;
      const aligned = alignWhitespaceEdges(text, span.start, span.end, exact);
      const { start, end } =
        m.errors === 0 ? aligned : snapToWords(text, aligned.start, aligned.end, sel.edges, m.errors);
      pool.consider(start, end, 'fuzzy', Math.max(0, 1 - m.errors / pattern.length));
      // The search stops at the fewest errors, which can cut a quote that grew
      // ("were quiet" → "were very quiet" matches "were very" as cheaply). Where
      // the stored context still stands verbatim next to the match, let it set
      // the edges, and let the score choose between the two spans.
      const refined = edgesFromContext(text, start, end, selectors.quote.prefix, selectors.quote.suffix, m.errors);
      if (refined && (refined.start !== start || refined.end !== end) && refined.end - refined.start <= exact.length * 2) {
        const errors = editDistance(foldString(text.slice(refined.start, refined.end)), pattern);
        pool.consider(refined.start, refined.end, 'fuzzy', Math.max(0, 1 - errors / pattern.length));
      }
    }
  };
  const expectedFolded =
    expectedStart === undefined ? undefined : toFoldedOffset(folded, expectedStart);
  /** Searches around the expected place; says whether the best candidate settles the search. */
  const searchAround = (radius: number): boolean => {
    if (expectedFolded === undefined) return false;
    let matches = searchNear(folded, pattern, expectedFolded, radius);
    // The search reports only the fewest-error matches, so verbatim copies
    // already scored (with a poor context) can hide the edited original
    // next to them: look once more with those copies masked out.
    if (matches.length > 0 && matches.every((m) => isVerbatim(m))) {
      matches = searchNear(folded, pattern, expectedFolded, radius, matches);
    }
    considerFolded(matches);
    return settled(pool.best, minScore);
  };
  for (const radius of NEAR_RADII) if (searchAround(radius)) return toAnchor(pool.best, minScore);
  if (index.seededWholeText) {
    // Many notes share the text: the seeded search first, whose cost does not grow with the page,
    // and which finds a passage that moved far as well as one near its place. The wide window
    // after it is for a short quote edited in every run of SEED characters, which has no seed.
    considerFolded(searchSeeded(folded, pattern, expectedFolded, index.seeds));
    if (!settled(pool.best, minScore)) searchAround(WIDE_RADIUS);
    return toAnchor(pool.best, minScore);
  }
  if (searchAround(WIDE_RADIUS)) return toAnchor(pool.best, minScore);
  considerFolded(searchEverywhere(folded, pattern, expectedFolded));
  return toAnchor(pool.best, minScore);
}

/** How many characters of stored context must stand verbatim beside a match to move its edge. */
const CONTEXT_PROBE = 12;

/**
 * Edges of a fuzzy match moved to where the stored prefix ends and the stored
 * suffix begins, when those stand verbatim within a few characters of the
 * match's own edges; null when neither does.
 */
function edgesFromContext(
  text: string,
  start: number,
  end: number,
  prefix: string | undefined,
  suffix: string | undefined,
  errors: number,
): { start: number; end: number } | null {
  const slack = errors + CONTEXT_PROBE;
  let newStart = start;
  let newEnd = end;
  let moved = false;
  // Each probe is looked for only where it could count (a few characters either side of the edge):
  // an unbounded indexOf ran to the end of the page whenever the context had changed, which made
  // re-attaching many notes on a long page grow with (page length) × (notes).
  const tail = prefix?.slice(-CONTEXT_PROBE);
  if (tail && tail.trim().length >= 4) {
    const from = Math.max(0, start - slack - tail.length);
    const at = indexWithin(text, tail, from, start + slack - tail.length);
    if (at >= 0) {
      newStart = at + tail.length;
      moved = true;
    }
  }
  const head = suffix?.slice(0, CONTEXT_PROBE);
  if (head && head.trim().length >= 4) {
    const at = indexWithin(text, head, Math.max(newStart, end - slack), end + slack);
    if (at >= 0) {
      newEnd = at;
      moved = true;
    }
  }
  return moved && newEnd > newStart ? { start: newStart, end: newEnd } : null;
}

/** The first offset in [from, lastStart] where `needle` starts in `text`, or -1: what `indexOf` finds, without looking further. */
function indexWithin(text: string, needle: string, from: number, lastStart: number): number {
  const start = Math.max(0, from);
  if (lastStart < start) return -1;
  const at = text.slice(start, lastStart + needle.length).indexOf(needle);
  return at < 0 ? -1 : start + at;
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
