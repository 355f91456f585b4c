import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describeRange } from '../../lib/anchoring';
import { foldText } from '../../lib/anchoring/fold';
import { ARTICLE_EN, ARTICLE_ES, makeLongText } from './anchoring.fixtures';

const LONG_TEXT = makeLongText(3000, 5);
const TEXTS = [ARTICLE_EN, ARTICLE_ES, `${ARTICLE_EN}\n\n${ARTICLE_ES}`, LONG_TEXT];

/** A range of `text`, `minLength` to `maxLength` long. */
function rangeIn(text: string, maxLength: number, minLength = 1) {
  return fc
    .integer({ min: 0, max: text.length - minLength })
    .chain((start) =>
      fc
        .integer({ min: minLength, max: Math.min(maxLength, text.length - start) })
        .map((length) => ({ text, start, end: start + length })),
    );
}

/** One of the test texts and a range in it. */
function textAndRange(maxLength: number, minLength = 1) {
  return fc.constantFrom(...TEXTS).chain((text) => rangeIn(text, maxLength, minLength));
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/** Shrinks a range so it neither starts nor ends on whitespace (null if nothing is left). */
function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s += 1;
  while (e > s && isSpace(text[e - 1])) e -= 1;
  return e > s ? { start: s, end: e } : null;
}

describe('anchoring properties', () => {
  it('re-attaches any described range of an unchanged text at the same offsets', () => {
    fc.assert(
      fc.property(textAndRange(400), ({ text, start, end }) => {
        const selectors = describeRange(text, start, end);
        expect(anchor(text, selectors)).toEqual({ start, end, method: 'position', score: 1 });
      }),
      { numRuns: 300 },
    );
  });

  it('follows the quote when text is inserted away from it (outside its context)', () => {
    fc.assert(
      fc.property(
        textAndRange(300),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.boolean(),
        fc.nat(),
        ({ text, start, end }, insertion, before, seed) => {
          // Insert before the prefix or after the suffix, so the stored context survives.
          const lo = before ? 0 : Math.min(text.length, end + 32);
          const hi = before ? Math.max(0, start - 32) : text.length;
          const at = lo + (seed % (hi - lo + 1));
          const edited = text.slice(0, at) + insertion + text.slice(at);
          const shift = before ? insertion.length : 0;
          const result = anchor(edited, describeRange(text, start, end));
          expect(result).not.toBeNull();
          expect(result!.method).not.toBe('fuzzy');
          expect([result!.start, result!.end]).toEqual([start + shift, end + shift]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a quote with one character substituted inside it, at its exact new offsets', () => {
    fc.assert(
      fc.property(
        textAndRange(200, 24),
        fc.constantFrom('#', '@', '%'),
        fc.nat(),
        ({ text, start: rawStart, end: rawEnd }, replacement, seed) => {
          const range = trimRange(text, rawStart, rawEnd);
          fc.pre(range !== null && range.end - range.start >= 24);
          const { start, end } = range!;
          const selectors = describeRange(text, start, end);
          // Substitute away from the edges and shift the page so the stored position fails.
          const at = start + 4 + (seed % (end - start - 8));
          fc.pre(text[at] !== replacement);
          const header = 'Updated: ';
          const edited = header + text.slice(0, at) + replacement + text.slice(at + 1);
          const result = anchor(edited, selectors);
          expect(result).toMatchObject({ start: start + header.length, end: end + header.length, method: 'fuzzy' });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('anchorAll agrees with anchor on an unchanged text', () => {
    fc.assert(
      fc.property(fc.array(rangeIn(LONG_TEXT, 150), { minLength: 1, maxLength: 20 }), (ranges) => {
        const text = LONG_TEXT;
        const targets = ranges.map((r) => ({ selectors: describeRange(text, r.start, r.end) }));
        expect(anchorAll(text, targets)).toEqual(targets.map((t) => anchor(text, t.selectors)));
      }),
      { numRuns: 50 },
    );
  });

  it('folds any text into a map that is monotone and ends at the original length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const folded = foldText(text);
        expect(folded.toOriginal.length).toBe(folded.text.length + 1);
        expect(folded.toOriginal[folded.text.length]).toBe(text.length);
        const decreasing = [...folded.toOriginal].findIndex((v, i, all) => i > 0 && v < all[i - 1]!);
        expect(decreasing).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });
});
