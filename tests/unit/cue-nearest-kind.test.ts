import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * A subject's cue speaks for the nearest number of its kind: "are being held at the three-year-old
 * complex" is said of the people held, not of the complex's age, so a current population the curator
 * flags is shown as the repeated error it is (issue 8, kind 6). Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const parts = (text: string, locale: 'en' | 'es') =>
  analyzeText({ text: `CECOT and the war on gangs. ${text}` }, dataset, topic, { matchOffTopic: true, locale }).claims.flatMap((c) => c.parts ?? []);
const population = (text: string, locale: 'en' | 'es' = 'en') => parts(text, locale).find((p) => p.claimId === 'c000-population-10000-20000');

describe('a cue and an age beside it', () => {
  it('the held count is read past an age nearer the cue', () => {
    expect(population('Some 12,000 members of the two gangs are being held at the three-year-old complex.')?.relation).toBe('repeats-error');
  });

  it('in Spanish too', () => {
    expect(population('En el penal de apenas dos años de antigüedad están recluidos unos 15.000 miembros de ambas pandillas.', 'es')?.relation).toBe('repeats-error');
  });

  it('a nearer count of something else still takes the cue words: "8 wings with 256 cells" is no occupancy', () => {
    expect(parts('The complex has 8 wings with 256 cells.', 'en').find((p) => p.claimId === 'c003-cell-occupancy-65-70')).toBeUndefined();
  });
});
