import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { Claim } from '../../lib/dataset/schema';
import { explain } from '../../lib/match/explain';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Typed facts compared slot by slot (issue 8): the group a count counts, a
 * count told in parts, another event about the same people, a law's century
 * and legal basis, who pays whom and a sum's period. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const parts = (text: string, locale: 'en' | 'es' = 'en') =>
  analyzeText({ text: `CECOT and the deportation deal. ${text}` }, dataset, topic, { matchOffTopic: true, locale }).claims.flatMap((c) => c.parts ?? []);
const part = (text: string, claimId: string, locale: 'en' | 'es' = 'en') => parts(text, locale).find((p) => p.claimId === claimId);

describe('the group counted', () => {
  it.each([
    ['a narrower group with a bound the whole satisfies', 'Reports said over 200 Venezuelan men were flown to CECOT.', 'related'],
    ['a narrower group behind modifiers', 'The plane carried 238 alleged Venezuelan gang members to CECOT.', 'related'],
    ['members of a gang, read through "of the"', 'Officials sent 238 members of the Venezuelan criminal group to CECOT.', 'related'],
    ['a narrower group above the whole', 'Some said 300 Venezuelans were deported to CECOT.', 'conflicts'],
    ['the narrower group with the whole number', 'In March the administration flew 261 Venezuelans to El Salvador.', 'agrees'],
    ['two gangs joined: the whole group, another number', 'They said 250 suspected Tren de Aragua and MS-13 members were deported to CECOT.', 'conflicts'],
    ['Spanish gangs joined with "y de la"', 'Llegaron 250 presuntos miembros del Tren de Aragua y de la MS-13 deportados al CECOT.', 'conflicts'],
  ])('%s', (_name, text, relation) => {
    expect(part(text, 'c000-deportees-261')?.relation).toBe(relation);
  });

  it('adds up counts of disjoint groups told in parts, and names the parts and the sum', () => {
    const p = part('The flights took 238 Venezuelan and 23 Salvadoran detainees to CECOT.', 'c000-deportees-261');
    expect(p?.relation).toBe('agrees');
    expect(p?.text).toBe('238 Venezuelan and 23 Salvadoran detainees');
    expect(p?.explanation).toContain('238 Venezuelans and 23 Salvadorans, 261 in all');
    expect(part('Los aviones llevaron 238 venezolanos y 40 salvadoreños al CECOT.', 'c000-deportees-261')?.relation).toBe('conflicts');
  });

  it('does not add up numbers that are not one count told in parts', () => {
    // "and" after a clause, not right after the first group.
    expect(part('The first flights carried 238 Venezuelans to the prison, and 23 Salvadorans came with them.', 'c000-deportees-261')?.relation).toBe('related');
  });

  it.each([
    ['a release', 'Months later 252 Venezuelans were released from CECOT in a prisoner swap.'],
    ['a return, in Spanish', 'Regresaron a Caracas 252 venezolanos liberados del CECOT.'],
    ['a planned flight', 'Another 40 detainees are scheduled to be flown to CECOT next week.'],
  ])('a count of another event (%s) is related, never compared as the same count', (_name, text) => {
    const p = part(text, 'c000-deportees-261');
    expect(p?.relation).toBe('related');
    expect(p?.detail).toMatchObject({ type: 'quantity', otherEvent: true });
  });
});

describe('a flagged claim and its hedged counterpart', () => {
  it('a hedged or attributed repeat agrees with the article’s hedged claim, not "repeats-error"', () => {
    const hedged = parts('Officials alleged the deportees were gang members.');
    expect(hedged.some((p) => p.claimId === 'c003-deportees-gang-members')).toBe(false);
    expect(hedged.find((p) => p.claimId === 'c003-tren-de-aragua-link')?.relation).toBe('agrees');
    expect(part('Washington insists the deportees were members of the Tren de Aragua gang.', 'c003-tren-de-aragua-link')?.relation).toBe('agrees');
  });

  it('the same words stated as fact repeat the flagged error', () => {
    expect(part('The deportees, Venezuelan gang members, were locked in cells with no windows.', 'c003-deportees-gang-members')?.relation).toBe('repeats-error');
  });

  it('every attributedAs names a claim of the dataset', () => {
    const ids = new Set(dataset.claims.map((c) => c.id));
    for (const c of dataset.claims) if (c.attributedAs) expect(ids.has(c.attributedAs), c.id).toBe(true);
  });
});

