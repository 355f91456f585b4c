import search from 'approx-string-match';
import type { FoldedText } from './fold';
import type { SeedIndex } from './seed-index';

/** An approximate match in folded coordinates. */
export interface FoldedMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Errors tolerated: half the quote, so a quote with every other word touched
 * can still be found. Capped because a search costs O(n·k/32): quotes up to
 * 2,048 characters get the full half, longer ones (several paragraphs) a
 * smaller share. The full pattern is only ever run over a window: near the
 * expected place, or around where a long quote's head or tail was found.
 */
export const MAX_ERRORS_CAP = 1024;

/** Quotes longer than this are located in the whole text by their head and tail. */
export const LONG_QUOTE = 64;

/** Length of the head and tail of a long quote searched for on their own. */
export const SEED_LENGTH = 32;

/** Errors tolerated in a head or tail: about a third, so one edited word still matches. */
export const SEED_MAX_ERRORS = 10;

/** Stops a very short, very common quote from producing thousands of candidates. */
export const MAX_CANDIDATES = 64;

export function maxErrorsFor(patternLength: number): number {
  return Math.min(Math.floor(patternLength / 2), MAX_ERRORS_CAP);
}

/**
 * Work done by the approximate search since the process started: characters
 * searched times 32-character words of pattern (the bit-parallel search's
 * cost). `npm run bench` reads it to show growth free of the machine's load.
 */
export const searchWork = { cells: 0 };

/**
 * The first error budget tried: an eighth of the quote, plus a little. Pages
 * are edited lightly between visits (a word in twenty), so most edited quotes
 * are found within it.
 */
export function firstBudget(patternLength: number): number {
  return Math.ceil(patternLength / 8) + 4;
}

/**
 * `search` reports only the matches with the fewest errors, so a search with
 * a smaller budget that finds anything finds exactly what the full budget
 * would. The bit-parallel search skips the rows of its matrix that already
 * exceed the budget (Ukkonen's cut-off), so its cost grows with the budget:
 * trying a budget fitted to the usual edit rate first, and the full one only
 * when that finds nothing, gives the same matches for a fraction of the work.
 */
export function searchFewestErrors(text: string, pattern: string, maxErrors: number): ReturnType<typeof search> {
  const first = firstBudget(pattern.length);
  if (first < maxErrors) {
    const found = search(text, pattern, first);
    if (found.length > 0) return found;
  }
  return search(text, pattern, maxErrors);
}

/** Stands in for masked text: a noncharacter, so it matches nothing in a pattern. */
const MASK = '\uffff';

function searchRange(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
  masked: readonly FoldedMatch[] = [],
): FoldedMatch[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (end - start <= 0) return [];
  searchWork.cells += (end - start) * Math.ceil(pattern.length / 32);
  let haystack = start === 0 && end === text.length ? text : text.slice(start, end);
  for (const m of masked) {
    const a = Math.max(m.start, start) - start;
    const b = Math.min(m.end, end) - start;
    if (b > a) haystack = haystack.slice(0, a) + MASK.repeat(b - a) + haystack.slice(b);
  }
  // Staged only in windows: over a whole page, a quote with nothing within the small budget (an orphan)
  // would pay for a second pass, and the windows are where nearly all the searching happens.
  const whole = end - start === text.length;
  return (whole ? search(haystack, pattern, maxErrors) : searchFewestErrors(haystack, pattern, maxErrors)).map((m) => ({
    start: m.start + start,
    end: m.end + start,
    errors: m.errors,
  }));
}

/** Characters at each edge of a match compared verbatim with the pattern's edges. */
const EDGE_WINDOW = 16;

/**
 * How many characters at the start and at the end of a match equal the
 * pattern's own first and last characters. Between matches with the same
 * error count, the one whose edges agree with the quote's edges is the one
 * that did not trade a real quote character for a neighbouring one.
 */
function edgeAgreement(text: string, match: FoldedMatch, pattern: string): number {
  let agreement = 0;
  const limit = Math.min(EDGE_WINDOW, match.end - match.start, pattern.length);
  while (agreement < limit && text.charCodeAt(match.start + agreement) === pattern.charCodeAt(agreement)) {
    agreement += 1;
  }
  let tail = 0;
  while (
    tail < limit &&
    text.charCodeAt(match.end - 1 - tail) === pattern.charCodeAt(pattern.length - 1 - tail)
  ) {
    tail += 1;
  }
  return agreement + tail;
}

/**
 * The search reports every end offset reaching the minimum error count, so
 * one location shows up as several overlapping matches. Keep one per
 * location: fewest errors, then edges agreeing with the pattern's, then
 * length closest to the pattern's.
 */
