/**
 * Text folding for fuzzy matching.
 *
 * Pages re-render the same words differently between visits: a CMS swaps
 * straight quotes for curly ones, a paragraph is re-wrapped, an accent arrives
 * precomposed one day (é) and decomposed the next (e + U+0301), a soft hyphen
 * appears for justification. None of that is an edit a reader would notice, so
 * matching happens on a folded copy where those differences vanish, with a map
 * back to offsets in the original text.
 */

/** A folded copy of a text with a map from folded offsets back to original ones. */
export interface FoldedText {
  /** The folded characters. */
  readonly text: string;
  /**
   * `toOriginal[i]` is the offset in the original text of the character that
   * produced folded character `i`. It has one extra entry, `toOriginal[text.length]`,
   * equal to the original length, so a folded end offset maps like any other.
   * Non-decreasing.
   */
  readonly toOriginal: Int32Array;
}

const SPACE = 0x20;

/** Whitespace as folding sees it (collapsed into one space per run). */
export function isWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Characters that render as nothing (or only as a line-break hint) and are dropped. */
function isIgnorable(c: number): boolean {
  return (
    c === 0xad || // soft hyphen
    (c >= 0x200b && c <= 0x200d) || // zero-width space / (non-)joiner
    c === 0x2060 || // word joiner
    c === 0xfeff || // BOM / zero-width no-break space
    (c >= 0x0300 && c <= 0x036f) // combining diacritics (a decomposed accent)
  );
}

/** Typographic variants publishers swap freely; folded to their ASCII look-alikes. */
const PUNCTUATION: ReadonlyMap<number, string> = new Map([
  [0x2018, "'"],
  [0x2019, "'"],
  [0x201a, "'"],
  [0x201b, "'"],
  [0x2032, "'"],
  [0x201c, '"'],
  [0x201d, '"'],
  [0x201e, '"'],
  [0x201f, '"'],
  [0x2033, '"'],
  [0x00ab, '"'],
  [0x00bb, '"'],
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2013, '-'],
  [0x2014, '-'],
  [0x2015, '-'],
  [0x2212, '-'],
  [0x2026, '...'],
]);

const COMBINING_MARKS = /[\u0300-\u036f]/g;

// Folding a non-ASCII character goes through `normalize`, which is slow per
// call; news text repeats a small alphabet, so results are memoised.
const nonAsciiCache = new Map<number, string>();

function foldNonAscii(c: number): string {
  let folded = nonAsciiCache.get(c);
  if (folded === undefined) {
    folded =
      PUNCTUATION.get(c) ??
      String.fromCharCode(c).normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    nonAsciiCache.set(c, folded);
  }
  return folded;
}

/**
 * Folds `text` for matching: whitespace runs become one space, invisible
 * characters and diacritics are dropped, letters are lower-cased, typographic
 * quotes and dashes become ASCII. Works per UTF-16 code unit so every folded
 * character maps back to exactly one original offset.
 */
export function foldText(text: string): FoldedText {
  // Folding rarely lengthens text (only "…" and a few exotic lower-case
  // forms do), so size for the original plus a margin and grow if needed.
  let units = new Uint16Array(text.length + 64);
  let offsets = new Int32Array(text.length + 65);
  let length = 0;
  let lastWasSpace = false;
  const grow = (): void => {
    const biggerUnits = new Uint16Array(units.length * 2);
    biggerUnits.set(units);
    units = biggerUnits;
    const biggerOffsets = new Int32Array(units.length + 1);
    biggerOffsets.set(offsets);
    offsets = biggerOffsets;
  };
  const push = (unit: number, original: number): void => {
    if (length === units.length) grow();
    units[length] = unit;
    offsets[length] = original;
    length += 1;
  };

  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && c > 0x20) {
      // Printable ASCII: the common case, kept branch-light.
      if (length === units.length) grow();
      units[length] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
      offsets[length] = i;
      length += 1;
      lastWasSpace = false;
      continue;
    }
    if (isWhitespace(c)) {
      if (!lastWasSpace) push(SPACE, i);
      lastWasSpace = true;
      continue;
    }
    if (c < 0x80 || isIgnorable(c)) continue; // ASCII control characters, invisibles
    const folded = foldNonAscii(c);
    for (let k = 0; k < folded.length; k += 1) push(folded.charCodeAt(k), i);
    if (folded.length > 0) lastWasSpace = false;
  }

  const toOriginal = offsets.subarray(0, length + 1);
  toOriginal[length] = text.length;
  return { text: unitsToString(units.subarray(0, length)), toOriginal };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let utf16Decoder: TextDecoder | undefined;

/**
 * Builds a string from UTF-16 code units. Spreading into `fromCharCode` costs
 * ~5 ms for a long article, several times a UTF-16 decode, so long inputs go
 * through TextDecoder where the platform's byte order allows it. (It turns a
 * lone surrogate, which only broken text contains, into U+FFFD: at worst one
 * error in a fuzzy match.)
 */
function unitsToString(units: Uint16Array): string {
  if (units.length > 1024 && LITTLE_ENDIAN && typeof TextDecoder !== 'undefined') {
    utf16Decoder ??= new TextDecoder('utf-16le');
    return utf16Decoder.decode(units);
  }
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < units.length; i += CHUNK) {
    out += String.fromCharCode(...units.subarray(i, Math.min(i + CHUNK, units.length)));
  }
  return out;
}

/** The folded characters of `text`, without the offset map. */
export function foldString(text: string): string {
  return foldText(text).text;
}

/** Index of the first folded character whose original offset is at or after `originalOffset`. */
export function toFoldedOffset(folded: FoldedText, originalOffset: number): number {
  const map = folded.toOriginal;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((map[mid] ?? 0) < originalOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