describe('a law: its century and the legal basis', () => {
  it.each([
    ['The removals relied on the 18th-century Alien Enemies Act.', 'agrees', 'year'],
    ['Se ampararon en la Ley de Enemigos Extranjeros, del siglo XVIII.', 'agrees', 'year'],
    ['Trump used the 19th-century Alien Enemies Act to deport them.', 'conflicts', 'year'],
    ['They were deported under the Alien Enemies Act to CECOT.', 'agrees', 'law'],
    ['Fueron expulsados bajo la Ley de Enemigos Extranjeros.', 'agrees', 'law'],
    ['One blog said the men were deported under the Insurrection Act.', 'conflicts', 'law'],
    ['Un portal dijo que fueron deportados bajo la Ley de Insurrección.', 'conflicts', 'law'],
  ])('%s', (text, relation, kind) => {
    const p = part(text, 'c003-alien-enemies-act');
    expect(p?.relation).toBe(relation);
    expect(p?.kind).toBe(kind);
  });

  it.each([
    ['The removals went ahead under a little-known wartime law.'],
    ['Trump invoked an obscure wartime statute to expel the men.'],
    ['A judge tried to halt deportations under the 18th-century wartime declaration.'],
  ])('the Act described rather than named is the same basis: %s', (text) => {
    const p = part(text, 'c003-alien-enemies-act');
    expect(p?.relation).toBe('agrees');
    expect(p?.kind).toBe('law');
  });

  it('another law conflicts only for the action the dataset’s law is the basis of', () => {
    expect(part('Trump invoked the Insurrection Act in another city last week, CECOT aside.', 'c003-alien-enemies-act')).toBeUndefined();
  });

  it('names both laws and the slot, in English and Spanish', () => {
    expect(part('One blog said the men were deported under the Insurrection Act.', 'c003-alien-enemies-act')?.explanation).toBe(
      'The page gives “Insurrection Act” as the legal basis for sending the deportees to CECOT; the dataset’s source gives the Alien Enemies Act.',
    );
    expect(part('One blog said the men were deported under the Insurrection Act.', 'c003-alien-enemies-act', 'es')?.explanation).toBe(
      'La página da «Insurrection Act» como base legal para enviar a los deportados al CECOT; la fuente del conjunto de datos da la Ley de Enemigos Extranjeros.',
    );
    expect(part('Trump used the 19th-century Alien Enemies Act to deport them.', 'c003-alien-enemies-act', 'es')?.explanation).toContain('siglo XIX');
  });
});

describe('money: payer, payee, period, other figures of the deal', () => {
  it('payer and payee swapped conflict, and the explanation names both parties', () => {
    const p = part('A column said El Salvador paid the United States $6 million to take the prisoners.', 'c000-payment-6-million');
    expect(p?.relation).toBe('conflicts');
    expect(p?.text).toContain('El Salvador paid the United States $6 million');
    expect(p?.explanation).toContain('El Salvador paying the United States');
    const es = part('Según una columna, El Salvador le pagó a Estados Unidos 6 millones de dólares.', 'c000-payment-6-million', 'es');
    expect(es?.relation).toBe('conflicts');
    expect(es?.explanation).toContain('Según la página, El Salvador le paga a Estados Unidos');
  });

  it('the parties as the dataset has them agree', () => {
    expect(part('The United States paid El Salvador $6 million for the detentions.', 'c000-payment-6-million')?.relation).toBe('agrees');
    expect(part('Incluye un pago de 6 millones de dólares de Estados Unidos a El Salvador.', 'c000-payment-6-million')?.relation).toBe('agrees');
  });

  it('a period the article does not give is not refuted, and the explanation says so', () => {
    const p = part('The United States pays El Salvador $6 million a year for the detentions.', 'c000-payment-6-million');
    expect(p?.relation).toBe('agrees');
    expect(p?.explanation).toContain('$6 million a year');
    expect(p?.explanation).toContain('gives no period');
  });

  it('a period other than the one a money fact gives conflicts', () => {
    const yearly = {
      ...dataset,
      claims: dataset.claims.map((c) =>
        c.id === 'c000-payment-6-million' ? Claim.parse({ ...c, facts: c.facts.map((f) => (f.kind === 'money' ? { ...f, period: 'year' } : f)) }) : c,
      ),
    };
    const r = analyzeText({ text: 'CECOT and the deal. The United States pays El Salvador $6 million a month for the detentions.' }, yearly, topic, { matchOffTopic: true });
    const p = r.claims.flatMap((c) => c.parts ?? []).find((x) => x.claimId === 'c000-payment-6-million');
    expect(p?.relation).toBe('conflicts');
    expect(p?.explanation).toContain('a month');
    expect(p?.explanation).toContain('a year');
  });

  it.each([
    ['a rate per prisoner', 'The deal works out at about $20,000 per prisoner, officials said.'],
    ['a saving', 'El acuerdo permitirá ahorrar cerca de $6 millones en costos de encarcelamiento.'],
    ['a further sum', 'The State Department may set aside an additional $15 million for the deal.'],
  ])('%s is another figure of the deal: related', (_name, text) => {
    expect(part(text, 'c000-payment-6-million')?.relation).toBe('related');
  });

  it('explains a sum told in parts and another event in Spanish', () => {
    const detail = {
      type: 'quantity' as const,
      subject: { en: 'Number of deportees sent to CECOT', es: 'Número de deportados enviados al CECOT' },
      page: { qualifier: 'exact' as const, value: 261 },
      data: { qualifier: 'exact' as const, value: 261, unit: 'people' },
      compatible: true,
      parts: [
        { value: 238, group: { en: 'Venezuelans', es: 'venezolanos' } },
        { value: 23, group: { en: 'Salvadorans', es: 'salvadoreños' } },
      ],
    };
    expect(explain(detail, 'agrees', 'es')).toBe(
      'La página cuenta 238 venezolanos y 23 salvadoreños, 261 en total; la fuente del conjunto de datos da 261 personas (número de deportados enviados al CECOT). Las cifras son compatibles.',
    );
  });
});

