import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/text/fold';
import { PhraseSet } from '../../lib/text/phrase-set';
import { differences, reference, referenceOverlapping, referenceSource, seedPhraseSets, type Reference } from './phrase-set-reference';

/** Every position of every written page against 9 expressions takes a few seconds alone, more on a busy machine. */
const SLOW = 60_000;

/**
 * `PhraseSet` walks its trie instead of running the regular expression the trie reads as: it must
 * find what that expression finds (same match, same start and end) at every position of every text,
 * including where the expression's branch order, not the longest match, decides.
 */
const seedSets = seedPhraseSets();
const refs = new Map(seedSets.map(([name, set]) => [name, reference(set)]));

/** The written pages (demo pages and labelled eval pages), markup stripped, folded. */
const writtenPages: string[] = ['demo/pages', 'tests/fixtures/eval'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(html|txt)$/.test(f))
    .map((f) => foldText(readFileSync(join(dir, f), 'utf8').replace(/<[^>]*>/g, ' '))),
);

/** Stretches of a text to search (sentences, as the analysis asks): every 97th position, of varied lengths. */
function cutsOf(text: string): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  for (let from = 0; from < text.length; from += 97) cuts.push([from, Math.min(text.length, from + 40 + (from % 300))]);
  return cuts;
}

/** Texts made of the set's own words, pieces of them and the separators its wildcards read. */
function textsFor(set: PhraseSet): fc.Arbitrary<string> {
  const words = [...new Set(set.phrases.flatMap((p) => p.split(/[\s*'-]+/)).filter(Boolean))];
  const word = fc.oneof(
    fc.constantFrom(...words),
    fc.tuple(fc.constantFrom(...words), fc.constantFrom('s', 'es', 'ed', 'ing', 'ion', "'s", '_', '9')).map(([w, end]) => w + end),
    fc.tuple(fc.constantFrom(...words), fc.nat()).map(([w, n]) => w.slice(0, n % (w.length + 1))),
    fc.string({ maxLength: 3 }),
  );
  const gap = fc.constantFrom(' ', ' ', '  ', '-', ' - ', "'", "' ", '\n', '\t', '\u00a0', ', ', '. ', '', '"');
  return fc.array(fc.tuple(word, gap), { maxLength: 40 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
}

function expectSame(ref: Reference, text: string, cuts: Array<[number, number]> = cutsOf(text)): void {
  expect(differences(ref, text, cuts)).toEqual([]);
}

describe('PhraseSet walk against the expression', () => {
  it('keeps the expression source the gate ships (built the same way as before)', () => {
    for (const [name, set] of seedSets) expect(set.source, name).toBe(new RegExp(referenceSource(set.phrases)).source);
  });

  it('finds what the expression finds in every written page, for every phrase set of the seeds', () => {
    for (const [name, set] of seedSets) {
      const ref = refs.get(name) as Reference;
      for (const text of writtenPages) expect(differences(ref, text, cutsOf(text)), name).toEqual([]);
    }
  }, SLOW);

  it('finds what the expression finds in texts made of each set’s own words', () => {
    for (const [name, set] of seedSets) {
      const ref = refs.get(name) as Reference;
      fc.assert(
        fc.property(textsFor(set), (text) => expectSame(ref, text, [[0, text.length], [1, text.length - 1], [text.length >> 1, text.length]])),
        { numRuns: name === 'fact phrases' ? 150 : 60 },
      );
    }
  }, SLOW);

  it('tells the same overlapping phrases apart as the expression does, for every phrase', () => {
    for (const [name, set] of seedSets) {
      const ref = refs.get(name) as Reference;
      for (let i = 0; i < set.size; i++) {
        expect(set.overlapping(i), `${name}: ${set.phrases[i]}`).toEqual(referenceOverlapping(ref, i, false));
        expect(set.overlapping(i, true), `${name}: ${set.phrases[i]}`).toEqual(referenceOverlapping(ref, i, true));
      }
    }
  }, SLOW);

  it('follows the branch order on small alphabets, where the order rather than the longest match decides', () => {
    // Few letters and every wildcard: phrases share prefixes and wildcards compete with literal branches.
    const phrase = fc.stringMatching(/^[ab][ab '*-]{0,5}[ab*]$/).filter((p) => !/ {2}|\*[^ ]/.test(p));
    const text = fc.stringMatching(/^[ab '\n-]{0,24}$/);
    fc.assert(
      fc.property(fc.uniqueArray(phrase, { minLength: 1, maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 6 }), (phrases, texts) => {
        const ref = reference(new PhraseSet(phrases));
        expect(ref.set.source).toBe(new RegExp(ref.source).source);
        for (const t of texts) expectSame(ref, t, [[0, t.length], [1, t.length], [0, t.length >> 1], [t.length >> 1, t.length]]);
        for (let i = 0; i < ref.set.size; i++) expect(ref.set.overlapping(i, true)).toEqual(referenceOverlapping(ref, i, true));
      }),
      { numRuns: 1500 },
    );
  }, SLOW);

  it('finds the empty matches of phrases made only of optional pieces as the expression does', () => {
    // No seed phrase is like this, but `findFirst` reports an empty match where the expression has one first.
    for (const phrases of [['*', 'ab'], ['-', 'x-y'], ["'", 'a b'], ['-*', 'b']]) {
      const ref = reference(new PhraseSet(phrases));
      for (const text of ['', 'ab', 'x y ab', "a b 'x-y' b", ' -b- ']) expectSame(ref, text, [[0, text.length], [1, text.length], [2, 3]]);
    }
  });

  it('reads phrases that begin or end with punctuation, and any whitespace as \\s does', () => {
    const set = new PhraseSet(['$5 million', 'u.s.', '(cecot)', 'x-ray*', "o'neil", 'a - b', '-up', "'til"]);
    const ref = reference(set);
    const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u0085';
    for (const s of spaces) {
      const text = `the u.s.${s}paid $5${s}million for x${s}rays, a${s}-${s}b, o'${s}neil${s}up ${s}-up ('til)${s}(cecot).`;
      expectSame(ref, text, [[0, text.length]]);
    }
  });
});
