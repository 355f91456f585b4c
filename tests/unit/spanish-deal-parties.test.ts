import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Kind 3, Spanish: the deal told as an agreement whose two parties are named, the US side and the
 * Salvadoran side joined by "con", "entre … y" in either order (`f-deal-between-governments`): "el acuerdo de
 * la administración de Trump con el gobierno salvadoreño", "el pacto entre El Salvador y Estados Unidos".
 * A pact with no US party (the gangs) is not it. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const DEAL = 'c000-deal-deportation';
const relation = (text: string) =>
  analyzeText({ text: `Los venezolanos siguen presos en el CECOT.\n\n${text}` }, dataset, topic, { matchOffTopic: true }).claims
    .flatMap((c) => c.matches).find((m) => m.claimId === DEAL)?.relation ?? 'none';

describe('the deal named by its two parties', () => {
  it('"el acuerdo de la administración de Trump con el gobierno salvadoreño"', () => {
    expect(relation('Los migrantes fueron enviados a la prisión tras el acuerdo de la administración de Trump con el gobierno salvadoreño, en plena ofensiva migratoria.')).toBe('agrees');
  });

  it('"el pacto entre El Salvador y Estados Unidos", the Salvadoran side first', () => {
    expect(relation('El pacto entre El Salvador y Estados Unidos sigue vigente pese a las críticas.')).toBe('agrees');
  });

  it('a pact of the Salvadoran government with someone else is not the deal', () => {
    expect(relation('La prensa reveló un supuesto pacto del gobierno de Bukele con las pandillas.')).toBe('none');
  });
});
