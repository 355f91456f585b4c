import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { passiveForms } from '../../lib/match/cue-variants';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Statements without numbers (issue 8, failure kind 3), as real pages write them: the full name
 * in brackets after the short one or glossed, a specific object over the prison itself, a
 * passive in any tense, an event told by its action alone, and the government's guarantee of
 * equal treatment. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const LEAD = 'CECOT and the deportation deal. ';
/** The parts found in `text`, after a lead sentence that puts the page on topic. */
const parts = (text: string) =>
  analyzeText({ text: `${LEAD}${text}` }, dataset, topic, { matchOffTopic: true }).claims.flatMap((c) => c.parts ?? []).filter((p) => p.start >= LEAD.length);
const part = (text: string, claimId: string) => parts(text).find((p) => p.claimId === claimId);
const NAME = 'c003-name-terrorism-confinement-center';

describe('the full name after the short one, or in a gloss', () => {
  it.each([
    ['Reporters went to El Salvador’s CECOT (Terrorism Confinement Center) last week.', 'CECOT (Terrorism Confinement Center'],
    ['Los llevaron al CECOT (Centro de Confinamiento del Terrorismo), en Tecoluca.', 'CECOT (Centro de Confinamiento del Terrorismo'],
    ['The Terrorism Confinement Center (Spanish: Centro de Confinamiento del Terrorismo, usually called CECOT) opened in 2023.', 'Terrorism Confinement Center'],
  ])('%s', (text, span) => {
    expect(part(text, NAME)).toMatchObject({ kind: 'name', relation: 'agrees', text: span });
  });

  it('a wrong full name in brackets conflicts; a place in brackets names nothing', () => {
    expect(part('They were flown to CECOT (Detention Center Against Terrorism) at night.', NAME)?.relation).toBe('conflicts');
    expect(part('They were flown to CECOT (El Salvador) at night.', NAME)).toBeUndefined();
    expect(part('The Terrorism Confinement Center (in Tecoluca, near CECOT offices) is large.', NAME)).toBeUndefined();
  });

  it('beside an event the name is a part of its own only where the event does not take it in', () => {
    const ps = parts('They were beaten and denied due process inside the Terrorism Confinement Center (CECOT), the feared prison.');
    expect(ps.find((p) => p.claimId === 'c003-no-due-process')?.relation).toBe('agrees');
    expect(ps.find((p) => p.claimId === NAME)).toMatchObject({ relation: 'agrees', text: 'Terrorism Confinement Center (CECOT' });
    expect(parts('Kristi Noem toured the Terrorism Confinement Center (CECOT) on Wednesday.').some((p) => p.claimId === NAME)).toBe(false);
  });

  it('beside a compared number the name is where the people counted are, not a part', () => {
    const ps = parts('Relatives of more than 200 Venezuelan men held in the Terrorism Confinement Center (CECOT) marched on Sunday.');
    expect(ps.some((p) => p.claimId === 'c000-deportees-261')).toBe(true);
    expect(ps.some((p) => p.claimId === NAME)).toBe(false);
  });
});

describe('a specific object over the prison itself', () => {
  it.each([
    ['Human rights groups have criticized the prison’s inhumane conditions.'],
    ['Conditions at the maximum-security prison are slammed by rights groups as inhumane.'],
    ['Organizaciones de derechos humanos han criticado las condiciones inhumanas de la cárcel.'],
  ])('%s', (text) => {
    const ps = parts(text);
    expect(ps[0]?.claimId).toBe('c000-his-inhumane-punishment');
    expect(ps[0]?.relation).toBe('agrees');
  });

  it('the prison alone as the object is still the condemnation of the prison', () => {
    expect(part('Rights groups have condemned the prison for years.', 'c000-rights-groups-condemn')?.relation).toBe('agrees');
  });
});

describe('a passive in any tense', () => {
  it('writes the auxiliary in every tense and the Spanish participle in either gender and number', () => {
    expect(passiveForms('were sent to', 'en')).toEqual(expect.arrayContaining(['have been sent to', 'had been sent to', 'being sent to', 'was sent to']));
    expect(passiveForms('fueron enviados', 'es')).toEqual(expect.arrayContaining(['han sido enviados', 'fue enviada', 'ha sido enviado', 'seran enviadas']));
    expect(passiveForms('esta recluido en', 'es')).toEqual(expect.arrayContaining(['siguen recluidos en', 'han estado recluidas en']));
    expect(passiveForms('deported', 'en')).toEqual([]);
  });

  it.each([['Since March, dozens of men have been sent to CECOT.'], ['Desde marzo, decenas de mujeres han sido enviadas a Cecot.']])('%s', (text) => {
    expect(part(text, 'c000-deportees-held-in-cecot')?.relation).toBe('agrees');
  });
});

describe('an event told by its action alone', () => {
  it.each([
    ['Others are still waiting for trial dates.', 'c003-many-not-convicted'],
    ['Muchos siguen a la espera de juicio.', 'c003-many-not-convicted'],
    ['Pasaron meses allí sin haber sido acusados ni juzgados.', 'c003-no-due-process'],
  ])('%s', (text, claimId) => {
    expect(part(text, claimId)?.relation).toBe('agrees');
  });

  it('a neighbouring fact’s words alone, or a common phrase, compare nothing', () => {
    expect(parts('He said the trip was a breath of fresh air.')).toEqual([]);
  });
});

describe('the government’s guarantee of equal treatment', () => {
  it.each([
    ['In the past, the government has said it respects the human rights of those in its custody regardless of nationality.'],
    ['El gobierno de Nayib Bukele ha dicho que respeta los derechos de quienes están bajo custodia sin distinción de nacionalidad.'],
  ])('%s', (text) => {
    const ps = parts(text);
    expect(ps.find((p) => p.claimId === 'c000-government-guarantees-equal-treatment')?.relation).toBe('agrees');
  });
});

describe('what a claim is about, told without who says it', () => {
  it.each([
    ['Several of the men said they were beaten by guards during their months at CECOT.'],
    ['Varios de los hombres contaron que fueron golpeados por custodios durante sus meses en el CECOT.'],
  ])('abuse of detainees without the rights groups is related to their condemnation: %s', (text) => {
    expect(part(text, 'c000-rights-groups-condemn')?.relation).toBe('related');
  });

  it.each([['Since 2023 the prison has drawn international media attention.'], ['Desde 2023 la cárcel atrae la atención mediática internacional.']])('%s', (text) => {
    expect(part(text, 'c000-international-attention')?.relation).toBe('agrees');
  });
});

describe('a purpose told as a noun', () => {
  it.each([['El Salvador agreed to use the funds only for the holding of the men.'], ['El dinero se destinará a la custodia de los hombres.']])('%s', (text) => {
    expect(part(text, 'c000-payment-purpose')?.relation).toBe('agrees');
  });
});
