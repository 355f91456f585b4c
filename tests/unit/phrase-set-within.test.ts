import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseSet, type PhraseHit } from '../../lib/text/phrase-set';

/**
 * `findAll(text, from, to)` on a long text reads the stretch off one scan of
 * the whole text (and scans the stretch itself when a match straddles `from`):
 * it must find what scanning the stretch from `from` finds.
 */
const PHRASES = ['flown back', 'sent back to', 'back', 'to el salvador', 'el salvador', 'released', 'return*', 'prisoner swap', 'swap'];
const set = new PhraseSet(PHRASES);

/** The stretch scanned from `from` with the combined expression, each match named by the phrase it is alone. */
function reference(text: string, from: number, to: number): PhraseHit[] {
  const re = new RegExp(set.source, 'g');
  re.lastIndex = from;
  const out: PhraseHit[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    const alone = set.findAll(m[0])[0];
    if (alone) out.push({ phrase: alone.phrase, start: m.index, end });
  }
  return out;
}

describe('PhraseSet.findAll on a stretch of a long text', () => {
  it('finds what a scan of the stretch finds, also where a match straddles its start', () => {
    const word = fc.constantFrom('flown', 'back', 'sent', 'to', 'el', 'salvador', 'released', 'returned', 'returning', 'prisoner', 'swap', 'the', 'men', 'were', '.', '\n');
    fc.assert(
      fc.property(fc.array(word, { minLength: 600, maxLength: 900 }), fc.array(fc.tuple(fc.nat(), fc.nat(400)), { minLength: 1, maxLength: 20 }), (words, cuts) => {
        const text = words.join(' ');
        expect(text.length).toBeGreaterThanOrEqual(2000);
        for (const [a, len] of cuts) {
          const from = a % text.length;
          const to = Math.min(text.length, from + len);
          expect(set.findAll(text, from, to)).toEqual(reference(text, from, to));
        }
      }),
      { numRuns: 100 },
    );
  });
});
