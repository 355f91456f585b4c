import { describe, expect, it } from 'vitest';
import { analyzeText, type AnalyzedClaim } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Failure kinds 1 and 2 of issue 8 as the fourth real-page set showed them: counts told in hedged
 * parts, the words that tie a number to the transfer or the deal, the words of a sum's own claim
 * (who pays, per whom). Every sentence is written for this test.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const LEAD = {
  en: "El Salvador's CECOT mega-prison, the Terrorism Confinement Center, holds deportees sent by the United States. ",
  es: 'El CECOT, el Centro de Confinamiento del Terrorismo de El Salvador, recibe deportados enviados por Estados Unidos. ',
};

function sentence(s: string, language: 'en' | 'es' = 'en'): AnalyzedClaim | undefined {
  const text = LEAD[language] + s;
  const a = analyzeText({ text, language }, dataset, topic);
  expect(a.topic.onTopic).toBe(true);
  return a.claims.find((c) => c.start >= LEAD[language].length);
}
const partFor = (s: string, claimId: string, language: 'en' | 'es' = 'en') => (sentence(s, language)?.parts ?? []).find((p) => p.claimId === claimId);
const relationTo = (s: string, claimId: string, language: 'en' | 'es' = 'en') => sentence(s, language)?.matches.find((m) => m.claimId === claimId)?.relation ?? 'none';

describe('a count told in parts, one of them a bound', () => {
  it('adds a lower bound and an exact part into a lower bound the whole can meet', () => {
    const en = partFor('Since March the United States has deported more than 200 Venezuelans and 23 Salvadorans to the prison.', 'c000-deportees-261');
    expect(en?.relation).toBe('agrees');
    expect(en?.text).toBe('more than 200 Venezuelans and 23 Salvadorans');
    expect(en?.explanation).toContain('more than 223 in all');
    const es = partFor('Desde marzo, el gobierno de Trump ha deportado al penal a más de 200 venezolanos y 23 salvadoreños.', 'c000-deportees-261', 'es');
    expect(es?.relation).toBe('agrees');
    expect(es?.text).toBe('más de 200 venezolanos y 23 salvadoreños');
  });

  it('reads a group name that begins within the count’s reach to its end, so the next joined count adds to it', () => {
    expect(relationTo('Estados Unidos deportó al penal a 238 supuestos integrantes de la organización criminal Tren de Aragua y 23 miembros de la MS-13.', 'c000-deportees-261', 'es')).toBe('agrees');
    expect(relationTo('The planes carried 238 purported members of the criminal organisation Tren de Aragua and 23 members of MS-13 to the prison.', 'c000-deportees-261')).toBe('agrees');
  });

  it('a name running past the reach joins no further group: a small count stays a narrower group, not the whole', () => {
    expect(relationTo('Washington envió el domingo al penal a 17 supuestos miembros de las bandas Tren de Aragua y Mara Salvatrucha.', 'c000-deportees-261', 'es')).toBe('related');
  });

  it('flags a sum of bounds larger than the whole', () => {
    expect(relationTo('The flights carried more than 250 Venezuelans and 23 Salvadorans to the prison.', 'c000-deportees-261')).toBe('conflicts');
  });

  it('leaves parts whose hedges have no one sum as parts', () => {
    // "about 200" and "more than 20": no single figure for both; each is a narrower group of the 261.
    expect(relationTo('The United States deported about 200 Venezuelans and more than 20 Salvadorans to the prison.', 'c000-deportees-261')).toBe('related');
  });
});

describe('the words that tie a number to its subject', () => {
  it('reads a transfer ("traspaso") or an extradition as the sending of the deportees', () => {
    expect(relationTo('Esa madrugada se completó el traspaso de más de 250 reos a la megacárcel.', 'c000-deportees-261', 'es')).toBe('agrees');
    expect(relationTo('Officials said 23 members of the MS-13 gang were among those extradited.', 'c000-deportees-261')).toBe('related');
  });

  it('reads people "targeted for" deportation as another event than the transfer: related, not a conflict', () => {
    expect(relationTo('Records show that 250 people were targeted for deportation in that operation.', 'c000-deportees-261')).toBe('related');
    expect(relationTo('Según los registros, 250 migrantes fueron señalados para la deportación en esa operación.', 'c000-deportees-261', 'es')).toBe('related');
  });

  it('reads "the capacity to", "la capacidad de" with the verb before the number as the capacity', () => {
    expect(relationTo('The prison has the capacity to keep behind bars 40,000 gang members.', 'c000-capacity-40000')).toBe('agrees');
    expect(relationTo('Según los planos, el penal tiene la capacidad de mantener tras las rejas a 40.000 pandilleros.', 'c000-capacity-40000', 'es')).toBe('agrees');
  });

  it('reads people a party "will keep in custody" ("custodiará a") as the deal’s plan for the same people: related', () => {
    expect(relationTo('A cambio del pago, el gobierno salvadoreño custodiará a 255 internos enviados desde Washington.', 'c000-deportees-261', 'es')).toBe('related');
    expect(relationTo('In return, the Salvadoran government will keep in custody 255 inmates sent from Washington.', 'c000-deportees-261')).toBe('related');
  });

  // The verb alone, with no number, is what a payment is for, and says nothing of how many were sent.
  it('does not relate a sum paid "por custodiar a los deportados" to the number of deportees', () => {
    expect(relationTo('Estados Unidos pagará 6 millones de dólares a El Salvador por custodiar a los deportados durante un año.', 'c000-deportees-261', 'es')).toBe('none');
    expect(relationTo('Estados Unidos pagará 6 millones de dólares a El Salvador por custodiar a los deportados durante un año.', 'c000-payment-6-million', 'es')).toBe('agrees');
  });

  it('reads a contract ("contrato") as the deal its sum is paid under', () => {
    const p = partFor('Washington firmó un contrato de $6 millones que le permite usar la megacárcel para sus deportados.', 'c000-payment-6-million', 'es');
    expect(p?.kind).toBe('money');
    expect(p?.relation).toBe('agrees');
  });
});

