import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';
import { foldText } from '../../lib/text/fold';

const dataset = bundledDataset();
const topic = bundledTopic();

// Units and figures in both languages: a cue made only of these is in every sentence that measures anything.
const UNIT_WORDS = new Set(['day', 'days', 'dia', 'dias', 'hour', 'hours', 'hora', 'horas', 'week', 'weeks', 'semana', 'semanas', 'month', 'months', 'mes', 'meses', 'year', 'years', 'ano', 'anos', 'people', 'personas', 'dollars', 'dolares']);
const FIGURE_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'un', 'una', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez']);

/** True when a cue says nothing but a figure and a unit ("días", "tres días", "three days"). */
function onlyAMeasure(cue: string): boolean {
  const words = foldText(cue).split(/[\s-]+/).filter(Boolean);
  return words.length > 0 && words.some((w) => UNIT_WORDS.has(w)) && words.every((w) => UNIT_WORDS.has(w) || FIGURE_WORDS.has(w) || /^\d+$/.test(w));
}

describe('cues of quantity subjects', () => {
  it('are never only a unit or a figure with its unit', () => {
    const bad = dataset.subjects.filter((s) => s.kind === 'quantity').flatMap((s) => [...(s.cues.en ?? []), ...(s.cues.es ?? [])].filter(onlyAMeasure).map((c) => `${s.key}: ${c}`));
    expect(bad).toEqual([]);
  });

  it('tells a measure from a cue', () => {
    expect(onlyAMeasure('días')).toBe(true);
    expect(onlyAMeasure('tres días')).toBe(true);
    expect(onlyAMeasure('gira de tres días')).toBe(false);
    expect(onlyAMeasure('hours a day')).toBe(false);
  });

  it('does not read a stay of some days as the length of a tour', () => {
    const matches = (text: string, language: string) => analyzeText({ text, language }, dataset, topic).claims.flatMap((c) => c.matches.map((m) => m.claimId));
    expect(matches('Los familiares de los venezolanos presos en el CECOT de El Salvador protestaron, luego de 24 días sin noticias de ellos.', 'es')).not.toContain('c003-noem-three-day-tour');
    expect(matches('Los venezolanos deportados pasaron cuatro meses y tres días encerrados en el CECOT de El Salvador.', 'es')).not.toContain('c003-noem-three-day-tour');
    // The tour itself is still compared.
    expect(matches('Kristi Noem visitó el CECOT en El Salvador durante una gira de cinco días por América Latina.', 'es')).toContain('c003-noem-three-day-tour');
  });

  it('compares a count told with a verb of arrival or transport', () => {
    const first = (text: string, language: string) => analyzeText({ text, language }, dataset, topic).claims.flatMap((c) => c.matches).find((m) => m.claimId === 'c000-deportees-261')?.relation;
    expect(first('Two chartered jets touched down in El Salvador, bringing 261 men to CECOT.', 'en')).toBe('agrees');
    expect(first('Un avión aterrizó de madrugada y la policía llevó a 261 detenidos hasta el CECOT.', 'es')).toBe('agrees');
  });
});
