import { foldText, type FoldedText } from './fold';

/**
 * A page text prepared for anchoring. The folded copy costs a pass over the
 * whole text, so it is built only when a fuzzy search first needs it and then
 * shared by every annotation anchored against the same text.
 */
export class TextIndex {
  private foldedCache: FoldedText | undefined;

  constructor(readonly text: string) {}

  get folded(): FoldedText {
    this.foldedCache ??= foldText(this.text);
    return this.foldedCache;
  }
}
