/**
 * Evidence for the threshold in lib/anchoring/score.ts: quotes from one
 * article must not attach to another article of the same vocabulary, while
 * lightly edited quotes must attach.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange, DEFAULT_MIN_SCORE } from '../../lib/anchoring';
import { makeLongText, seededRandom } from './anchoring.fixtures';

const PAGE = makeLongText(20_000, 1);
const OTHER_PAGE = makeLongText(20_000, 99);

function quotesFrom(text: string, count: number, seed: number, minLength: number, maxLength: number) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const length = minLength + Math.floor(random() * (maxLength - minLength));
    const start = Math.floor(random() * (text.length - length));
    return { start, end: start + length, selectors: describeRange(text, start, start + length) };
  });
}

describe('anchoring threshold', () => {
  // Each orphan ends in a whole-page search: a few ms apiece, more on a loaded CI box.
  it('attaches none of 200 quotes taken from an unrelated article', { timeout: 30_000 }, () => {
    const foreign = quotesFrom(OTHER_PAGE, 200, 11, 10, 210);
    expect(anchorAll(PAGE, foreign).filter((r) => r !== null)).toEqual([]);
    // With no threshold the same search does find look-alikes, all scoring below it.
    const scores = anchorAll(PAGE, foreign, { minScore: 0 })
      .filter((r) => r !== null)
      .map((r) => r!.score);
    expect(scores.length).toBeGreaterThan(30);
    expect(Math.max(...scores)).toBeLessThan(DEFAULT_MIN_SCORE);
  });

  it('attaches every quote that had one word replaced, at its place', () => {
    const random = seededRandom(5);
    const header = 'Corrected on Monday: ';
    const quotes = quotesFrom(PAGE, 100, 13, 40, 200);
    for (const { start, end, selectors } of quotes) {
      const exact = PAGE.slice(start, end);
      // An interior word: at a quote's edge, where the edit ends is ambiguous.
      const words = [...exact.matchAll(/\p{L}{4,}/gu)].slice(1, -1);
      const word = words[Math.floor(random() * words.length)];
      if (!word || word.index === undefined) continue;
      const at = start + word.index;
      const text = header + PAGE.slice(0, at) + 'REPLACED' + PAGE.slice(at + word[0].length);
      const [result] = anchorAll(text, [{ selectors }]);
      expect(result, exact).not.toBeNull();
      expect(result!.start).toBe(start + header.length);
      expect(result!.end).toBe(end + header.length + 'REPLACED'.length - word[0].length);
    }
  });
});
