import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Facts flagged (issue 8): the prison's right full name beside a compared number is where the people
 * counted are, and the number speaks ("230 venezolanos recluidos en el Centro de Confinamiento del
 * Terrorismo (CECOT)"); set off from the number by a comma, it is a claim of its own and a part.
 * Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const parts = (text: string, language: 'en' | 'es') =>
  analyzeText({ text: `El CECOT y el acuerdo. ${text}`, language }, dataset, topic, { matchOffTopic: true }).claims.flatMap((c) => c.parts).map((p) => [p.kind, p.relation, p.claimId]);
const NAME = ['name', 'agrees', 'c003-name-terrorism-confinement-center'];
const COUNT = ['count', 'related', 'c000-deportees-261'];

describe('the right full name and a compared number in one sentence', () => {
  it('set off by a comma, the name is a part beside the count', () => {
    const ps = parts('Los abogados que recurren la reclusión en el Centro de Confinamiento del Terrorismo (CECOT), en Tecoluca, de 230 venezolanos dicen que nadie les deja entrar.', 'es');
    expect(ps).toContainEqual(NAME);
    expect(ps).toContainEqual(COUNT);
  });

  it.each([
    ['Más de 230 venezolanos recluidos en el Centro de Confinamiento del Terrorismo (CECOT) siguen sin abogado.', 'es'],
    ['More than 230 Venezuelans held in the Terrorism Confinement Center (CECOT) still have no lawyer.', 'en'],
  ] as const)('in the count’s own stretch, the number speaks: %s', (text, language) => {
    const ps = parts(text, language);
    expect(ps).toContainEqual(COUNT);
    expect(ps).not.toContainEqual(NAME);
  });
});
