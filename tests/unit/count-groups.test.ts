import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { buildMatcher } from '../../lib/match/build-matcher';
import { bundledTopic } from '../../lib/topic/bundled';

const matcher = buildMatcher(bundledDataset());
const topic = bundledTopic();

/** The relation the sentence gets for `claimId`, or null when it is not matched to it. */
function relationFor(text: string, claimId: string): string | null {
  const a = analyzeText({ text }, matcher, topic);
  for (const c of a.claims) for (const m of c.matches) if (m.claimId === claimId) return m.relation;
  return null;
}

describe('who a count counts', () => {
  it('sums a small part joined to the next count, or named after "of" / "de la"', () => {
    expect(relationFor('The flights to CECOT carried 23 alleged members of MS-13 and 238 Venezuelans, all deported from the United States.', 'c000-deportees-261')).toBe('agrees');
    expect(relationFor('Fueron trasladados al CECOT 238 venezolanos y 23 de la MS-13, deportados desde Estados Unidos.', 'c000-deportees-261')).toBe('agrees');
  });

  it('never compares a count of guards or soldiers with the deportees', () => {
    expect(relationFor('In CECOT the deportees are watched by 900 guards and 500 members of the armed forces.', 'c000-deportees-261')).toBeNull();
    expect(relationFor('En el CECOT los deportados son vigilados por 800 custodios y 400 soldados.', 'c000-deportees-261')).toBeNull();
  });

  it('reads a count of gang members as the deportees only beside the words of the transfer', () => {
    expect(relationFor('A 2023 video showed some 1,500 gang members filing into CECOT in rows.', 'c000-deportees-261')).toBeNull();
    expect(relationFor('The United States also sent 23 members of the MS-13 gang to CECOT.', 'c000-deportees-261')).toBe('related');
  });

  it('reads Spanish hundreds and "two hundred" as numbers', () => {
    expect(relationFor('Más de doscientos deportados desembarcaron en El Salvador y fueron llevados al CECOT.', 'c000-deportees-261')).toBe('agrees');
    expect(relationFor('More than two hundred deportees were sent to CECOT that night.', 'c000-deportees-261')).toBe('agrees');
  });

  it('compares the total, not the rate, when a sentence gives both', () => {
    const a = analyzeText({ text: 'The CECOT deal sets a rate of $20,000 per prisoner a year, totaling $6 million for the whole group.' }, matcher, topic);
    const rels = a.claims.flatMap((c) => c.matches.filter((m) => m.claimId === 'c000-payment-6-million').map((m) => m.relation));
    expect(rels).toContain('agrees');
    expect(rels).toContain('related');
  });
});

describe('people harmed', () => {
  it('reads a count of people told by what happened to them as people harmed, related to the abuse cases, not the deportees', () => {
    for (const text of [
      'A rights report says that at least 55 migrants were beaten and humiliated by guards in CECOT.',
      'Un informe afirma que al menos 55 migrantes fueron golpeados y humillados por los custodios del CECOT.',
      'Former detainees say more than 150 inmates have died inside CECOT since it opened.',
      'Antiguos reos aseguran que más de 150 presos han muerto dentro del CECOT desde su apertura.',
    ]) {
      expect(relationFor(text, 'c003-cristosal-174-cases')).toBe('related');
      expect(relationFor(text, 'c000-deportees-261')).toBeNull();
    }
  });

  it('gives the harm to the part, not to the whole it is part of', () => {
    const en = analyzeText({ text: 'According to the report, 31 of the 252 Venezuelan men held in CECOT suffered torture.' }, matcher, topic);
    const es = analyzeText({ text: 'Según el informe, 31 de los 252 venezolanos recluidos en el CECOT sufrieron torturas.' }, matcher, topic);
    for (const a of [en, es]) {
      const ms = a.claims.flatMap((c) => c.matches);
      const harmed = ms.find((m) => m.claimId === 'c003-cristosal-174-cases');
      expect(harmed?.relation).toBe('related');
      expect(harmed?.detail?.type === 'quantity' ? harmed.detail.page.value : null).toBe(31);
      expect(ms.find((m) => m.claimId === 'c000-deportees-261')?.relation).toBe('related');
    }
  });

  it('leaves the count alone when the harm is told in another clause ("where they were beaten")', () => {
    expect(relationFor('In March the United States sent 261 deportees to CECOT, where they were beaten on arrival.', 'c000-deportees-261')).toBe('agrees');
    expect(relationFor('En marzo Estados Unidos envió 261 deportados al CECOT, donde fueron golpeados al llegar.', 'c000-deportees-261')).toBe('agrees');
  });
});

