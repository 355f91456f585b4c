import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance } from '../../lib/anchoring/edit-distance';
import { TextIndex } from '../../lib/anchoring/text-index';

/** The full dynamic programme, every cell: what the banded `editDistance` must equal. */
function fullDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] as number;
}

describe('editDistance (banded, widened until the distance fits)', () => {
  it('equals the full edit distance', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: 120 });
    fc.assert(fc.property(text, text, (a, b) => editDistance(a, b) === fullDistance(a, b)), { numRuns: 3000 });
    // Near pairs, as re-scored spans are: one string and a few edits of it.
    const edited = fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', ' '), minLength: 20, maxLength: 300 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'x', 'yy', 'zzzzzzzzzzzz')), { maxLength: 12 }));
    fc.assert(
      fc.property(edited, ([a, edits]) => {
        let b = a;
        for (const [at, insert] of edits) {
          const i = at % (b.length + 1);
          b = b.slice(0, i) + insert + b.slice(i + (insert === '' ? 1 : 0));
        }
        return editDistance(a, b) === fullDistance(a, b);
      }),
      { numRuns: 1000 },
    );
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('TextIndex.occurrences (one pass for all expected quotes, keyed by their first characters)', () => {
  const byIndexOf = (text: string, quote: string): number[] => {
    const out: number[] = [];
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) out.push(at);
    return out;
  };
  it('finds every verbatim occurrence, in order, as indexOf does', () => {
    // A small alphabet, so that keys collide and quotes overlap and repeat.
    const unit = fc.constantFrom('a', 'b', ' ', 'the ', 'pr', 'é', '\u2019');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 0, maxLength: 400 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 30 }), fc.array(fc.string({ unit, maxLength: 30 }), { maxLength: 5 }), (text, spans, extra) => {
        const quotes = [...spans.map(([at, length]) => text.slice(at % (text.length + 1), (at % (text.length + 1)) + length)), ...extra];
        const index = new TextIndex(text);
        index.expectQuotes(quotes);
        for (const quote of quotes) expect(index.occurrences(quote), JSON.stringify(quote)).toEqual(quote === '' ? [] : byIndexOf(text, quote));
      }),
      { numRuns: 1500 },
    );
  });
});
