import type { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';

/** How much context either side of a quote the seed selectors carry. */
export const CONTEXT_LENGTH = 32;

/** Why a quote + position pair does not fit a text, or null when it does. */
export function checkSpan(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): string | null {
  const { start, end } = position;
  if (end > text.length) return `position ${start}-${end} lies past the end of the text (${text.length})`;
  const slice = text.slice(start, end);
  if (slice !== quote.exact) {
    return `position ${start}-${end} gives ${JSON.stringify(slice)}, not the quote ${JSON.stringify(quote.exact)}`;
  }
  if (quote.prefix !== undefined && !text.slice(0, start).endsWith(quote.prefix)) {
    return `prefix ${JSON.stringify(quote.prefix)} is not the text before position ${start}`;
  }
  if (quote.suffix !== undefined && !text.slice(end).startsWith(quote.suffix)) {
    return `suffix ${JSON.stringify(quote.suffix)} is not the text after position ${end}`;
  }
  return null;
}

/** Every start offset at which `exact` occurs in `text`, overlapping ones included. */
export function findAll(text: string, exact: string): number[] {
  const found: number[] = [];
  if (exact.length === 0) return found;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) found.push(i);
  return found;
}

/**
 * Context either side of [start, end), cut so that it never splits a UTF-16
 * surrogate pair: a lone surrogate in a prefix would never match a DOM text.
 */
export function contextAround(
  text: string,
  start: number,
  end: number,
  length = CONTEXT_LENGTH,
): { prefix: string; suffix: string } {
  let from = Math.max(0, start - length);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  let to = Math.min(text.length, end + length);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