describe('the full name written beside "(CECOT)"', () => {
  it.each([
    ['The men were taken to the Terrorism Confinement Center (CECOT) in Tecoluca.', 'agrees'],
    ['The men were taken to the Center for Terrorism Confinement (CECOT) in Tecoluca.', 'agrees'],
    // A translation that says "counter-terrorism" names the same centre, not another one.
    ['The men were taken to the Counter-Terrorism Confinement Center (CECOT) in Tecoluca.', 'agrees'],
    ['Los llevaron al Centro de Confinamiento del Terrorismo (CECOT), en Tecoluca.', 'agrees'],
    ['The men were taken to the Detention Center Against Terrorism (CECOT) in Tecoluca.', 'conflicts'],
    ['They went to the National Anti-Gang Prison (CECOT) that evening.', 'conflicts'],
  ])('%s', (text, relation) => {
    const p = part(text, 'c003-name-terrorism-confinement-center');
    expect(p?.relation).toBe(relation);
    expect(p?.kind).toBe('name');
  });

  it('names both names when they differ, and stops at a possessive', () => {
    expect(part('The men were taken to the Detention Center Against Terrorism (CECOT) in Tecoluca.', 'c003-name-terrorism-confinement-center')?.explanation).toBe(
      'The page gives “Detention Center Against Terrorism” as the full name of CECOT; the dataset’s source gives Terrorism Confinement Center.',
    );
    expect(part('Reporters toured El Salvador’s Terrorism Confinement Center (CECOT) on Monday.', 'c003-name-terrorism-confinement-center')?.text).toBe('Terrorism Confinement Center (CECOT');
  });

  it('the right name is a part only when nothing else in the sentence is', () => {
    expect(part('The Terrorism Confinement Center (CECOT) sits in Tecoluca.', 'c003-name-terrorism-confinement-center')).toMatchObject({ kind: 'name', text: 'Terrorism Confinement Center (CECOT' });
    const ps = parts('Kristi Noem toured the Terrorism Confinement Center (CECOT) on Wednesday.');
    expect(ps.some((p) => p.claimId === 'c003-noem-visit')).toBe(true);
    expect(ps.some((p) => p.kind === 'name')).toBe(false);
  });

  it('a wrong name conflicts; a lower-case description in brackets names nothing', () => {
    expect(part('They were flown to the Anti-Gang Detention Center (CECOT) at night.', 'c003-name-terrorism-confinement-center')?.relation).toBe('conflicts');
    expect(part('They were flown to the mega-prison (CECOT) at night.', 'c003-name-terrorism-confinement-center')?.kind).not.toBe('name');
  });
});

