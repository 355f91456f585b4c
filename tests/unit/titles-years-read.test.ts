import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Titles and years as real pages write them (issue 8, kind 4): a title with its complement
 * before the name, a title that belongs to the next name, a post held before the one at the
 * time, a law's century after a dash, a law named by a translation, "a wartime law of 1798"
 * with no name. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const parts = (text: string, locale: 'en' | 'es' = 'en') =>
  analyzeText({ text: `CECOT and the deportation deal. ${text}` }, dataset, topic, { matchOffTopic: true, locale }).claims.flatMap((c) => c.parts ?? []);
const part = (text: string, claimId: string, locale: 'en' | 'es' = 'en') => parts(text, locale).find((p) => p.claimId === claimId);

describe('a title with its complement before the name', () => {
  it.each([
    ['a wrong title, whose country it is', 'The Secretary of Defense of the American superpower, Marco Rubio, spoke about CECOT.', 'c003-rubio-role', 'conflicts'],
    ['a wrong title, in Spanish', 'El secretario de Defensa de la primera potencia, Marco Rubio, habló del CECOT.', 'c003-rubio-role', 'conflicts'],
    ['the right title, whose cabinet it is', 'La secretaria de Seguridad Nacional del gobierno republicano, Kristi Noem, recorrió el CECOT.', 'c003-noem-role', 'agrees'],
  ])('%s', (_name, text, claimId, relation) => {
    expect(part(text, claimId)?.relation).toBe(relation);
  });

  it('the right title, whose secretary he is, is compared as a title', () => {
    const p = part('After talks with the Secretary of State of Donald Trump, Marco Rubio, Bukele spoke of CECOT.', 'c003-rubio-role');
    expect(p?.relation).toBe('agrees');
    expect(p?.kind).toBe('title');
  });

  it('names the title the page gives, not its complement', () => {
    const p = part('The Secretary of Defense of the American superpower, Marco Rubio, spoke about CECOT.', 'c003-rubio-role');
    expect(p?.page).toBe('Secretary of Defense');
    expect(p?.text).toBe('Secretary of Defense of the American superpower, Marco Rubio');
  });

  it('a title with a complement standing too far or across a sentence mark is no one’s', () => {
    expect(part('The Secretary of Defense of the administration that took office in January this year and its allies, Marco Rubio, spoke about CECOT.', 'c003-rubio-role')?.relation).not.toBe('conflicts');
  });
});

describe('a title set off after a name, right before another name', () => {
  it('is the next person’s title, not a wrong one of the first', () => {
    const ps = parts('Tras reunirse con Marco Rubio, el presidente de El Salvador, Nayib Bukele, ofreció el CECOT.', 'es');
    expect(ps.find((p) => p.claimId === 'c003-rubio-role')?.relation).not.toBe('conflicts');
    expect(ps.find((p) => p.claimId === 'c000-bukele-president')?.relation).toBe('agrees');
  });

  it('still is the first person’s when no name follows it', () => {
    expect(part('Tras la reunión, Marco Rubio, el secretario de Defensa, habló del CECOT.', 'c003-rubio-role', 'es')?.relation).toBe('conflicts');
  });
});

describe('a post held before the one at the time', () => {
  it.each([
    ['Senator Marco Rubio announced the agreement with Bukele on CECOT.', 'en'],
    ['El senador estadounidense Marco Rubio cerró el acuerdo sobre el CECOT con Bukele.', 'es'],
  ] as const)('conflicts: %s', (text, locale) => {
    const p = part(text, 'c003-rubio-role', locale);
    expect(p?.relation).toBe('conflicts');
    expect(p?.page?.toLowerCase()).toContain('sena');
  });

  it('a former post says nothing against the one at the time', () => {
    expect(part('Former Senator Marco Rubio announced the agreement with Bukele on CECOT.', 'c003-rubio-role')?.relation).not.toBe('conflicts');
  });
});

describe('a law’s century after a dash', () => {
  it.each([
    ['Trump invoked the Alien Enemies Act — an 18th-century wartime power — to send them to CECOT.', 'agrees'],
    ['Trump invoked the Alien Enemies Act – a 19th century statute – to send them to CECOT.', 'conflicts'],
  ])('%s', (text, relation) => {
    const p = part(text, 'c003-alien-enemies-act');
    expect(p?.relation).toBe(relation);
    expect(p?.kind).toBe('year');
  });
});

describe('a law named by a translation of its Spanish name', () => {
  it('the "Foreign Enemies Act" is the Alien Enemies Act: its year and the basis agree', () => {
    const year = part('The men were held under the Foreign Enemies Act from 1798 at CECOT.', 'c003-alien-enemies-act');
    expect(year?.relation).toBe('agrees');
    expect(year?.kind).toBe('year');
    expect(part('The men were deported to CECOT under the Foreign Enemies Act.', 'c003-alien-enemies-act')?.relation).toBe('agrees');
    expect(part('The Foreign Enemies Act of 1789 was used to deport them to CECOT.', 'c003-alien-enemies-act')?.relation).toBe('conflicts');
  });
});

describe('a law’s reference with its very year, the law not named', () => {
  it.each([
    ['El gobierno recurrió a una vieja ley de guerra de 1798 para enviarlos al CECOT.', 'es'],
    ['The White House turned to a wartime law of 1798 to fly them to CECOT.', 'en'],
  ] as const)('agrees: %s', (text, locale) => {
    const p = part(text, 'c003-alien-enemies-act', locale);
    expect(p?.relation).toBe('agrees');
    expect(p?.kind).toBe('year');
  });

  it('another year on words that only stand for the law is no conflict: it may be another law', () => {
    expect(part('El gobierno recurrió a una vieja ley de guerra de 1789 para enviarlos al CECOT.', 'c003-alien-enemies-act', 'es')?.relation).not.toBe('conflicts');
    // A century alone on such words says nothing either.
    expect(part('The White House turned to an 18th-century law to fly them to CECOT.', 'c003-alien-enemies-act')?.kind).not.toBe('year');
  });
});
