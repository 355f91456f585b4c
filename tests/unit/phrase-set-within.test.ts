import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('gives the same stretches whether or not the whole text was scanned before', () => {
    const words = ['flown', 'back', 'to', 'el', 'salvador', 'the', 'men', 'were', 'returned', 'in', 'a', 'prisoner', 'swap', '.'];
    const text = Array.from({ length: 3000 }, (_, i) => words[(i * 7 + (i >> 3)) % words.length]).join(' ');
    const cuts = Array.from({ length: 60 }, (_, i) => [(i * 977) % text.length, 30 + ((i * 131) % 300)] as const);
    const fresh = new PhraseSet(PHRASES);
    const scannedFirst = new PhraseSet(PHRASES);
    scannedFirst.findAll(text);
    for (const [from, len] of cuts) {
      const to = Math.min(text.length, from + len);
      const want = reference(text, from, to);
      expect(fresh.findAll(text, from, to)).toEqual(want);
      expect(scannedFirst.findAll(text, from, to)).toEqual(want);
    }
  });
});

/** The stretches of text the set's scans read, as [from, to]. */
function spyScans(): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const proto = PhraseSet.prototype as unknown as { scan: (folded: string, from: number, to: number) => PhraseHit[] };
  const scan = proto.scan;
  vi.spyOn(proto, 'scan').mockImplementation(function (this: unknown, folded: string, from: number, to: number) {
    ranges.push([from, Math.min(to, folded.length)]);
    return scan.call(this, folded, from, to);
  });
  return ranges;
}

describe('PhraseSet.findAll on a few stretches of a long text', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const page = Array.from({ length: 20000 }, (_, i) => ['the', 'men', 'were', 'flown', 'back', 'to', 'el', 'salvador', 'and', 'released', '.'][i % 11]).join(' ');

  it('scans only those stretches while they are a small part of the page', () => {
    const want = [reference(page, 1000, 1100), reference(page, 50000, 50240)];
    const ranges = spyScans();
    const s = new PhraseSet(PHRASES);
    expect([s.findAll(page, 1000, 1100), s.findAll(page, 50000, 50240)]).toEqual(want);
    expect(ranges.every(([a, b]) => b - a <= 240)).toBe(true);
  });

  it('reads the stretches off a scan of the whole page it has already made', () => {
    const s = new PhraseSet(PHRASES);
    s.findAll(page);
    const want = reference(page, 1000, 1100);
    const ranges = spyScans();
    expect(s.findAll(page, 1000, 1100)).toEqual(want);
    // At most the stretch itself (when a match of the whole-page scan straddles its start), never the page again.
    expect(ranges.every(([a, b]) => b - a <= 100)).toBe(true);
  });
});

