import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { Claim, Subject, type Qualifier } from '../../lib/dataset/schema';
import { buildMatcher } from '../../lib/match/build-matcher';
import { compareQuantities, describeQuantity } from '../../lib/match/compare-quantities';
import { stemCue, unitCues } from '../../lib/match/cue-variants';
import { bundledTopic } from '../../lib/topic/bundled';

const q = (qualifier: Qualifier, value: number, max?: number) =>
  qualifier === 'range' ? { qualifier, min: value, max: max ?? value } : { qualifier, value };

describe('compareQuantities', () => {
  it.each([
    ['about 40,000 vs up to 40,000', q('about', 40000), q('up-to', 40000), true],
    ['more than 50,000 vs up to 40,000', q('more-than', 50000), q('up-to', 40000), false],
    ['more than 40,000 vs up to 40,000 (touching open end)', q('more-than', 40000), q('up-to', 40000), false],
    ['238 vs 261', q('exact', 238), q('exact', 261), false],
    ['261 vs 261', q('exact', 261), q('exact', 261), true],
    ['15,000 inside 10,000–20,000', q('exact', 15000), q('range', 10000, 20000), true],
    ['30,000 outside 10,000–20,000', q('about', 30000), q('range', 10000, 20000), false],
    ['60–80 overlaps 65–70', q('range', 60, 80), q('range', 65, 70), true],
    ['more than 200 vs 261', q('more-than', 200), q('exact', 261), true],
    ['at least 174 vs more than 200', q('more-than', 200), q('at-least', 174), true],
    ['120 vs at least 174', q('exact', 120), q('at-least', 174), false],
    ['23.5 vs nearly 24', q('exact', 23.5), q('nearly', 24), true],
    ['16 vs nearly 24', q('exact', 16), q('nearly', 24), false],
    ['fewer than 200 vs 261', q('less-than', 200), q('exact', 261), false],
  ])('%s', (_name, page, dataset, compatible) => {
    expect(compareQuantities(page, dataset).compatible).toBe(compatible);
  });

  it('is closer for the same value than for one inside a wide bound', () => {
    expect(compareQuantities(q('exact', 40000), q('up-to', 40000)).closeness).toBeGreaterThan(compareQuantities(q('exact', 20000), q('up-to', 40000)).closeness);
  });

  it('describes quantities for explanations', () => {
    expect(describeQuantity({ ...q('up-to', 40000), unit: 'people' })).toBe('up to 40,000 people');
    expect(describeQuantity({ ...q('exact', 6_000_000), unit: 'USD' })).toBe('$6 million');
    expect(describeQuantity({ ...q('range', 65, 70), unit: 'people/cell' })).toBe('65–70 people/cell');
  });
});

describe('cue variants', () => {
  it('stems single-word cues into prefixes, leaving short and multi-word ones', () => {
    expect(stemCue('transferred')).toBe('transfer*');
    expect(stemCue('deportados')).toBe('deport*');
    expect(stemCue('population')).toBe('population');
    expect(stemCue('sent')).toBe('sent');
    expect(stemCue('sent to')).toBe('sent to');
  });

  it('derives cues from a per-something unit', () => {
    expect(unitCues('people/cell')).toEqual(expect.arrayContaining(['per cell', 'cells', 'por celda', 'celdas']));
    expect(unitCues('people')).toEqual([]);
  });
});

// A small dataset of its own, so these tests say exactly what the matcher does with cues.
const subject = (key: string, unit: string, en: string[], es: string[]) =>
  Subject.parse({ key, label: key, labelEs: key, kind: 'quantity', unit, description: key, cues: { en, es } });
const claim = (id: string, subjectKey: string, value: number, unit: string, qualifier: Qualifier = 'exact') =>
  Claim.parse({
    id,
    statement: `${subjectKey} is ${value}`,
    statementEs: `${subjectKey} es ${value}`,
    subject: subjectKey,
    category: 'quantity',
    quantity: { value, unit, qualifier, text: String(value) },
    claimant: { type: 'article' },
    sources: [{ sourceId: 's', quote: { type: 'TextQuoteSelector', exact: 'x' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } }],
    terms: { en: [String(value)], es: [String(value)] },
    assessment: { status: 'single-source', note: 'n' },
  });

