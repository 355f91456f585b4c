import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognizeTopic } from '../../lib/topic';
import { windowEnd } from '../../lib/topic/recognize';
import { bundledTopic } from '../../lib/topic/bundled';
import { parseTopic, type TopicInput } from '../../lib/topic/schema';

/**
 * The comparison rule (`comparisons` in the topic file): a page that names the topic only as
 * another country's model is a near-miss; a page about the topic that compares in passing is not.
 */

/** A small topic of its own, so that each condition of the rule is seen to matter. */
const small: TopicInput = {
  id: 'hub',
  version: '1',
  title: 'The Hub prison',
  description: 'A prison called the Hub, in Northland.',
  languages: ['en'],
  threshold: 3,
  gate: { phrases: ['hub'] },
  terms: [
    { id: 'hub', label: 'the Hub', verb: 'names', phrases: ['the hub'], weight: 3 },
    { id: 'northland', label: 'Northland', phrases: ['northland'], weight: 0.3 },
    { id: 'transfer', label: 'transfers', phrases: ['transfer*'], weight: 0 },
    { id: 'treaty', label: 'the treaty', phrases: ['treaty'], weight: 0 },
  ],
  combos: [{ id: 'transfer-northland', label: 'transfers to Northland', all: ['transfer', 'northland'], weight: 1, within: 100 }],
  comparisons: [
    {
      id: 'model',
      label: 'the Hub as another country model',
      models: ['hub'],
      cues: ['like', 'modeled on'],
      within: 40,
      subjects: ['southland', 'westland'],
      outnumbers: ['northland'],
      lead: 20,
      facts: [
        { id: 'transfers', combos: ['transfer-northland'] },
        { id: 'treaty', terms: ['treaty'] },
        { id: 'cells', phrases: ['glass cells'] },
      ],
      maxFacts: 1,
    },
  ],
};
const smallTopic = parseTopic(small);
const verdict = (text: string, title = '') => recognizeTopic({ url: 'https://news.example/a', title, text }, smallTopic);

describe('comparison rule (mechanism)', () => {
  const nearMiss = 'Southland wants a prison like the Hub for its own gangs. Southland has no money for it yet.';

  it('takes a page naming the model with a cue, another country as subject and few facts as a near-miss, saying why', () => {
    const v = verdict(nearMiss);
    expect(v.onTopic).toBe(false);
    expect(v.score).toBeLessThan(0.5);
    expect(v.reasons[0]).toBe('speaks of the Hub as another country model, which points away from the topic');
    expect(v.reasonParts[0]).toEqual({ kind: 'negative', label: 'the Hub as another country model' });
    // Without the rule the same page is on topic: the rule is what decides.
    expect(recognizeTopic({ text: nearMiss }, parseTopic({ ...small, comparisons: [] })).onTopic).toBe(true);
  });

  it('needs the cue close to the mention', () => {
    const far = `Southland wants a prison like no other. ${'Budgets are short this year. '.repeat(3)}The Hub was mentioned. ${'Budgets are short this year. '.repeat(3)}Southland.`;
    expect(verdict(far).onTopic).toBe(true);
    expect(verdict('Southland wants one modeled on the Hub. Southland is poor.').onTopic).toBe(false);
  });

  it('a cue and a model in the title count together', () => {
    expect(verdict('Southland budget is short this year, ministers said.', 'Southland plans a jail like the Hub').onTopic).toBe(false);
  });

  it('needs another country named at least as often as the topic’s own place', () => {
    expect(verdict('Northland built a prison. A prison like the Hub. Nobody in Northland complained.').onTopic).toBe(true);
    expect(verdict('Southland wants a prison like the Hub. Northland built it. Southland and Westland will copy it.').onTopic).toBe(false);
    expect(verdict('Northland built it; Northland runs it. Southland wants a prison like the Hub.').onTopic).toBe(true);
  });

  it('with minMentions, a country named once is in passing', () => {
    const twice = parseTopic({ ...small, comparisons: [{ ...small.comparisons![0]!, minMentions: 2 }] });
    const once = 'Southland wants a prison like the Hub.';
    expect(verdict(once).onTopic).toBe(false);
    expect(recognizeTopic({ text: once }, twice).onTopic).toBe(true);
    expect(recognizeTopic({ text: once, title: 'Southland plans' }, twice).onTopic).toBe(false);
  });

  it('a country named up front (title or lead) is the subject however often the own place is named', () => {
    const page = 'Northland built it; Northland runs it. Southland wants a prison like the Hub.';
    expect(verdict(page, 'Southland plans').onTopic).toBe(false);
    expect(verdict(`Southland: ${page}`).onTopic).toBe(false);
    expect(verdict(`Meanwhile, ${page}`).onTopic).toBe(true);
  });

  it('a page with more of the topic’s own facts than maxFacts stays on topic, whichever kind of fact', () => {
    const one = `${nearMiss} Men were transferred to Northland last year.`;
    expect(verdict(one).onTopic).toBe(false);
    // Two facts: a combo and a term, a term and a phrase, a combo and a phrase.
    const southern = 'Southland and Southland again.';
    expect(verdict(`${one} The treaty was signed. ${southern}`).onTopic).toBe(true);
    expect(verdict(`${nearMiss} The treaty was signed. The Hub has glass cells.`).onTopic).toBe(true);
    expect(verdict(`${one} The Hub has glass cells. ${southern}`).onTopic).toBe(true);
  });

  it('facts first seen in one sentence count once, with countFactsBy "sentence"', () => {
    const bySentence = parseTopic({ ...small, comparisons: [{ ...small.comparisons![0]!, countFactsBy: 'sentence' }] });
    const background = `${nearMiss} Men were transferred to Northland under the treaty.`;
    expect(recognizeTopic({ text: background }, bySentence).onTopic).toBe(false);
    expect(verdict(background).onTopic).toBe(true);
    // A combo is placed where it first holds (its last term), not where its first term was.
    const completedLater = 'Southland wants a prison like the Hub. Northland is close. Southland has no money. Men were transferred there under the treaty.';
    expect(recognizeTopic({ text: completedLater }, bySentence).onTopic).toBe(false);
    const apart = `${nearMiss} Men were transferred to Northland. The treaty was signed.`;
    expect(recognizeTopic({ text: apart }, bySentence).onTopic).toBe(true);
  });

  it('leaves a page without the model alone', () => {
    const page = { text: 'Southland wants a prison like Northland. Men were transferred to Northland. The treaty holds.' };
    const v = recognizeTopic(page, smallTopic);
    expect(v.reasons.some((r) => r.includes('another country model'))).toBe(false);
  });

  it('rejects a rule naming an unknown term or combo, saying where', () => {
    const bad = (c: Partial<NonNullable<TopicInput['comparisons']>[number]>) => () =>
      parseTopic({ ...small, comparisons: [{ ...small.comparisons![0]!, ...c }] });
    expect(bad({ models: ['nope'] })).toThrow(/comparisons\.0\.models\.0: unknown term "nope"/);
    expect(bad({ outnumbers: ['nope'] })).toThrow(/comparisons\.0\.outnumbers\.0: unknown term "nope"/);
    expect(bad({ facts: [{ id: 'x', combos: ['nope'] }] })).toThrow(/comparisons\.0\.facts\.0\.combos\.0: unknown combo "nope"/);
    expect(bad({ facts: [{ id: 'x' }] })).toThrow(/comparisons\.0\.facts\.0: a fact needs terms, combos or phrases/);
  });
});

