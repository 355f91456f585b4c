import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { buildMatcher } from '../../lib/match/build-matcher';
import { bundledTopic } from '../../lib/topic/bundled';

const matcher = buildMatcher(bundledDataset());
const topic = bundledTopic();

const COUNTS = ['c000-population-10000-20000', 'c000-capacity-40000', 'c000-deportees-261'];

/** Every relation the text's claims get to one of the dataset's counts, as "claimId relation". */
function countRelations(text: string): string[] {
  const a = analyzeText({ text }, matcher, topic);
  return a.claims.flatMap((c) => c.matches.filter((m) => COUNTS.includes(m.claimId)).map((m) => `${m.claimId} ${m.relation}`));
}

function relationFor(text: string, claimId: string): string | null {
  const a = analyzeText({ text }, matcher, topic);
  for (const c of a.claims) for (const m of c.matches) if (m.claimId === claimId) return m.relation;
  return null;
}

describe('the population a count counts', () => {
  it.each([
    "CECOT is in Tecoluca. El Salvador's prison population of 112,000 is one of the largest per head anywhere.",
    "CECOT is in Tecoluca. The country's inmate population has climbed past 105,000 since 2022.",
    'CECOT is in Tecoluca. Nationwide, roughly 108,000 inmates are held in Salvadoran prisons.',
    'CECOT is in Tecoluca. More than 83,000 people arrested under the state of exception are held in El Salvador, many without trial.',
    'El CECOT está en Tecoluca. La población carcelaria del país supera ya las 105.000 personas.',
    'El CECOT está en Tecoluca. En las cárceles salvadoreñas hay más de 100.000 reos.',
    'El CECOT está en Tecoluca. Más de 84.000 personas han sido capturadas bajo el régimen de excepción.',
  ])('is not CECOT’s population, capacity or the deportees when it is the country’s: %s', (text) => {
    expect(countRelations(text)).toEqual([]);
  });

  it('does not read a count set by the state of exception as the deportees', () => {
    expect(relationFor('In its first week the state of exception sent 2,000 prisoners to CECOT.', 'c000-deportees-261')).toBeNull();
  });

  it('keeps the prison’s own count when the clause names the country only beside it', () => {
    expect(relationFor('CECOT, the biggest prison in the country, was built to hold 40,000 inmates.', 'c000-capacity-40000')).toBe('agrees');
    expect(relationFor('El CECOT, la cárcel más grande del país, tiene capacidad para 40.000 presos.', 'c000-capacity-40000')).toBe('agrees');
    // Where the prisoners come from is not where they are held.
    expect(relationFor('Bukele abrió el viernes la nueva megacárcel, diseñada para encerrar a 40.000 pandilleros de El Salvador.', 'c000-capacity-40000')).toBe('agrees');
    expect(relationFor('Of the roughly 80,000 arrested in the crackdown, about 15,000 are held at CECOT today.', 'c000-population-10000-20000')).toBe('repeats-error');
    expect(relationFor('The Trump administration deported 261 people to CECOT in March, under the state of exception there.', 'c000-deportees-261')).toBe('agrees');
  });

  it('does not let a population word said of another country take the prison’s capacity', () => {
    expect(relationFor('Opened two years ago, CECOT has a huge capacity for 40,000 prisoners, close to half the total number of inmates in the UK.', 'c000-capacity-40000')).toBe('agrees');
    expect(relationFor('Opened two years ago, CECOT has a huge capacity for 40,000 prisoners, close to half the total number of inmates in the UK.', 'c000-population-10000-20000')).toBeNull();
  });

  it('reads "the country’s" before the prison’s own name as the prison’s, not the country’s population', () => {
    expect(relationFor('CECOT is in Tecoluca. Bukele meant the country’s Center for the Confinement of Terrorism, which opened in 2023 and has capacity for 40,000 prisoners.', 'c000-capacity-40000')).toBe('agrees');
    expect(relationFor('CECOT is in Tecoluca. The prison population has passed 105,000 across El Salvador.', 'c000-population-10000-20000')).toBeNull();
  });

  it('does not relate a country-wide "población carcelaria" without a figure to CECOT’s population', () => {
    expect(relationFor('Los deportados fueron llevados al CECOT. Bajo Bukele, el país tiene la mayor población carcelaria del continente.', 'c000-population-10000-20000')).toBeNull();
    expect(relationFor('Nadie sabe cuál es la población carcelaria del CECOT hoy.', 'c000-population-10000-20000')).toBe('related');
  });
});

describe('time out of the cell told with a word of leaving and a word for the cell', () => {
  it.each([
    'At CECOT, guards let each man out of his cell for 30 minutes a day.',
    'At CECOT, prisoners spend half an hour a day outside the cell.',
    'En el CECOT, los custodios los sacan de la celda media hora al día.',
    'En el CECOT, a los presos los sacan media hora al día de sus celdas.',
    'En el CECOT, los reos salen de sus celdas treinta minutos al día.',
  ])('reads it as the rest of the day confined: %s', (text) => {
    const a = analyzeText({ text }, matcher, topic);
    const part = a.claims.flatMap((c) => c.parts).find((p) => p.claimId === 'c003-confinement-24h');
    expect(part?.relation).toBe('agrees');
    expect(part?.detail).toMatchObject({ type: 'quantity', timeOut: { value: 30, unit: 'minutes' } });
  });

  it.each([
    'In CECOT, prisoners are let out of their cells, which hold as many as 80 men, for only half an hour a day.',
    'In CECOT, men are confined to their cells for all but 30 minutes a day.',
    'En el CECOT, los reos pasan encerrados todo el día, salvo 30 minutos de ejercicio.',
  ])('reads the time out where the cell is named farther off, or the day confined but for it: %s', (text) => {
    const a = analyzeText({ text }, matcher, topic);
    const part = a.claims.flatMap((c) => c.parts).find((p) => p.claimId === 'c003-confinement-24h');
    expect(part?.relation).toBe('agrees');
    expect(part?.detail).toMatchObject({ type: 'quantity', timeOut: { value: 30, unit: 'minutes' } });
  });

  it.each([
    'A judge let him out of prison for 30 minutes to see his mother before he was returned to CECOT.',
    'Some were released from CECOT after 30 minutes of questioning.',
  ])('reads no time out where no cell is named: %s', (text) => {
    expect(relationFor(text, 'c003-confinement-24h')).toBeNull();
  });
});
