import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';
import { FEATURE_PHRASES, reportsOnly, sentenceFeatures } from '../../lib/text/claim-features';
import { foldText } from '../../lib/text/fold';

/**
 * Facts flagged (issue 8): a statement someone makes on the page is worth listing however the verb of
 * saying is conjugated ("mencionó", "defendió", "han denunciado", "le ha dicho"). Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const listed = (text: string, contains: string) =>
  analyzeText({ text: `El CECOT y el acuerdo de deportación. ${text}`, language: 'es' }, dataset, topic, { matchOffTopic: true }).claims.some((c) => c.text.includes(contains));
const features = (s: string) => sentenceFeatures(s, 0, s.length, FEATURE_PHRASES.findAll(foldText(s)), []);

describe('verbs of saying in the persons and tenses pages use', () => {
  it.each([
    ['El presidente mencionó que el trato podría ampliarse a presos de otros países, incluidos ciudadanos estadounidenses.', 'mencionó'],
    ['El mandatario defendió que los pandilleros encerrados en el CECOT fueron condenados por delitos graves.', 'defendió'],
    ['Los familiares le han dicho a este diario que los golpes eran constantes dentro del penal.', 'han dicho'],
  ])('make the statement worth listing: %s', (text, verb) => {
    expect(features(text).attribution, verb).toBe(true);
    expect(listed(text, verb)).toBe(true);
  });

  it('a participle alone is not a verb of saying: "dicho acuerdo", "el acusado"', () => {
    expect(features('Dicho acuerdo fue firmado por el acusado en marzo.').attribution).toBe(false);
  });

  it('they list a sentence; they do not hedge what it says', () => {
    const s = 'Los abogados han denunciado que los reos no tienen acceso a un juez.';
    expect(features(s).attribution).toBe(true);
    expect(reportsOnly(FEATURE_PHRASES.findAll(foldText(s)))).toBe(false);
  });
});