describe('events read from what real pages write', () => {
  it('"notoriously harsh" is the prison’s reputation, also when the prison is named by where it is', () => {
    expect(part('Families marched for the men held in a notoriously harsh prison in El Salvador.', 'c003-harsh-conditions-reputation')?.relation).toBe('agrees');
  });

  it('someone reported denying what the article gives only as a claim disputes it: related, not the claim agreed', () => {
    const p = part('Court filings allege that many of the men do not have ties to the Tren de Aragua gang.', 'c003-tren-de-aragua-link');
    expect(p?.relation).toBe('related');
    expect(p?.detail).toMatchObject({ type: 'event', disputed: true });
    expect(p?.explanation).toBe(
      'The page reports that some dispute the alleged link to Tren de Aragua; the dataset’s source gives it only as a claim, so neither contradicts the other.',
    );
  });

  it('"no criminal records" for a share of the men, with no other topic word, is the neighbouring fact', () => {
    expect(part('A television investigation found no criminal records for 75 percent of these individuals.', 'c003-many-not-convicted')?.relation).toBe('related');
  });

  it('a sentence that only says the men have no access to lawyers is compared: the neighbouring fact of due process', () => {
    expect(part('Since then, the men have had no access to lawyers or to their families.', 'c003-no-due-process')?.relation).toBe('related');
  });

  it('Bukele offering to house deportees from the US is the offer Rubio announced (its first half)', () => {
    const p = part('Bukele, known for his crackdown on the gangs, has offered to house U.S. deportees in his prisons.', 'c003-rubio-us-citizens-offer');
    expect(p?.relation).toBe('agrees');
    expect(p?.explanation).toBe("The page reports El Salvador's offer to take deportees from the US, as the dataset’s source does.");
  });

  it('a country sending its own citizens to foreign jails is compared, with no other topic word', () => {
    expect(part('It would be close to unheard of for a democracy to send its own citizens to prisons abroad.', 'c003-us-citizens-illegal')?.relation).toBe('related');
  });

  it('the deportation, as a noun, of people to the prison', () => {
    expect(part("Lawyers challenged the Trump administration's deportation of Venezuelan men to a prison in El Salvador.", 'c000-deportees-held-in-cecot')?.relation).toBe('agrees');
  });
});

describe('time out of the cell read as the rest of the day confined', () => {
  it.each([
    ['Prisoners may leave their cells for only 30 minutes, to exercise or see a judge.', 'agrees'],
    ['Each man gets 30 minutes a day of exercise in a corridor.', 'agrees'],
    ['Los reos solo pueden salir de sus celdas durante 30 minutos.', 'agrees'],
    ['Inmates get four hours a day in the yard.', 'conflicts'],
  ])('%s', (text, relation) => {
    const p = part(text, 'c003-confinement-24h');
    expect(p?.relation).toBe(relation);
    expect(p?.detail).toMatchObject({ type: 'quantity', timeOut: { unit: expect.any(String) } });
  });

  it('says both the time out and what it leaves', () => {
    expect(part('Inmates get four hours a day in the yard.', 'c003-confinement-24h')?.explanation).toBe(
      'The page says prisoners leave their cells for 4 hours a day, so they are confined 20 hours a day; the dataset’s source says they are confined nearly 24 hours a day. They cannot both be true.',
    );
  });

  it('says both in Spanish as well, as a plain sentence', () => {
    const p = part('Los reos solo pueden salir de sus celdas durante 30 minutos.', 'c003-confinement-24h');
    expect(p && explain(p.detail, p.relation, 'es')).toBe(
      'La página dice que los presos salen de sus celdas 30 minutos al día, así que pasan encerrados 23,5 horas al día; la fuente del conjunto de datos dice que pasan encerrados casi 24 horas al día. Las cifras son compatibles.',
    );
  });

  it('the time-out words belong to the nearest duration: the hours locked in stay hours locked in', () => {
    const ps = parts('Inmates stay locked up for 23.5 hours a day and may leave their cells for 30 minutes.').filter((p) => p.claimId === 'c003-confinement-24h');
    expect(ps.map((p) => [p.text, p.relation, p.detail.type === 'quantity' && !!p.detail.timeOut])).toEqual([
      ['23.5 hours', 'agrees', false],
      ['30 minutes', 'agrees', true],
    ]);
  });
});
