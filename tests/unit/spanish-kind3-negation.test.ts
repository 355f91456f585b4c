import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Spanish statements without numbers (issue 8, failure kind 3): how Spanish denies, and what a denial
 * reaches. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const PREFIX = 'El CECOT y el acuerdo de deportación. ';
/** The parts of `text`, read after a sentence that puts the page on topic (whose own parts are left out). */
const parts = (text: string) =>
  analyzeText({ text: `${PREFIX}${text}` }, dataset, topic, { matchOffTopic: true, locale: 'es' })
    .claims.flatMap((c) => c.parts ?? [])
    .filter((p) => p.start >= PREFIX.length);
const relationOf = (text: string, claimId: string) => parts(text).find((p) => p.claimId === claimId)?.relation ?? 'none';

describe('"ningún", the short form of "ninguno" before a noun, denies', () => {
  it.each([
    ['before the person', 'A ningún deportado le dieron la oportunidad de impugnar su expulsión.'],
    ['denying the clause it is the subject of', 'Ningún deportado tuvo derecho a apelar la deportación.'],
  ])('%s', (_name, text) => {
    expect(relationOf(text, 'c003-no-due-process')).toBe('agrees');
  });
});

describe('a negative quantifier of the subject denies its verb, not a participle inside the subject', () => {
  it.each([
    ['"ninguno de los deportados enviados al CECOT"', 'Ninguno de los deportados enviados al CECOT pudo ver a un juez.'],
    ['"ningún venezolano deportado al CECOT"', 'Ningún venezolano deportado al CECOT ha sido condenado.'],
    ['"none of the deportees sent to CECOT"', 'None of the deportees sent to CECOT saw a judge.'],
  ])('%s: the sending is reported, not denied', (_name, text) => {
    expect(relationOf(text, 'c000-deportees-held-in-cecot')).toBe('agrees');
  });

  it.each([
    ['"ninguno de los deportados fue enviado"', 'Ninguno de los deportados fue enviado al CECOT.'],
    ['"none of the deportees were sent"', 'None of the deportees were sent to CECOT.'],
  ])('%s: with its own verb the sending is denied', (_name, text) => {
    expect(relationOf(text, 'c000-deportees-held-in-cecot')).toBe('conflicts');
  });
});

describe('a denial does not reach into a phrase of time after it', () => {
  it.each([
    ['"antes de enviarlos"', 'Los deportaron sin audiencia antes de enviarlos al CECOT.'],
    ['"antes de ser enviado"', 'Ningún deportado pudo ver a un juez antes de ser enviado al CECOT.'],
    ['"before being sent"', 'They were deported without a hearing before being sent to CECOT.'],
  ])('%s', (_name, text) => {
    expect(relationOf(text, 'c000-deportees-held-in-cecot')).toBe('agrees');
  });

  it('the hearing denied before the phrase of time is still denied', () => {
    expect(relationOf('Los deportaron sin audiencia antes de enviarlos al CECOT.', 'c003-no-due-process')).toBe('agrees');
  });

  it('a denial right before the action still denies it', () => {
    expect(relationOf('Los deportados nunca fueron enviados al CECOT.', 'c000-deportees-held-in-cecot')).toBe('conflicts');
  });
});

describe('held without proceedings or charges, in the words Spanish pages use', () => {
  it.each([
    ['"sin ningún proceso judicial"', 'Según su familia, sigue en el CECOT sin ningún proceso judicial.', 'c003-no-due-process'],
    ['"sin que hayan enfrentado proceso penal alguno"', 'Los mantienen en la megacárcel sin que hayan enfrentado proceso penal alguno.', 'c003-many-not-convicted'],
    ['"no tienen cargos formales"', 'Sus abogados aseguran que los presos del CECOT no tienen cargos formales.', 'c003-many-not-convicted'],
  ])('%s', (_name, text, claimId) => {
    expect(relationOf(text, claimId)).toBe('agrees');
  });

  it('charges that are brought are not a denial of them', () => {
    expect(relationOf('La fiscalía presentó cargos formales contra dos pandilleros del CECOT.', 'c003-many-not-convicted')).not.toBe('agrees');
  });
});

describe('a denial is shown with its negator', () => {
  it.each([
    ['"sin que hayan enfrentado"', 'Los mantienen en la megacárcel sin que hayan enfrentado proceso penal alguno.', 'c003-many-not-convicted', 'sin que hayan enfrentado proceso penal'],
    ['"sin" right before', 'Muchos siguen presos en el CECOT sin juicio.', 'c003-many-not-convicted', 'sin juicio'],
    ['"never"', 'The deportees were never given a hearing before a judge.', 'c003-no-due-process', 'never given a hearing'],
  ])('%s', (_name, text, claimId, shown) => {
    expect(parts(text).find((p) => p.claimId === claimId)?.text).toMatch(new RegExp(`^${shown}`));
  });

  it('the lack told after criticism of the deal is a part of its own, wider than what the criticism leaves of it', () => {
    const ps = parts('Varias ONG criticaron la decisión de expulsarlos y de mantenerlos en la cárcel sin que hayan enfrentado proceso penal alguno.');
    const lack = ps.find((p) => p.claimId === 'c003-many-not-convicted');
    expect(lack?.relation).toBe('agrees');
    expect(lack?.text).toMatch(/^sin que/);
  });
});

describe('"no ha cometido delito": a neighbour of "not convicted", with the negator shown', () => {
  it.each([
    ['"ninguna de estas personas"', '«Ninguna de estas personas ha cometido delito en este país», dijo su abogado.', 'Ninguna de estas personas ha cometido delito'],
    ['"nunca"', 'Según su madre, nunca ha cometido un delito.', 'nunca ha cometido un delito'],
  ])('%s', (_name, text, shown) => {
    const p = parts(text).find((x) => x.claimId === 'c003-many-not-convicted');
    expect(p?.relation).toBe('related');
    expect(p?.text).toBe(shown);
  });
});
