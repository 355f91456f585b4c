import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';
import { buildMatcher } from '../../lib/match/build-matcher';
import { distributiveCue } from '../../lib/match/distributive';
import { foldText } from '../../lib/text/fold';

/**
 * "En cada una" (per cell): a distributive pronoun at a sentence's start stands for "each <noun>" of
 * a plural the previous sentence named, so its number is read per cell. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const parts = (text: string, locale: 'en' | 'es') =>
  analyzeText({ text: `El CECOT y el acuerdo de deportación. ${text}` }, dataset, topic, { matchOffTopic: true, locale }).claims.flatMap((c) => c.parts ?? []);
const cell = (text: string, locale: 'en' | 'es') => parts(text, locale).find((p) => p.claimId === 'c003-cell-occupancy-65-70');

describe('a number per each of the previous sentence’s plurals', () => {
  it.each([
    ['El pabellón tiene 30 celdas de 90 metros cuadrados. En cada una duermen 100 reos.', 'es', 'conflicts'],
    ['El pabellón tiene 30 celdas amplias. En cada una duermen unos 68 reos.', 'es', 'agrees'],
    ['The wing has 30 cells of 90 square metres. In each, 100 inmates sleep on metal bunks.', 'en', 'conflicts'],
    ['The wing has 30 large cells. Each of them holds about 68 inmates.', 'en', 'agrees'],
  ] as const)('%s', (text, locale, relation) => {
    expect(cell(text, locale)?.relation).toBe(relation);
  });

  it('a plural that is no subject’s thing carries nothing', () => {
    expect(cell('Llegaron 30 autobuses al penal. En cada uno viajaban 100 reos.', 'es')).toBeUndefined();
  });

  it('the pronoun must open the sentence, and a previous sentence must exist', () => {
    const m = buildMatcher(dataset);
    const text = foldText('Hay 30 celdas. Dijo que en cada una duermen 100 reos.');
    const second = { start: 15, end: text.length };
    expect(distributiveCue(m.cues, text, second, { start: 0, end: 14 })).toBeNull();
    const lead = foldText('Hay 30 celdas. En cada una duermen 100 reos.');
    expect(distributiveCue(m.cues, lead, { start: 15, end: lead.length }, null)).toBeNull();
    const hit = distributiveCue(m.cues, lead, { start: 15, end: lead.length }, { start: 0, end: 14 });
    expect(hit && lead.slice(hit.start, hit.end)).toBe('en cada una');
  });
});
