import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Kind 3: what a rights group found, told with a verb of reporting ("the report alleges that…",
 * "…, Amnesty International said", "según HRW…"): the reporter is the actor, a verb of reporting the
 * action (`phraseGroups.report`), and the abuse it reports the object of the groups' condemnation
 * of abuse (`f-rights-groups-report-abuse`). A preposition naming a source ("según", "according to")
 * takes the source right after itself. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const CONDEMN = 'c000-rights-groups-condemn';
const matches = (text: string) =>
  analyzeText({ text: `CECOT and the deportation deal.\n\n${text}` }, dataset, topic, { matchOffTopic: true }).claims.flatMap((c) => c.matches);
const relation = (text: string, claimId: string) => matches(text).find((m) => m.claimId === claimId)?.relation ?? 'none';
const first = (text: string, contains: string) =>
  analyzeText({ text: `CECOT and the deportation deal.\n\n${text}` }, dataset, topic, { matchOffTopic: true }).claims.find((c) => c.text.includes(contains))?.matches[0]?.claimId;

describe('a rights group reporting abuse', () => {
  it('the report, standing for the group the sentence before named, "alleges that…"', () => {
    expect(relation('Amnesty International spoke with dozens of former prisoners. The report alleges that guards subjected the men to daily beatings.', CONDEMN)).toBe('agrees');
  });

  it('the reporter after what it reports: "…, Human Rights Watch said"', () => {
    expect(relation('The men in the prison suffered sexual violence and beatings, Human Rights Watch said.', CONDEMN)).toBe('agrees');
  });

  it('"documentaron" and "según" in Spanish', () => {
    expect(relation('Las organizaciones de derechos humanos documentaron golpizas contra los presos de la megacárcel.', CONDEMN)).toBe('agrees');
    expect(relation('Según Human Rights Watch, los reclusos de la megacárcel sufrieron palizas a diario.', CONDEMN)).toBe('agrees');
  });

  it('abuse reported by no rights group is not their condemnation', () => {
    expect(relation('The warden said the beatings shown in the video never took place.', CONDEMN)).toBe('none');
  });
});

describe('a preposition naming the source takes it right after itself', () => {
  it('"según el derecho internacional" names no reporter: the beatings amounting to inhumane treatment are the DPLF claim', () => {
    const text = 'Human Rights Watch habló con cuarenta de los hombres. El informe advierte que las golpizas que sufrieron constituyen trato inhumano según el derecho internacional.';
    expect(first(text, 'El informe advierte')).toBe('c003-dplf-inhumane-treatment');
  });
});

describe('accusing someone of something: the one accused is the object', () => {
  it('"accused the Trump administration of complicity in torture" criticises the arrangement, not only the torture', () => {
    const text = 'Human Rights Watch accused the Trump administration of complicity in torture at the prison.';
    expect(first(text, 'accused the Trump')).toBe('c000-deal-criticised');
  });

  it('"acusó a la administración Trump de complicidad en torturas"', () => {
    const text = 'Amnistía Internacional acusó a la administración Trump de complicidad en las torturas de la megacárcel.';
    expect(first(text, 'acusó a la administración')).toBe('c000-deal-criticised');
  });

  it('the prison accused of torture is no criticism of the arrangement', () => {
    expect(first('Human Rights Watch accused the prison of torture and other abuses.', 'accused the prison')).not.toBe('c000-deal-criticised');
  });
});
