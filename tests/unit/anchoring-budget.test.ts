import search from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange } from '../../lib/anchoring';
import { firstBudget, maxErrorsFor, searchFewestErrors, searchWork } from '../../lib/anchoring/fuzzy';
import { editWords, makeLongText, seededRandom } from './anchoring.fixtures';

const PAGE = makeLongText(1500, 11);

/** A pattern taken from the page, then edited by a few random character operations. */
const editedPattern = fc
  .record({
    start: fc.integer({ min: 0, max: PAGE.length - 400 }),
    length: fc.integer({ min: 4, max: 300 }),
    edits: fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('delete', 'insert', 'replace'), ch: fc.constantFrom('x', 'e', ' ', 'ñ', 'Q') }), { maxLength: 40 }),
  })
  .map(({ start, length, edits }) => {
    let p = PAGE.slice(start, start + length);
    for (const e of edits) {
      const at = p.length ? e.at % p.length : 0;
      if (e.op === 'delete') p = p.slice(0, at) + p.slice(at + 1);
      else if (e.op === 'insert') p = p.slice(0, at) + e.ch + p.slice(at);
      else p = p.slice(0, at) + e.ch + p.slice(at + 1);
    }
    return { pattern: p, from: Math.max(0, start - 300) };
  })
  .filter(({ pattern }) => pattern.length > 0);

describe('the error budget of the approximate search', () => {
  it('a small budget first, then the full one, finds exactly what the full budget finds', () => {
    fc.assert(
      fc.property(editedPattern, fc.integer({ min: 0, max: 200 }), ({ pattern, from }, extra) => {
        const window = PAGE.slice(from, from + pattern.length + 600);
        const budget = Math.min(pattern.length, maxErrorsFor(pattern.length) + (extra % 3));
        expect(searchFewestErrors(window, pattern, budget)).toEqual(search(window, pattern, budget));
      }),
      { numRuns: 300 },
    );
  });

  it('starts below the full budget for any quote longer than a few words', () => {
    for (const length of [40, 110, 210, 2000]) expect(firstBudget(length)).toBeLessThan(maxErrorsFor(length));
  });
});

describe('re-attaching grows with the page, not with page × notes', () => {
  /** Approximate-search work per note on pages of `words` words, 5% of words edited, 1,000 notes in all. */
  function workPerNote(words: number): number {
    const pages = Math.max(1, Math.round(20_000 / words / 4));
    const before = searchWork.cells;
    let notes = 0;
    for (let p = 0; p < pages; p++) {
      const text = makeLongText(words, 3 + p);
      const random = seededRandom(9 + p);
      const targets = Array.from({ length: Math.round((words / 20_000) * 1000) }, () => {
        const length = 10 + Math.floor(random() * 200);
        const start = Math.floor(random() * (text.length - length));
        return { selectors: describeRange(text, start, start + length) };
      });
      const results = anchorAll(editWords(text, 0.05, 5 + p).text, targets);
      // Nothing is dropped: one result per note, and nearly all of them found.
      expect(results).toHaveLength(targets.length);
      expect(results.filter(Boolean).length).toBeGreaterThan(targets.length * 0.97);
      notes += targets.length;
    }
    return (searchWork.cells - before) / notes;
  }

  // Work, not time: counted by the search itself, the same on any machine. A search of the whole page per
  // note would make this 4; the few notes that need every stage (a third of the work here, from a handful
  // of notes) keep it from being exactly 1.
  it('costs about the same search work per note on a page 4× as long', () => {
    const small = workPerNote(1_250);
    const large = workPerNote(5_000);
    expect(large / small).toBeLessThan(1.5);
    expect(large / small).toBeGreaterThan(0.67);
  });
});