describe('comparison rule (seeds/topic.json)', () => {
  const topic = bundledTopic();
  const on = (title: string, text: string) => recognizeTopic({ url: 'https://news.example/story', title, text }, topic);

  it('the bundled topic file has the rule, and it validates', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '../../seeds/topic.json'), 'utf8')) as TopicInput;
    expect(parseTopic(json).comparisons.map((c) => c.id)).toContain('another-countrys-model');
  });

  it.each([
    [
      'Honduras wants a prison like CECOT',
      'Tegucigalpa looks north for a jail',
      'Honduran lawmakers want a prison like CECOT for the leaders of their gangs. The Honduran government has not said where it would stand, and Honduras has little money for it.',
    ],
    [
      'Costa Rica inspired by CECOT',
      'Costa Rica lays the first stone of a high-security jail',
      'Costa Rica began building a high-security jail inspired by the CECOT, the president of Costa Rica said at the ceremony. Costa Rican officials expect it to open in two years.',
    ],
    [
      'Ecuador y el modelo Bukele',
      'Noboa presenta su nueva cárcel',
      'El gobierno de Ecuador presentó una cárcel al estilo del CECOT de Bukele. Los ecuatorianos votarán sobre el plan, y Noboa dijo que Ecuador no puede esperar.',
    ],
    [
      'Perú quiere replicar el CECOT',
      'Congresistas piden una megacárcel',
      'Varios congresistas de Perú quieren replicar el CECOT en la sierra. En Perú las cárceles están llenas y los peruanos piden mano dura.',
    ],
  ])('takes another country’s model as a near-miss: %s', (_name, title, text) => {
    const v = on(title, text);
    expect(v.onTopic, v.reasons.join('; ')).toBe(false);
    expect(v.reasons[0]).toBe("speaks of CECOT or Bukele as another country's model, which points away from the topic");
  });

  it.each([
    [
      'the deal, with Honduras comparing in passing',
      'What the deportees found at CECOT',
      'The United States paid El Salvador about $6 million to hold deportees at CECOT. Venezuelan men deported under the Alien Enemies Act were flown to El Salvador in March. Politicians in Honduras now want a prison like CECOT of their own.',
    ],
    [
      'el acuerdo, con Guatemala que compara de paso',
      'Los deportados al CECOT',
      'Estados Unidos deportó a más de 200 venezolanos a El Salvador bajo la Ley de Enemigos Extranjeros, y el gobierno de Bukele los encerró en el CECOT a cambio de un pago. En Guatemala, algunos diputados piden una cárcel como el CECOT.',
    ],
    [
      'CECOT itself, with no other country',
      'Inside CECOT',
      'CECOT is a model of confinement, its warden told reporters: cells like cages, and no visits.',
    ],
  ])('keeps the topic: %s', (_name, title, text) => {
    const v = on(title, text);
    expect(v.onTopic, v.reasons.join('; ')).toBe(true);
    expect(v.reasons.some((r) => r.includes("another country's model"))).toBe(false);
  });
});

describe('windowEnd', () => {
  it('is the first position at which a window of the size holds a position of every list (brute force)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(300), { maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.nat(120), (raw, size) => {
        const lists = raw.map((l) => [...l].sort((a, b) => a - b));
        const ends = lists.flat().filter((e) => lists.every((l) => l.some((p) => p <= e && e - p <= size)));
        expect(windowEnd(lists, size)).toBe(ends.length ? Math.min(...ends) : -1);
      }),
    );
  });
});