describe('capacity and population words', () => {
  it('reads what a prison will hold as its capacity, not its population', () => {
    expect(relationFor('Officials described CECOT as a fortress that will hold 40,000 prisoners once full.', 'c000-capacity-40000')).toBe('agrees');
    expect(relationFor('Officials described CECOT as a fortress that will hold 40,000 prisoners once full.', 'c000-population-10000-20000')).toBeNull();
    expect(relationFor('El gobierno presentó el CECOT como una fortaleza que albergará a 40.000 reos.', 'c000-capacity-40000')).toBe('agrees');
    expect(relationFor('El gobierno presentó el CECOT como una fortaleza que albergará a 40.000 reos.', 'c000-population-10000-20000')).toBeNull();
  });

  it('reads what the prison holds as its population', () => {
    expect(relationFor('By the count of a lawyer who visited it, CECOT holds about 15,000 inmates.', 'c000-population-10000-20000')).toBe('repeats-error');
    expect(relationFor('Según la cuenta de un abogado que lo visitó, el CECOT retiene a unos 15.000 presos.', 'c000-population-10000-20000')).toBe('repeats-error');
  });
});

describe('a group held besides, more than all the subject counts', () => {
  it('is not the deportees without the words of deportation', () => {
    expect(relationFor('In the small hours, Salvadoran police transferred the first 4,000 gang members to CECOT.', 'c000-deportees-261')).toBeNull();
    expect(relationFor('De madrugada, la policía salvadoreña trasladó a los primeros 4.000 pandilleros al CECOT.', 'c000-deportees-261')).toBeNull();
  });

  it('is still compared with them when the sentence says they were deported', () => {
    expect(relationFor('The United States deported 300 alleged gang members to CECOT.', 'c000-deportees-261')).toBe('conflicts');
    expect(relationFor('Estados Unidos deportó a 300 presuntos pandilleros al CECOT.', 'c000-deportees-261')).toBe('conflicts');
  });
});

describe('children, entering, sums sent', () => {
  it('never reads a count of children or relatives as the deportees', () => {
    expect(relationFor('After the exchange, nine Venezuelan migrant children separated during the deportations to CECOT were reunited with their families.', 'c000-deportees-261')).toBeNull();
    expect(relationFor('Tras el canje, nueve niños venezolanos migrantes separados durante las deportaciones al CECOT volvieron con sus familias.', 'c000-deportees-261')).toBeNull();
  });

  it('reads the people who entered the prison as the deportees sent there', () => {
    expect(relationFor('Over that weekend, 261 people entered CECOT under heavy guard.', 'c000-deportees-261')).toBe('agrees');
    expect(relationFor('Aquel fin de semana, 261 personas ingresaron al CECOT bajo fuerte custodia.', 'c000-deportees-261')).toBe('agrees');
  });

  it('reads the people a fee keeps in custody as the deportees, held under the deal: related, not their count', () => {
    expect(relationFor('The president said Washington pays a small fee for El Salvador to keep the 238 prisoners in CECOT in custody for a year.', 'c000-deportees-261')).toBe('related');
    expect(relationFor('El presidente dijo que Washington paga una tarifa pequeña para que El Salvador mantenga a los 238 presos en el CECOT bajo custodia durante un año.', 'c000-deportees-261')).toBe('related');
  });

  it('reads a sum funneled or set aside for the deportees as the payment', () => {
    expect(relationFor('Washington funneled about $6 million to El Salvador to keep the deportees in CECOT.', 'c000-payment-6-million')).toBe('agrees');
    expect(relationFor('Washington destinó unos US$6 millones a El Salvador para mantener a los deportados en el CECOT.', 'c000-payment-6-million')).toBe('agrees');
  });
});

describe('the group named after a copula', () => {
  /** The relations of the sentence's matches to the count of deportees, by the value the page gives. */
  function byValue(text: string): Record<number, string> {
    const out: Record<number, string> = {};
    const a = analyzeText({ text }, matcher, topic);
    for (const c of a.claims) for (const m of c.matches) if (m.claimId === 'c000-deportees-261' && m.detail?.type === 'quantity' && m.detail.page.value !== undefined) out[m.detail.page.value] = m.relation;
    return out;
  }

  it('reads "238 were Venezuelan" after the whole as a part of it, not another value of the whole', () => {
    expect(byValue('Of the 261 people flown to CECOT that weekend, 238 were Venezuelan.')).toEqual({ 261: 'agrees', 238: 'related' });
    expect(byValue('Estados Unidos envió al CECOT a 261 personas, de las cuales 238 eran venezolanas.')).toEqual({ 261: 'agrees', 238: 'related' });
    expect(byValue('De los 261 hombres deportados al CECOT, 23 eran salvadoreños.')).toEqual({ 261: 'agrees', 23: 'related' });
  });
});
