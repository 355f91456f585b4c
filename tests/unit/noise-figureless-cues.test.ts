import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { Subject } from '../../lib/dataset/schema';
import { buildMatcher } from '../../lib/match/build-matcher';
import { stemCue } from '../../lib/match/cue-variants';
import { foldKey } from '../../lib/text/fold';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Noise (issue 8, kind 5): a quantity subject said without its figure is related to a sentence only
 * through the words that name what it measures (`subjects[].namedBy`: "capacity", "número de reclusos"),
 * never through a cue that only tells which subject a number is ("landed", "hay", "a la vez", "gave").
 * Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const relation = (text: string, claimId: string, locale: 'en' | 'es') =>
  analyzeText({ text: `CECOT and the deportation deal. ${text}` }, dataset, topic, { matchOffTopic: true, locale })
    .claims.flatMap((c) => c.matches)
    .find((m) => m.claimId === claimId)?.relation ?? 'none';

describe('a cue that only places a number, said without one', () => {
  it.each([
    ['The first plane landed near San Salvador at dawn and buses carried the men on to CECOT.', 'c000-deportees-261', 'en'],
    ['Lawyers for the families said they entered the grounds of CECOT only once.', 'c000-deportees-261', 'en'],
    ['The judge gave the government until Friday to explain itself about CECOT.', 'c000-payment-6-million', 'en'],
    ['There is no room for doubt about the transfers to CECOT, a senator said.', 'c000-capacity-40000', 'en'],
    ['En los pabellones del CECOT no hay ventanas ni ventiladores, contó un exrecluso.', 'c000-population-10000-20000', 'es'],
    ['El avión aterrizó en Comalapa de madrugada y los hombres fueron llevados al CECOT.', 'c000-deportees-261', 'es'],
    ['A la vez, los abogados pidieron una reunión para visitar el CECOT.', 'c000-capacity-40000', 'es'],
  ] as const)('relates nothing to the figure: %s', (text, claimId, locale) => {
    expect(relation(text, claimId, locale)).toBe('none');
  });
});

describe('the words naming what the figure measures, said without one', () => {
  it.each([
    ['Officials have never said what the real capacity of CECOT is.', 'c000-capacity-40000', 'en'],
    ['Nobody outside the government knows how many people are inside CECOT.', 'c000-population-10000-20000', 'en'],
    ['Las autoridades nunca han publicado el número de reclusos que permanecen en el CECOT.', 'c000-population-10000-20000', 'es'],
    ['Nadie conoce la capacidad real del CECOT.', 'c000-capacity-40000', 'es'],
  ] as const)('still relate the sentence to it: %s', (text, claimId, locale) => {
    expect(relation(text, claimId, locale)).toBe('related');
  });

  it('a name only its claim has relates it too (Cristosal, for the documented cases)', () => {
    expect(relation('A Cristosal report on CECOT described beatings of the deported men.', 'c003-cristosal-174-cases', 'en')).toBe('related');
  });

  it('with the figure, the placing cues still place it', () => {
    expect(relation('Three planes carrying 261 men landed near San Salvador and the men were taken to CECOT.', 'c000-deportees-261', 'en')).toBe('agrees');
  });
});

describe('namedBy in the data', () => {
  it('every naming word of a bundled subject is one of its own cues', () => {
    for (const s of dataset.subjects) {
      const cues = new Set([...s.cues.en, ...s.cues.es].map((c) => stemCue(foldKey(c))));
      for (const n of [...(s.namedBy?.en ?? []), ...(s.namedBy?.es ?? [])]) expect(cues.has(stemCue(foldKey(n))), `${s.key}: ${n}`).toBe(true);
    }
  });

  it('without the list, every specific cue of a quantity subject still relates a sentence to it', () => {
    const subjects = dataset.subjects.map((s) => (s.key === 'cecot.capacity' ? Subject.parse({ ...s, namedBy: undefined }) : s));
    const m = buildMatcher({ subjects, claims: dataset.claims });
    const a = analyzeText({ text: 'CECOT and the deportation deal. There is no room for doubt about the transfers to CECOT, a senator said.' }, m, topic, { matchOffTopic: true });
    expect(a.claims.flatMap((c) => c.matches).find((x) => x.claimId === 'c000-capacity-40000')?.relation).toBe('related');
  });
});
