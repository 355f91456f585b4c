import { anchorInIndex } from './anchor';
import { TextIndex } from './text-index';
import type { Anchor, AnchorOptions, AnchorSelectors } from './types';

/** Anything carrying annotation selectors, such as an `Annotation` record. */
export interface AnchorTarget {
  selectors: AnchorSelectors;
}

/**
 * A shift is learnt only from anchors this sure of themselves, so one
 * mistaken fuzzy match does not steer the annotations after it.
 */
const SHIFT_SOURCE_MIN_SCORE = 0.85;

/**
 * From this many annotations on, a quote not found near its place is looked
 * for in the whole text through the seed index instead of a pass over the
 * text: otherwise a long page with many notes, a fraction of which moved or
 * were rewritten, costs (page length) × (notes), and re-attaching stops
 * growing linearly with the page.
 */
export const SEEDED_FROM = 16;

/**
 * Anchors many annotations on one text. Returns one entry per target, in the
 * same order: its anchor, or null for an orphan.
 *
 * Edits shift every later offset by the same amount, so annotations are
 * visited in stored order and each one is first looked for where the previous
 * one's shift predicts. On an unchanged or lightly edited page nearly all of
 * them resolve by that check alone. Whole-text work (the folded copy for
 * fuzzy search, the verbatim occurrences of every quote) is done once, on
 * first need, and shared (see TextIndex).
 */
export function anchorAll(
  text: string,
  targets: readonly AnchorTarget[],
  options?: AnchorOptions,
): Array<Anchor | null> {
  const index = new TextIndex(text);
  index.seededWholeText = targets.length >= SEEDED_FROM;
  index.expectQuotes(targets.map((t) => t.selectors.quote.exact));
  const storedStart = (i: number): number =>
    targets[i]?.selectors.position?.start ?? Number.POSITIVE_INFINITY;
  const order = targets.map((_, i) => i).sort((a, b) => storedStart(a) - storedStart(b));

  const results: Array<Anchor | null> = targets.map(() => null);
  let shift = 0;
  for (const i of order) {
    const target = targets[i];
    if (!target) continue;
    const position = target.selectors.position;
    const hint = position ? Math.max(0, position.start + shift) : undefined;
    const anchored = anchorInIndex(index, target.selectors, options, hint);
    results[i] = anchored;
    if (anchored && position && (anchored.method !== 'fuzzy' || anchored.score >= SHIFT_SOURCE_MIN_SCORE)) {
      shift = anchored.start - position.start;
    }
  }
  return results;
}
