import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Noise (issue 8, kind 5): a sentence that only names the people a claim involves
 * ("Donald Trump", "Nayib Bukele", people many claims name) does not say what the claim
 * says. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const parts = (text: string, locale: 'en' | 'es' = 'en') =>
  analyzeText({ text: `CECOT and the deportation deal. ${text}` }, dataset, topic, { matchOffTopic: true, locale }).claims.flatMap((c) => c.parts ?? []);
const part = (text: string, claimId: string, locale: 'en' | 'es' = 'en') => parts(text, locale).find((p) => p.claimId === claimId);

describe('the names of the people a claim involves, and nothing else of it', () => {
  it.each([
    ['Donald Trump received Nayib Bukele at the White House in April.', 'en'],
    ['Donald Trump recibió a Nayib Bukele en la Casa Blanca en abril.', 'es'],
  ] as const)('say nothing of the quote about them: %s', (text, locale) => {
    expect(part(text, 'c000-flores-macias-quote', locale)).toBeUndefined();
  });

  it('a name only that claim has still relates the sentence to it', () => {
    expect(part('Gustavo Flores-Macias spoke at a seminar in Mexico City.', 'c000-flores-macias-quote')?.relation).toBe('related');
  });

  it('with the claim’s own words beside the names, the page says it', () => {
    expect(part('Trump and Bukele gain PR benefits from the deal, so the men will struggle to prove their innocence.', 'c000-flores-macias-quote')?.relation).toBe('agrees');
  });
});

describe('a region is not the tour through it', () => {
  it.each([
    ['Bukele was the first leader from Latin America the president received that spring.', 'en'],
    ['Bukele fue el primer mandatario de América Latina recibido esa primavera en Washington.', 'es'],
  ] as const)('naming Latin America relates nothing to the length of Noem’s tour: %s', (text, locale) => {
    expect(part(text, 'c003-noem-three-day-tour', locale)).toBeUndefined();
  });

  it('the tour itself is still found', () => {
    expect(part('Noem set off on a three-day tour of Latin America, starting in Colombia.', 'c003-noem-three-day-tour')?.relation).toBe('agrees');
  });
});
