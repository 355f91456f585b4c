import type { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';

/** The selectors of one annotation, shaped like `Annotation['selectors']`. */
export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | undefined;
}

/**
 * How an anchor was found:
 * - `position`: the stored offsets still hold exactly the quoted text;
 * - `quote`: the quoted text occurs verbatim elsewhere (the page shifted);
 * - `fuzzy`: only an approximate match was found (the text was edited, or
 *   differs in whitespace, accents, case or typographic punctuation).
 */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where an annotation attaches in the current text: `[start, end)` in UTF-16 code units. */
export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** Confidence in [0, 1]: weighted quote, context and position similarity. */
  score: number;
}

export interface AnchorOptions {
  /**
   * Matches scoring below this are rejected and the annotation is an orphan.
   * Default `DEFAULT_MIN_SCORE`.
   */
  minScore?: number;
  /** Set to false to allow only verbatim matches (position or quote). Default true. */
  fuzzy?: boolean;
}