describe('a sum takes in the words of its own claim', () => {
  it('a rate "for each", "por cada" is another figure of the deal, and its part reaches the noun it is a rate of', () => {
    const en = partFor('El Salvador receives $20,000 a year for each migrant sent to the prison.', 'c000-payment-6-million');
    expect(en?.relation).toBe('related');
    expect(en?.text).toBe('$20,000 a year for each migrant');
    const es = partFor('El país centroamericano recibe $20,000 anuales por cada migrante enviado al penal.', 'c000-payment-6-million', 'es');
    expect(es?.relation).toBe('related');
    expect(es?.text).toBe('$20,000 anuales por cada migrante');
  });

  it('the verb of paying right before the sum, with whom it is paid to, is the sum’s part, not a statement’s', () => {
    const en = partFor('The administration would pay San Salvador at least $6 million to keep the deportees there.', 'c000-payment-6-million');
    expect(en?.text).toBe('pay San Salvador at least $6 million');
    expect(en?.relation).toBe('agrees');
    const es = partFor('La administración pagaría a San Salvador al menos $6 millones para que mantenga encarcelados a los deportados.', 'c000-payment-6-million', 'es');
    expect(es?.text).toBe('pagaría a San Salvador al menos $6 millones');
  });

  it('the deal whose payment it is, right before the verb ("an agreement to pay"), is the sum’s part too', () => {
    expect(partFor('The two governments signed an agreement to pay San Salvador $6 million to hold some 300 deported men.', 'c000-payment-6-million')?.text).toBe('an agreement to pay San Salvador $6 million');
    expect(partFor('Los gobiernos firmaron un acuerdo para pagar a San Salvador 6 millones de dólares por retener a unos 300 deportados.', 'c000-payment-6-million', 'es')?.text).toBe('un acuerdo para pagar a San Salvador 6 millones de dólares');
  });

  it('a verb of paying in another clause stays out of the sum’s part', () => {
    const p = partFor('The administration will pay, officials said, $6 million for the transfer.', 'c000-payment-6-million');
    expect(p?.text).toBe('$6 million');
  });
});

describe('a figure for a part of what the subject measures', () => {
  it('CECOT’s own cost beside the whole prison system’s is a part’s figure: related, with the part said', () => {
    const en = partFor('Running CECOT alone costs the government about $150 million a year.', 'c000-prison-system-cost-200m');
    expect(en?.relation).toBe('related');
    expect(en?.explanation).toContain('for only one part; the dataset’s source gives $200 million a year for the whole');
    // "y el" opens the figure's own clause: CECOT is the cost's, not the inmates' count before it.
    expect(relationTo('El país tiene recluidos 100,000 reos y el mantenimiento del CECOT cuesta casi 150 millones de dólares al año.', 'c000-prison-system-cost-200m', 'es')).toBe('related');
  });

  it('a part’s figure larger than the whole still conflicts', () => {
    expect(relationTo('Running CECOT alone costs the government about $250 million a year.', 'c000-prison-system-cost-200m')).toBe('conflicts');
  });

  it('the whole system named beside CECOT keeps the figure the whole’s', () => {
    expect(relationTo('Mantener el CECOT y las demás cárceles cuesta 150 millones de dólares al año.', 'c000-prison-system-cost-200m', 'es')).toBe('conflicts');
  });
});

describe('an aside after the people counted', () => {
  it('a participle set off after the people counted says who they are: the count speaks for it, no separate event row', () => {
    const s1 = sentence('Officials said that more than 250 Venezuelan migrants, deported from the United States and locked up in the prison, were flown home.');
    const count = s1?.parts?.find((p) => p.claimId === 'c000-deportees-261');
    expect(count?.text).toBe('more than 250 Venezuelan migrants, deported from the United States and locked up in the prison');
    // Up to the next claim's words ("encerrados en el penal", held in CECOT), without the "y" that joins them.
    const es = sentence('Bukele informó que más de 250 migrantes venezolanos, deportados desde Estados Unidos y encerrados en el penal, volvieron a su país.', 'es');
    expect(es?.parts?.find((p) => p.claimId === 'c000-deportees-261')?.text).toBe('más de 250 migrantes venezolanos, deportados desde Estados Unidos');
  });

  it('a number that names no one (an age) takes in no aside', () => {
    const s1 = sentence('Noem, 53, toured the prison on Wednesday with the warden.');
    expect(s1?.parts?.some((p) => p.kind === 'count' && p.text.includes('toured'))).toBe(false);
  });
});