const tiny = {
  subjects: [
    subject('deportees.count', 'people', ['deported', 'deportees', 'flown to'], ['deportados', 'enviados']),
    subject('deaths.count', 'deaths', ['died', 'deaths', 'killed'], ['murieron', 'muertes']),
    subject('prison.capacity', 'people', ['capacity', 'can hold'], ['capacidad', 'puede albergar']),
    subject('prison.population', 'people', ['currently holds', 'population'], ['alberga actualmente', 'población']),
  ],
  claims: [
    claim('deportees-261', 'deportees.count', 261, 'people'),
    claim('deaths-90', 'deaths.count', 90, 'deaths'),
    claim('capacity-40000', 'prison.capacity', 40000, 'people', 'up-to'),
    claim('population-15000', 'prison.population', 15000, 'people', 'about'),
  ],
};

describe('matching numbers to claims', () => {
  const topic = bundledTopic();
  const matchesOf = (text: string) => analyzeText({ text }, tiny, topic, { matchOffTopic: true }).claims.flatMap((c) => c.matches);

  it('agrees and conflicts on the same subject', () => {
    expect(matchesOf('The US deported 261 men to CECOT.')).toMatchObject([{ claimId: 'deportees-261', relation: 'agrees' }]);
    const [m] = matchesOf('The US deported 238 men to CECOT.');
    expect(m).toMatchObject({ claimId: 'deportees-261', relation: 'conflicts' });
    expect(m?.explanation).toMatch(/238.*261/);
  });

  it('does not let the same number about another thing agree', () => {
    // 261 deaths: a count of deaths, not of deportees.
    expect(matchesOf('In the prisons, 261 people died last year.').some((m) => m.claimId === 'deportees-261')).toBe(false);
    // 40,000 as a population is compared with the population claim, not the capacity claim.
    const pop = matchesOf('CECOT currently holds 40,000 inmates.');
    expect(pop.map((m) => [m.claimId, m.relation])).toEqual([['population-15000', 'conflicts']]);
  });

  it('decides the subject of each number from the cues nearest to it', () => {
    const ms = matchesOf('It has a capacity of 40,000 inmates, and 261 men were deported there in March.');
    expect(ms.map((m) => [m.claimId, m.relation]).sort()).toEqual([
      ['capacity-40000', 'agrees'],
      ['deportees-261', 'agrees'],
    ]);
  });

  it('matches a Spanish sentence against the same claims', () => {
    expect(matchesOf('Estados Unidos ha deportado a 261 venezolanos.')).toMatchObject([{ claimId: 'deportees-261', relation: 'agrees' }]);
    expect(matchesOf('El penal tiene capacidad para más de 50.000 reos.')).toMatchObject([{ claimId: 'capacity-40000', relation: 'conflicts' }]);
  });

  it('leaves a number with no cue near it unmatched', () => {
    expect(matchesOf('The report ran to 261 pages and was published on Monday.')).toEqual([]);
  });

  it('builds the index once per dataset', () => {
    expect(buildMatcher(tiny)).toBe(buildMatcher(tiny));
    const m = buildMatcher(tiny);
    expect(m.subjects.map((s) => s.quantityClaims.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('matching statements', () => {
  const dataset = bundledDataset();
  const topic = bundledTopic();
  const best = (text: string, claimId: string) =>
    analyzeText({ text: `CECOT and the deportation deal. ${text}` }, dataset, topic, { matchOffTopic: true })
      .claims.flatMap((c) => c.matches)
      .find((m) => m.claimId === claimId)?.relation ?? 'none';

  it('agrees on a restated statement, in English or Spanish', () => {
    expect(best('Critics have likened conditions at CECOT to those of a concentration camp.', 'c003-concentration-camp-comparison')).toBe('agrees');
    expect(best('Abogados afirman que los deportados no pudieron impugnar su expulsión ante un tribunal.', 'c003-no-due-process')).toBe('agrees');
  });

  it('flags a statement the page negates', () => {
    expect(best('Prisoners are watched around the clock by guards and surveillance cameras.', 'c003-round-the-clock-surveillance')).toBe('agrees');
    expect(best('Prisoners are not watched around the clock by guards or surveillance cameras.', 'c003-round-the-clock-surveillance')).toBe('conflicts');
  });

  it('does not match on the name of the prison alone', () => {
    const r = analyzeText({ text: 'CECOT is in the news. His wife has not spoken to him since he was taken to CECOT.' }, dataset, topic, { matchOffTopic: true });
    expect(r.claims.flatMap((c) => c.matches)).toEqual([]);
  });
});