function onePerLocation(text: string, matches: FoldedMatch[], pattern: string): FoldedMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.errors - b.errors);
  const kept: Array<FoldedMatch & { agreement: number }> = [];
  for (const match of sorted) {
    const candidate = { ...match, agreement: edgeAgreement(text, match, pattern) };
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) {
      kept.push(candidate);
      continue;
    }
    const lengthGap = (m: FoldedMatch): number => Math.abs(m.end - m.start - pattern.length);
    const better =
      candidate.errors !== last.errors
        ? candidate.errors < last.errors
        : candidate.agreement !== last.agreement
          ? candidate.agreement > last.agreement
          : lengthGap(candidate) < lengthGap(last);
    if (better) kept[kept.length - 1] = candidate;
  }
  return kept.map(({ start, end, errors }) => ({ start, end, errors }));
}

function closestFirst(matches: FoldedMatch[], expected: number | undefined): FoldedMatch[] {
  if (matches.length <= MAX_CANDIDATES) return matches;
  if (expected === undefined) return matches.slice(0, MAX_CANDIDATES);
  return [...matches]
    .sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected))
    .slice(0, MAX_CANDIDATES);
}

/**
 * Approximate matches of `pattern` within `radius` characters (plus the
 * pattern's own length, as the page may have grown inside the quote) of a
 * folded offset, ignoring the `masked` spans.
 */
export function searchNear(
  folded: FoldedText,
  pattern: string,
  expected: number,
  radius: number,
  masked: readonly FoldedMatch[] = [],
): FoldedMatch[] {
  const reach = radius + pattern.length;
  const matches = searchRange(
    folded.text,
    pattern,
    expected - reach,
    expected + pattern.length + reach,
    maxErrorsFor(pattern.length),
    masked,
  );
  return closestFirst(onePerLocation(folded.text, matches, pattern), expected);
}

interface Span {
  from: number;
  to: number;
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Approximate matches of a long pattern anywhere in the text. Searching the
 * whole pattern with half its length in errors would be slow and would drown
 * in the error cap, so the head and the tail are searched on their own (one
 * of them usually survives an edit) and the full pattern is then matched only
 * in the spans they point at.
 */
function searchLongPattern(
  folded: FoldedText,
  pattern: string,
  expected: number | undefined,
): FoldedMatch[] {
  const text = folded.text;
  const reach = pattern.length + maxErrorsFor(pattern.length) + SEED_LENGTH;
  const head = pattern.slice(0, SEED_LENGTH);
  const tail = pattern.slice(-SEED_LENGTH);
  const spans: Span[] = [];
  const heads = closestFirst(searchRange(text, head, 0, text.length, SEED_MAX_ERRORS), expected);
  for (const m of heads) spans.push({ from: m.start - SEED_LENGTH, to: m.start + reach });
  const tails = closestFirst(searchRange(text, tail, 0, text.length, SEED_MAX_ERRORS), expected);
  for (const m of tails) spans.push({ from: m.end - reach, to: m.end + SEED_LENGTH });

  const matches: FoldedMatch[] = [];
  for (const span of mergeSpans(spans)) {
    matches.push(...searchRange(text, pattern, span.from, span.to, maxErrorsFor(pattern.length)));
  }
  return closestFirst(onePerLocation(folded.text, matches, pattern), expected);
}

/** Approximate matches of `pattern` anywhere in the folded text. */
export function searchEverywhere(
  folded: FoldedText,
  pattern: string,
  expected: number | undefined,
): FoldedMatch[] {
  if (pattern.length > LONG_QUOTE) return searchLongPattern(folded, pattern, expected);
  const matches = searchRange(folded.text, pattern, 0, folded.text.length, maxErrorsFor(pattern.length));
  return closestFirst(onePerLocation(folded.text, matches, pattern), expected);
}

/** Places of the text where a seeded search runs the full pattern. */
const SEEDED_PLACES = 8;

/** Room around a seeded place: the bin width plus what an edit can shift. */
const SEEDED_SLACK = 48;

/**
 * Approximate matches of `pattern` in the whole text, searched only where the
 * text shares runs of characters with it (see SeedIndex): the cost does not
 * grow with the page, so re-attaching many annotations on a long page stays
 * linear even when many of them must be looked for everywhere. A passage
 * edited so densely that no run of SEED characters survived is not found
 * this way; `searchEverywhere` would find it, at the cost of a pass over the
 * page, and is what a single `anchor` call uses.
 */
export function searchSeeded(
  folded: FoldedText,
  pattern: string,
  expected: number | undefined,
  seeds: SeedIndex,
): FoldedMatch[] {
  const maxErrors = maxErrorsFor(pattern.length);
  const spans = seeds
    .diagonals(pattern, SEEDED_PLACES)
    .map((d) => ({ from: d.start - maxErrors - SEEDED_SLACK, to: d.start + pattern.length + maxErrors + SEEDED_SLACK }));
  const matches: FoldedMatch[] = [];
  for (const span of mergeSpans(spans)) {
    matches.push(...searchRange(folded.text, pattern, span.from, span.to, maxErrors));
  }
  return closestFirst(onePerLocation(folded.text, matches, pattern), expected);
}
