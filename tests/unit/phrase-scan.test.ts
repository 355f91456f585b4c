import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/text/fold';
import { PhraseScanner, phraseScanner } from '../../lib/text/phrase-scan';
import { PhraseSet } from '../../lib/text/phrase-set';
import { seedPhraseSets } from './phrase-set-reference';

const SLOW = 60_000;

/**
 * `PhraseScanner` walks several phrase sets' tries as one: for every set, `findAll(text)[k]` must be
 * what the set's own `findAll(text)` finds (the same matches, same phrases), and the stretches asked
 * of a long text afterwards must be what a set that scanned it alone gives.
 */

/** Each set's own scan, by copies of the sets (so that nothing the scanner leaves in a set is read). */
function separately(sets: readonly PhraseSet[], text: string, stretches: Array<[number, number]> = [], copies = sets.map((s) => new PhraseSet(s.phrases))) {
  return { whole: copies.map((c) => c.findAll(text)), stretches: copies.map((c) => stretches.map(([f, t]) => c.findAll(text, f, t))) };
}

function together(sets: readonly PhraseSet[], text: string, stretches: Array<[number, number]> = [], scanner = new PhraseScanner(sets, 0)) {
  const whole = scanner.findAll(text);
  return { whole, stretches: sets.map((s) => stretches.map(([f, t]) => s.findAll(text, f, t))) };
}

/** Phrases of a small alphabet, with every piece of the syntax: spaces, hyphens, apostrophes, `*`. */
const phrase = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'ab', 'ba', 'abc', 'c', 'ca'), fc.constantFrom('', '', '*')), { minLength: 1, maxLength: 3 })
  .chain((words) =>
    fc.array(fc.constantFrom(' ', '-', "'"), { minLength: words.length - 1, maxLength: words.length - 1 }).map((seps) =>
      words.map(([w, star], k) => w + (k === words.length - 1 || seps[k] === ' ' ? star : '') + (seps[k] ?? '')).join(''),
    ),
  );
const phraseSets = fc.array(fc.array(phrase, { minLength: 0, maxLength: 8 }), { minLength: 1, maxLength: 6 });
/** Texts of the same letters and what the wildcards read: runs of spaces, quote marks, other spaces. */
const text = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'ab', 'ba', 'abc', 'c', 'cab', 'abca', 'x', '9', '_', ''), fc.constantFrom(' ', ' ', '  ', '-', "'", '"', ' "', '" ', '\n', ', ', '\u00a0', '')), {
    maxLength: 30,
  })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

describe('PhraseScanner: several phrase sets in one pass', () => {
  it('finds what each set finds on its own, for random phrase sets and texts', () => {
    fc.assert(
      fc.property(phraseSets, text, (lists, t) => {
        const sets = lists.map((l) => new PhraseSet(l));
        expect(together(sets, t).whole).toEqual(separately(sets, t).whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps each set’s own order where two sets order a wildcard differently', () => {
    // After "a" one set tries the space first, the other the hyphen (which may read a space too).
    const spaceFirst = new PhraseSet(['a b', 'a-b c']);
    const hyphenFirst = new PhraseSet(['a-b c', 'a b']);
    const found = new PhraseScanner([spaceFirst, hyphenFirst], 0).findAll('a b c');
    expect(found[0]).toEqual([{ phrase: 0, start: 0, end: 3 }]);
    expect(found[1]).toEqual([{ phrase: 0, start: 0, end: 5 }]);
    expect(found).toEqual(separately([spaceFirst, hyphenFirst], 'a b c').whole);
  });

  it('scans sets without phrases and sets past a mask’s bits on their own, with the same results', () => {
    const sets = Array.from({ length: 40 }, (_, k) => new PhraseSet(k % 7 === 3 ? [] : [`w${k % 5}`, `w${k % 3} w*`]));
    const t = 'w0 w1 w2 w3 w4, w0 wx w1-w2 w2 w22';
    expect(together(sets, t).whole).toEqual(separately(sets, t).whole);
  });

  it('leaves a long text’s matches for the stretches asked of it later, as a set’s own scan does', () => {
    fc.assert(
      fc.property(phraseSets, fc.array(text, { minLength: 60, maxLength: 120 }), fc.array(fc.tuple(fc.nat(), fc.nat(300)), { maxLength: 20 }), (lists, parts, cuts) => {
        const t = parts.join(' ');
        const stretches = cuts.map(([f, len]): [number, number] => [f % (t.length + 1), Math.min(t.length, (f % (t.length + 1)) + len)]);
        const sets = lists.map((l) => new PhraseSet(l));
        expect(together(sets, t, stretches)).toEqual(separately(sets, t, stretches));
      }),
      { numRuns: 150 },
    );
  });

  it('finds what each seed set finds on its own, in every written page and in texts of the sets’ own words', () => {
    const seedSets = seedPhraseSets().map(([, set]) => set);
    // The analyzer's five (topic phrases, claim features, cues, terms, fact phrases) and every other seed set at once.
    const pages = ['demo/pages', 'tests/fixtures/eval'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /\.(html|txt)$/.test(f))
        .map((f) => foldText(readFileSync(join(dir, f), 'utf8').replace(/<[^>]*>/g, ' '))),
    );
    const scanner = new PhraseScanner(seedSets, 0);
    const copies = seedSets.map((s) => new PhraseSet(s.phrases));
    for (const page of pages) expect(together(seedSets, page, [], scanner).whole).toEqual(separately(seedSets, page, [], copies).whole);
    const words = [...new Set(seedSets.flatMap((s) => s.phrases.flatMap((p) => p.split(/[\s*'-]+/))).filter(Boolean))];
    const seedText = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom('', 's', 'es', 'ed', "'s"), fc.constantFrom(' ', ' ', '-', "'", '"', ' "', '\n', ', ', '')), { maxLength: 40 })
      .map((parts) => parts.map(([w, e, g]) => w + e + g).join(''));
    fc.assert(
      fc.property(seedText, (t) => {
        expect(together(seedSets, t, [], scanner).whole).toEqual(separately(seedSets, t, [], copies).whole);
      }),
      { numRuns: 300 },
    );
  }, SLOW);

  it('scans a short text set by set, a long one in one pass, with the same results', () => {
    const set = new PhraseSet(['ab c', 'ab*']);
    const scanner = new PhraseScanner([set], 50);
    const walked = (t: string) => {
      let calls = 0;
      const own = set.findAll.bind(set);
      set.findAll = (...args: Parameters<PhraseSet['findAll']>) => (calls++, own(...args));
      const found = scanner.findAll(t);
      set.findAll = own;
      return { found, calls };
    };
    const short = 'ab c abd';
    const long = 'x abd '.repeat(10) + short;
    expect(walked(short)).toEqual({ found: [new PhraseSet(set.phrases).findAll(short)], calls: 1 });
    expect(walked(long)).toEqual({ found: [new PhraseSet(set.phrases).findAll(long)], calls: 0 });
  });

  it('makes one scanner per list of sets and keeps it', () => {
    const a = new PhraseSet(['x']);
    const b = new PhraseSet(['y']);
    expect(phraseScanner([a, b])).toBe(phraseScanner([a, b]));
    expect(phraseScanner([b, a])).not.toBe(phraseScanner([a, b]));
  });
});
