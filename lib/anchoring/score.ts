import { leadingEditDistance, trailingEditDistance } from './edit-distance';
import { foldString } from './fold';

/**
 * Relative weight of each piece of evidence. The quote itself dominates; the
 * context decides between look-alike candidates; closeness to the stored
 * position only breaks ties (pages shift by arbitrary amounts between visits).
 * `context` is per side (prefix, suffix) for a quote of typical length; see
 * `contextEmphasis`.
 */
export const SCORE_WEIGHTS = { quote: 0.6, context: 0.15, position: 0.1 } as const;

/**
 * Below this an anchor is rejected. Calibrated (tests/unit/anchoring-calibration)
 * so that a verbatim quote of a sentence or more passes whatever its context,
 * a lightly edited quote with its context intact passes, and neither a short
 * phrase that merely recurs elsewhere nor the best accidental match of a
 * rewritten passage does.
 */
export const DEFAULT_MIN_SCORE = 0.7;

/**
 * Similarity that unrelated context of the same language reaches by chance
 * (about 0.4 for 32 characters of news text). Context similarity is rescaled
 * so that chance scores 0 and only agreement beyond it counts.
 */
const CONTEXT_CHANCE = 0.4;

/**
 * A few words recur all over an article ("the president said"), so a short
 * quote proves little on its own and must lean on its context; a long one is
 * evidence by itself. Context weight goes from 1.5× for quotes of 8 folded
 * characters or fewer down to 0.5× at 64 and above.
 */
function contextEmphasis(quoteLength: number): number {
  const reliability = Math.min(1, Math.max(0, (quoteLength - 8) / 56));
  return 1.5 - reliability;
}

/** Similarities in [0, 1]; `undefined` means the selector carried no such evidence. */
export interface MatchEvidence {
  /** 1 - edit errors / quote length. */
  quote: number;
  /** Prefix and suffix agreement beyond chance (see CONTEXT_CHANCE). */
  prefix: number | undefined;
  suffix: number | undefined;
  position: number | undefined;
}

/** Rescales a raw context similarity so that chance agreement is 0. */
export function aboveChance(similarity: number | undefined): number | undefined {
  if (similarity === undefined) return undefined;
  return Math.max(0, (similarity - CONTEXT_CHANCE) / (1 - CONTEXT_CHANCE));
}

/** Weighted mean of the available evidence, in [0, 1]. */
export function combinedScore(evidence: MatchEvidence, quoteLength: number): number {
  const contextWeight = SCORE_WEIGHTS.context * contextEmphasis(quoteLength);
  let total = SCORE_WEIGHTS.quote * evidence.quote;
  let weight = SCORE_WEIGHTS.quote;
  for (const value of [evidence.prefix, evidence.suffix]) {
    if (value === undefined) continue;
    total += contextWeight * value;
    weight += contextWeight;
  }
  if (evidence.position !== undefined) {
    total += SCORE_WEIGHTS.position * evidence.position;
    weight += SCORE_WEIGHTS.position;
  }
  return total / weight;
}

/** Mean context agreement (beyond chance), or undefined when there is no context. */
export function contextScore(evidence: MatchEvidence): number | undefined {
  const values = [evidence.prefix, evidence.suffix].filter((v): v is number => v !== undefined);
  if (values.length === 0) return undefined;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * A context string (prefix or suffix) prepared once per annotation. Folding
 * is deferred: on an unchanged page the raw context matches verbatim and the
 * folded form is never needed.
 */
export class PreparedContext {
  private foldedCache: string | undefined;

  constructor(readonly raw: string) {}

  get folded(): string {
    this.foldedCache ??= foldString(this.raw);
    return this.foldedCache;
  }
}

export function prepareContext(raw: string | undefined): PreparedContext | undefined {
  // Whitespace-only context carries no evidence worth scoring.
  if (!raw || raw.trim() === '') return undefined;
  return new PreparedContext(raw);
}

/** Room for insertions in the page text next to the quote. */
function slack(length: number): number {
  return Math.ceil(length / 2) + 8;
}

function similarity(distance: number, length: number): number {
  return Math.max(0, 1 - distance / length);
}

/** How well the text just before `start` matches the stored prefix. */
export function prefixSimilarity(
  text: string,
  start: number,
  prefix: PreparedContext | undefined,
): number | undefined {
  if (!prefix) return undefined;
  const rawLength = prefix.raw.length;
  if (start >= rawLength && text.startsWith(prefix.raw, start - rawLength)) return 1;
  const expected = prefix.folded;
  if (expected.length === 0) return undefined;
  const actual = foldString(text.slice(Math.max(0, start - rawLength - slack(rawLength)), start));
  return similarity(trailingEditDistance(expected, actual), expected.length);
}

/** How well the text just after `end` matches the stored suffix. */
export function suffixSimilarity(
  text: string,
  end: number,
  suffix: PreparedContext | undefined,
): number | undefined {
  if (!suffix) return undefined;
  if (text.startsWith(suffix.raw, end)) return 1;
  const rawLength = suffix.raw.length;
  const expected = suffix.folded;
  if (expected.length === 0) return undefined;
  const actual = foldString(text.slice(end, end + rawLength + slack(rawLength)));
  return similarity(leadingEditDistance(expected, actual), expected.length);
}

/** 1 at the expected offset, falling linearly to 0 a whole text-length away. */
export function positionCloseness(
  start: number,
  expectedStart: number | undefined,
  textLength: number,
): number | undefined {
  if (expectedStart === undefined) return undefined;
  return Math.max(0, 1 - Math.abs(start - expectedStart) / Math.max(textLength, 1));
}
