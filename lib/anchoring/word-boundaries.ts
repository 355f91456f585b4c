import { isWhitespace } from './fold';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** What the reader selected: whole words at either end, or a cut through a word. */
export interface QuoteEdges {
  startsAtWord: boolean;
  endsAtWord: boolean;
}

/**
 * A quote "starts at a word" when its first character is a letter or digit
 * not glued to the end of the prefix; likewise at the end. Readers select
 * whole words far more often than not, so this is usually true.
 */
export function quoteEdges(exact: string, prefix: string | undefined, suffix: string | undefined): QuoteEdges {
  return {
    startsAtWord: isWordChar(exact[0]) && !isWordChar(prefix?.[prefix.length - 1]),
    endsAtWord: isWordChar(exact[exact.length - 1]) && !isWordChar(suffix?.[0]),
  };
}

/** Longest word tail a match edge is extended by to complete a cut word. */
const MAX_WORD_COMPLETION = 24;

const CLAUSE_BREAK = /[.!?;:]/;

function isWordStart(text: string, i: number): boolean {
  return isWordChar(text[i]) && !isWordChar(text[i - 1]);
}

function isWordEnd(text: string, i: number): boolean {
  return isWordChar(text[i - 1]) && !isWordChar(text[i]);
}

/**
 * Edit distance cannot tell where an edited word ends: swapping "full" for
 * "overcrowded" matches best as "…was over", and swapping "Independent" for
 * "Local" may start the match inside the previous sentence ("…ios. Local").
 * When the stored quote began (ended) on a word boundary, a match edge that
 * cuts a word is moved to a boundary: outwards, completing the word, unless a
 * clause break (. ! ? ; :) separates that fragment from the rest of the match,
 * in which case the fragment is spill-over and is dropped. Leading or
 * trailing spaces and punctuation the quote did not have are dropped too.
 * Dropping is limited to `limit` characters, which callers set to the match's
 * error count: only characters already counted as errors may go.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  edges: QuoteEdges,
  limit: number,
): { start: number; end: number } {
  let s = start;
  let e = end;
  if (edges.startsAtWord && !isWordStart(text, s)) {
    let next = s;
    while (next < e && !isWordStart(text, next)) next += 1;
    const cutsWord = isWordChar(text[s]) && isWordChar(text[s - 1]);
    let wordStart = s;
    while (wordStart > 0 && isWordChar(text[wordStart - 1])) wordStart -= 1;
    let fragmentEnd = s;
    while (fragmentEnd < e && isWordChar(text[fragmentEnd])) fragmentEnd += 1;
    const spill = CLAUSE_BREAK.test(text.slice(fragmentEnd, next));
    if (cutsWord && !spill && s - wordStart <= MAX_WORD_COMPLETION) s = wordStart;
    else if (next < e && next - s <= limit) s = next;
  }
  if (edges.endsAtWord && !isWordEnd(text, e)) {
    let previous = e;
    while (previous > s && !isWordEnd(text, previous)) previous -= 1;
    const cutsWord = isWordChar(text[e - 1]) && isWordChar(text[e]);
    let wordEnd = e;
    while (wordEnd < text.length && isWordChar(text[wordEnd])) wordEnd += 1;
    let fragmentStart = e;
    while (fragmentStart > s && isWordChar(text[fragmentStart - 1])) fragmentStart -= 1;
    const spill = CLAUSE_BREAK.test(text.slice(previous, fragmentStart));
    if (cutsWord && !spill && wordEnd - e <= MAX_WORD_COMPLETION) e = wordEnd;
    else if (previous > s && e - previous <= limit) e = previous;
  }
  return { start: s, end: e };
}

function countLeadingWhitespace(s: string): number {
  let n = 0;
  while (n < s.length && isWhitespace(s.charCodeAt(n))) n += 1;
  return n;
}

function countTrailingWhitespace(s: string): number {
  let n = 0;
  while (n < s.length && isWhitespace(s.charCodeAt(s.length - 1 - n))) n += 1;
  return n;
}

/**
 * Folding collapses a whitespace run into one space, so a match found on
 * folded text starts at the beginning of a run and ends after its end. Give
 * the match as much edge whitespace as the quote had (usually none), taken
 * from the side of the run touching the quote.
 */
export function alignWhitespaceEdges(
  text: string,
  start: number,
  end: number,
  exact: string,
): { start: number; end: number } {
  let s = start;
  let e = end;
  if (isWhitespace(text.charCodeAt(s))) {
    let runEnd = s;
    while (runEnd < e && isWhitespace(text.charCodeAt(runEnd))) runEnd += 1;
    s = runEnd - Math.min(countLeadingWhitespace(exact), runEnd - s);
  }
  if (e > s && isWhitespace(text.charCodeAt(e - 1))) {
    let runStart = e;
    while (runStart > s && isWhitespace(text.charCodeAt(runStart - 1))) runStart -= 1;
    e = runStart + Math.min(countTrailingWhitespace(exact), e - runStart);
  }
  return e > s ? { start: s, end: e } : { start, end };
}
