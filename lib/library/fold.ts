import { foldForSearch } from '../page/fold-search';

/**
 * One term as the index stores it and as a query looks for it: lower case,
 * without diacritics, so "deportación" finds "deportacion" and the other way round,
 * and "cárcel" matches a note typed without accents. Null drops the term.
 */
export function foldTerm(term: string): string | null {
  const folded = foldForSearch(term);
  return folded === '' ? null : folded;
}

/** Splits text into words: letters and digits of any script, keeping "12,000" and "1.5" whole. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:[.,'’][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
}
