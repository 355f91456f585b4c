import type { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';

/** Characters of context stored either side of a quote. */
export const CONTEXT_LENGTH = 32;

export interface RangeDescription {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The same range in Unicode code points (what a W3C TextPositionSelector counts). */
  codePoints: { start: number; end: number };
}

/** How many code points `text.slice(0, offset)` holds: UTF-16 units minus the second half of each surrogate pair. */
export function codePointOffset(text: string, offset: number): number {
  let pairs = 0;
  for (let i = 1; i < offset; i++) if (isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) pairs += 1;
  return offset - pairs;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Selectors for `text.slice(start, end)`: the quote with up to
 * `contextLength` characters of context either side, and its offsets.
 * Context edges are widened rather than cut through an astral character (an
 * emoji), so the stored context is always valid text.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextLength: number = CONTEXT_LENGTH,
): RangeDescription {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(
      `describeRange: need integers 0 <= start < end <= ${text.length}, got [${start}, ${end})`,
    );
  }
  let prefixStart = Math.max(0, start - contextLength);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1))) {
    prefixStart -= 1;
  }
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd)) && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) {
    suffixEnd += 1;
  }
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: text.slice(start, end) };
  const prefix = text.slice(prefixStart, start);
  const suffix = text.slice(end, suffixEnd);
  // Empty context is left out: W3C treats an absent prefix as "unknown",
  // which is what it is at the very start or end of the text.
  if (prefix) quote.prefix = prefix;
  if (suffix) quote.suffix = suffix;
  return {
    quote,
    position: { type: 'TextPositionSelector', start, end },
    codePoints: { start: codePointOffset(text, start), end: codePointOffset(text, end) },
  };
}
