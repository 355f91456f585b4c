import search from 'approx-string-match';
import type { FoldedText } from './fold';

/** An approximate match in folded coordinates. */
export interface FoldedMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Errors tolerated: half the quote, so a quote with every other word touched
 * can still be found, but capped because the search costs O(n·k/32) and a
 * thousand-character quote with 500 edits is a different passage anyway.
 */
export const MAX_ERRORS_CAP = 256;

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

function searchRange(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
): FoldedMatch[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (end - start <= 0) return [];
  const haystack = start === 0 && end === text.length ? text : text.slice(start, end);
  return search(haystack, pattern, maxErrors).map((m) => ({
    start: m.start + start,
    end: m.end + start,
    errors: m.errors,
  }));
}

/**
 * The search reports every end offset reaching the minimum error count, so
 * one location shows up as several overlapping matches. Keep one per
 * location: fewest errors, then length closest to the pattern's.
 */
function onePerLocation(matches: FoldedMatch[], patternLength: number): FoldedMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.errors - b.errors);
  const kept: FoldedMatch[] = [];
  for (const match of sorted) {
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) {
      kept.push(match);
      continue;
    }
    const better =
      match.errors < last.errors ||
      (match.errors === last.errors &&
        Math.abs(match.end - match.start - patternLength) <
          Math.abs(last.end - last.start - patternLength));
    if (better) kept[kept.length - 1] = match;
  }
  return kept;
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
 * folded offset.
 */
export function searchNear(
  folded: FoldedText,
  pattern: string,
  expected: number,
  radius: number,
): FoldedMatch[] {
  const reach = radius + pattern.length;
  const matches = searchRange(
    folded.text,
    pattern,
    expected - reach,
    expected + pattern.length + reach,
    maxErrorsFor(pattern.length),
  );
  return closestFirst(onePerLocation(matches, pattern.length), expected);
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
  return closestFirst(onePerLocation(matches, pattern.length), expected);
}

/** Approximate matches of `pattern` anywhere in the folded text. */
export function searchEverywhere(
  folded: FoldedText,
  pattern: string,
  expected: number | undefined,
): FoldedMatch[] {
  if (pattern.length > LONG_QUOTE) return searchLongPattern(folded, pattern, expected);
  const matches = searchRange(folded.text, pattern, 0, folded.text.length, maxErrorsFor(pattern.length));
  return closestFirst(onePerLocation(matches, pattern.length), expected);
}
