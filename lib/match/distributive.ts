import type { PhraseHit, PhraseSet } from '../text/phrase-set';

/**
 * "El lugar cuenta con 32 celdas. En cada una conviven 100 reos": a distributive pronoun at the start
 * of a sentence ("en cada una", "in each", "each of them") stands for "each <thing>" of a plural the
 * previous sentence named. When "each cell", "cada celda" is a subject cue, the sentence carries that
 * cue at the pronoun, so its number is read per cell. Only grammar is here; the nouns and cues are the
 * dataset's (the cue set is asked with "cada celda", "each cell", built from the previous sentence's plurals).
 */

/** The pronoun, folded, at the sentence's start: "en cada una", "cada uno de ellos", "in each", "each of them". */
const DISTRIBUTIVE = /^[\s"“'‘(]*((?:(?:en|in|para|for)\s+)?(?:cada\s+un[oa](?:\s+de\s+ell[oa]s)?|each(?:\s+one)?(?:\s+of\s+them)?))(?=[\s,])/;
/** A plural word (folded). */
const PLURAL = /\b[a-z]{3,}s\b/g;
/** How the pronoun's "each" is written before a singular noun, in either language. */
const EACH = ['cada', 'en cada', 'each', 'in each', 'per', 'por'];
/** How far back in the previous sentence its plurals are read. */
const PREVIOUS_REACH = 200;

export function distributiveCue(cues: PhraseSet, folded: string, s: { start: number; end: number }, previous: { start: number; end: number } | null): PhraseHit | null {
  if (!previous) return null;
  const head = DISTRIBUTIVE.exec(folded.slice(s.start, Math.min(s.end, s.start + 40)));
  if (!head?.[1]) return null;
  const start = s.start + head.index + head[0].length - head[1].length;
  const end = start + head[1].length;
  const before = folded.slice(Math.max(previous.start, previous.end - PREVIOUS_REACH), previous.end);
  // The nearest plural first: "32 celdas de 100 metros cuadrados" is tried as "cuadrado", "metro", "celda".
  const plurals = [...before.matchAll(PLURAL)].map((x) => x[0]).reverse();
  for (const word of plurals) {
    for (const one of new Set([word.slice(0, -1), word.endsWith('es') ? word.slice(0, -2) : ''])) {
      if (one.length < 3) continue;
      for (const each of EACH) {
        const probe = `${each} ${one}`;
        const hit = cues.findAll(probe).find((h) => h.start === 0 && h.end === probe.length);
        if (hit) return { phrase: hit.phrase, start, end };
      }
    }
  }
  return null;
}
