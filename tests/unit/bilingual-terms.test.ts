import { describe, expect, it } from 'vitest';
import { relationOn } from './relation-on';

describe('a claim’s words said in both languages count once', () => {
  it('"guards — custodios" in a sentence given with its translation does not agree with the surveillance claim', () => {
    const en = 'For weeks the men say they were kicked by guards inside CECOT. — Durante semanas, dicen los hombres, los custodios los patearon dentro del CECOT.';
    expect(relationOn(en, 'en', 'kicked by guards', 'c003-round-the-clock-surveillance')).not.toBe('agrees');
    const es = 'Según los deportados, los guardias les pegaban dentro del CECOT. — According to the deportees, the guards hit them inside CECOT.';
    expect(relationOn(es, 'es', 'los guardias les pegaban', 'c003-round-the-clock-surveillance')).not.toBe('agrees');
  });

  it('two of the claim’s words in one language still agree', () => {
    const en = 'Inside CECOT, guards and surveillance cameras watch every prisoner.';
    expect(relationOn(en, 'en', 'surveillance cameras', 'c003-round-the-clock-surveillance')).toBe('agrees');
    const es = 'Dentro del CECOT, custodios y cámaras de vigilancia controlan a cada preso.';
    expect(relationOn(es, 'es', 'cámaras de vigilancia', 'c003-round-the-clock-surveillance')).toBe('agrees');
  });
});
