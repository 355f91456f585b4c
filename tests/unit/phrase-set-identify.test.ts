import { describe, expect, it } from 'vitest';
import { PhraseSet } from '../../lib/text/phrase-set';

/**
 * `PhraseSet` remembers which phrase each matched text is by a hash of its characters (so that a
 * text seen before is not copied out of the page again): two texts of one hash are still told apart.
 */
describe('which phrase a match is', () => {
  it('tells apart two matched texts whose characters hash alike ("c0" and "an")', () => {
    // 31 × "c" + "0" = 31 × "a" + "n": the same hash, different texts.
    const set = new PhraseSet(['an', 'c0', 'deport*']);
    const an = set.indexOf('an');
    const c0 = set.indexOf('c0');
    const short = 'an c0 an deported c0';
    expect(set.findAll(short).map((h) => h.phrase)).toEqual([an, c0, an, set.indexOf('deport*'), c0]);
    // A long page (scanned whole and kept for its stretches) and the stretches read off it.
    const page = `${'c0 an, '.repeat(400)}end`;
    const hits = set.findAll(page);
    expect(hits).toHaveLength(800);
    expect(hits.every((h) => h.phrase === (page.slice(h.start, h.end) === 'an' ? an : c0))).toBe(true);
    expect(set.findAll(page, 7, 14).map((h) => h.phrase)).toEqual([c0, an]);
    expect(set.matchAt(page, 3)?.phrase).toBe(an);
    expect(set.findFirst(page, 1)?.phrase).toBe(an);
  });
});
