import { describe, expect, it } from 'vitest';
import { analyzeText, type AnalyzedClaim } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { explain } from '../../lib/match/explain';
import { describeClaimForCard } from '../../lib/page/card-text';
import { nameSources } from '../../lib/page/source-names';
import { toPageClaims } from '../../lib/page/build-report';
import { publicAnalysis } from '../../lib/analyze';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * The failure kinds seen on real pages (issue 8), each reproduced with a
 * sentence written for this test and checked against the bundled dataset.
 * A short on-topic lead makes every page on topic, as a real article is.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const LEAD = {
  en: "El Salvador's CECOT mega-prison, the Terrorism Confinement Center, holds deportees sent by the United States. ",
  es: 'El CECOT, el Centro de Confinamiento del Terrorismo de El Salvador, recibe deportados enviados por Estados Unidos. ',
};

function sentence(s: string, language: 'en' | 'es' = 'en', locale: 'en' | 'es' = 'en'): AnalyzedClaim | undefined {
  const text = LEAD[language] + s;
  const a = analyzeText({ text, language }, dataset, topic, { locale });
  expect(a.topic.onTopic).toBe(true);
  return a.claims.find((c) => c.start >= LEAD[language].length);
}
const partsOf = (s: string, language: 'en' | 'es' = 'en') => (sentence(s, language)?.parts ?? []).map((p) => [p.text, p.kind, p.relation, p.claimId]);
const relationTo = (s: string, claimId: string, language: 'en' | 'es' = 'en') => sentence(s, language)?.matches.find((m) => m.claimId === claimId)?.relation ?? 'none';

describe('1. a sentence carries several claims, each with its own span and relation', () => {
  it('keeps the visit when a clause with a count stands between the visitor and the visit', () => {
    expect(partsOf('Noem, who claimed 238 Venezuelans had been flown there, toured CECOT on a Wednesday.')).toEqual([
      ['238 Venezuelans', 'count', 'related', 'c000-deportees-261'],
      ['toured CECOT', 'event', 'agrees', 'c003-noem-visit'],
    ]);
    expect(partsOf('La secretaria Noem, que afirmó que 238 venezolanos habían sido enviados allí, recorrió el CECOT un miércoles.', 'es')).toEqual([
      ['238 venezolanos', 'count', 'related', 'c000-deportees-261'],
      ['recorrió el CECOT', 'event', 'agrees', 'c003-noem-visit'],
    ]);
  });

  it('gives a fifth claim its row when the prison is named in full and a weak "related" stands beside it', () => {
    const parts = partsOf('En marzo, la secretaria de Seguridad Nacional Kristi Noem recorrió el Centro de Confinamiento del Terrorismo (CECOT), la cárcel de máxima seguridad de Bukele, donde ya están presos 238 venezolanos deportados por un acuerdo entre Washington y San Salvador muy criticado.', 'es');
    expect(parts.map((p) => p[3])).toEqual(['c003-noem-role', 'c003-noem-visit', 'c000-deportees-261', 'c000-deal-deportation']);
    expect(parts[3]).toEqual(['acuerdo entre Washington y San Salvador', 'statement', 'agrees', 'c000-deal-deportation']);
  });

  it('leaves the clause set off after the actor to the claim it carries, not to the event', () => {
    const parts = partsOf('Noem, who is known for hard words on crime, toured the notorious Terrorism Confinement Center, a prison known for its brutal conditions.');
    const visit = parts.find((p) => p[3] === 'c003-noem-visit');
    expect(visit?.[0]).toBe('toured the notorious Terrorism Confinement Center');
  });

  it('splits the visit from the count', () => {
    const parts = partsOf('Noem, who toured the prison on Wednesday, said 238 Venezuelans were transferred to CECOT.');
    expect(parts).toEqual([
      ['Noem, who toured the prison', 'event', 'agrees', 'c003-noem-visit'],
      ['238 Venezuelans', 'count', 'related', 'c000-deportees-261'],
    ]);
  });

  it('gives a wrong title and a true visit in one sentence their own relations', () => {
    expect(partsOf('South Dakota Governor Kristi Noem visited CECOT.')).toEqual([
      ['South Dakota Governor Kristi Noem', 'title', 'conflicts', 'c003-noem-role'],
      ['visited CECOT', 'event', 'agrees', 'c003-noem-visit'],
    ]);
  });

  it('never lets two parts overlap, and keeps every part inside its sentence', () => {
    for (const s of [
      'Homeland Security Secretary Kristi Noem toured CECOT on Wednesday.',
      'Secretary of State Marco Rubio said El Salvador offered to take in US citizens convicted of crimes.',
      'Officials describe the site as home to 10,000-20,000 inmates, although it was built to house 40,000.',
    ]) {
      const c = sentence(s)!;
      expect(c.parts.length, s).toBeGreaterThanOrEqual(2);
      const sorted = [...c.parts].sort((a, b) => a.start - b.start);
      sorted.forEach((p, i) => {
        expect(p.start).toBeGreaterThanOrEqual(c.start);
        expect(p.end).toBeLessThanOrEqual(c.end);
        if (i > 0) expect(p.start).toBeGreaterThanOrEqual((sorted[i - 1] as { end: number }).end);
      });
    }
  });

  it('keeps the documented scan shape and adds parts to it', () => {
    const text = `${LEAD.en}South Dakota Governor Kristi Noem visited CECOT.`;
    const pub = publicAnalysis(analyzeText({ text }, dataset, topic));
    const c = pub.claims.find((x) => x.text.startsWith('South Dakota'))!;
    expect(Object.keys(c)).toEqual(['text', 'start', 'end', 'checkWorthiness', 'matches', 'parts']);
    expect(c.parts[0]).toMatchObject({ start: expect.any(Number), end: expect.any(Number), relation: 'conflicts', claimId: 'c003-noem-role', kind: 'title' });
    expect(text.slice(c.parts[0]!.start, c.parts[0]!.end)).toBe(c.parts[0]!.text);
  });
});

describe('1b. claims the listing used to hide', () => {
  it('gives the gang an event a part of its own beside the count of its members', () => {
    const parts = partsOf('Guards booked 238 members of the Venezuelan criminal organization known as Tren de Aragua into the prison.');
    expect(parts.map((p) => p[3])).toEqual(['c000-deportees-261', 'c003-deportees-gang-members']);
    expect(parts[1]?.[2]).toBe('repeats-error');
  });
  it('reads an infobox row whose label runs into its value', () => {
    // On a line of its own, as a table row is; inside running text a word glued to a number is a name.
    expect(partsOf('\nCapacity40,000')).toEqual([['40,000', 'count', 'agrees', 'c000-capacity-40000']]);
  });
  it('finds the claim of a passive clause that shares the subject of the clause before it', () => {
    const parts = partsOf('The prison became the emblem of the crackdown, but is sharply criticised by human rights groups.');
    // The part keeps the shared subject with the passive clause (m-statements' clause rule); it must agree, not be dropped.
    const part = parts.find((p) => p[3] === 'c000-rights-groups-condemn');
    expect(part?.[1]).toBe('event');
    expect(part?.[2]).toBe('agrees');
    expect(part?.[0]).toContain('is sharply criticised by human rights groups');
  });
  it('does not hedge what a factive verb vouches for', () => {
    expect(relationTo('The minister confirmed that the deportees, members of the Tren de Aragua gang, would stay in the prison.', 'c003-deportees-gang-members')).toBe('repeats-error');
    expect(relationTo('The minister said that the deportees, members of the Tren de Aragua gang, would stay in the prison.', 'c003-deportees-gang-members')).toBe('none');
  });
});

describe('2. counts are compared with the group they count', () => {
  it('a count takes in the participle saying what was done to the people counted, up to the next claim’s words', () => {
    expect(partsOf('In March the planes carried to El Salvador 238 men removed under an 18th-century wartime law, the Alien Enemies Act, or on old removal orders.')).toEqual([
      ['238 men removed under an', 'count', 'conflicts', 'c000-deportees-261'],
      ['18th-century wartime law', 'year', 'agrees', 'c003-alien-enemies-act'],
    ]);
    expect(partsOf('En marzo, los aviones llevaron a El Salvador a 238 hombres expulsados en virtud de una ley de guerra del siglo XVIII o por órdenes de deportación.', 'es')).toEqual([
      ['238 hombres expulsados en virtud de una', 'count', 'conflicts', 'c000-deportees-261'],
      ['ley de guerra del siglo XVIII', 'statement', 'agrees', 'c003-alien-enemies-act'],
    ]);
  });

  it('an amount joined by "of", "de" to what it measures takes that noun into its part; the receiving event keeps its actor and action', () => {
    expect(partsOf('For keeping them for a year, El Salvador will get a payment of $6 million.')).toEqual([
      ['El Salvador will get', 'event', 'agrees', 'c000-housing-deportees-financial-support'],
      ['a payment of $6 million', 'money', 'agrees', 'c000-payment-6-million'],
    ]);
    expect(partsOf('Por tenerlos durante un año, El Salvador recibirá una compensación económica de US$ 6 millones.', 'es')).toEqual([
      ['El Salvador recibirá', 'event', 'agrees', 'c000-housing-deportees-financial-support'],
      ['una compensación económica de US$ 6 millones', 'money', 'agrees', 'c000-payment-6-million'],
    ]);
  });

  it('reads 238 Venezuelans as a narrower group than 261 people, in both languages', () => {
    expect(relationTo('The United States sent 238 Venezuelans to the CECOT prison last month.', 'c000-deportees-261')).toBe('related');
    expect(relationTo('Estados Unidos deportó a 238 venezolanos al CECOT.', 'c000-deportees-261', 'es')).toBe('related');
  });

  it('flags a part larger than the whole', () => {
    expect(relationTo('The US flew 300 Venezuelans to CECOT.', 'c000-deportees-261')).toBe('conflicts');
  });

  it('reads "casi 300" / "nearly 300" as just under 300, which 261 is not', () => {
    expect(relationTo('Estados Unidos envió casi 300 venezolanos al CECOT.', 'c000-deportees-261', 'es')).toBe('conflicts');
    expect(relationTo('The US deported nearly 300 people to CECOT.', 'c000-deportees-261')).toBe('conflicts');
    expect(relationTo('The US deported nearly 270 people to CECOT.', 'c000-deportees-261')).toBe('agrees');
  });

  it('counts "of them" as a part of the number before it', () => {
    expect(relationTo('The US deported 261 people to CECOT, 238 of them Venezuelans.', 'c000-deportees-261')).toBe('agrees');
    const parts = sentence('The US deported 261 people to CECOT, 238 of them Venezuelans.')!.parts.filter((p) => p.claimId === 'c000-deportees-261');
    expect(parts.map((p) => [p.text, p.relation])).toEqual([
      ['261 people', 'agrees'],
      // The part covers the count's noun phrase, so the reader sees what the 238 counts.
      ['238 of them Venezuelans', 'related'],
    ]);
  });

  it('treats "para albergar a 40.000" as a capacity, not a population', () => {
    const c = sentence('El penal fue construido para albergar a 40.000 reos.', 'es')!;
    expect(c.matches.map((m) => [m.claimId, m.relation])).toEqual([['c000-capacity-40000', 'agrees']]);
  });

  it('treats "designed to imprison up to 40,000" as a capacity', () => {
    const c = sentence('The complex, designed to imprison up to 40,000 men, is the centrepiece of his policy.')!;
    expect(c.matches.map((m) => [m.claimId, m.relation])).toEqual([['c000-capacity-40000', 'agrees']]);
  });
});

describe('3. statements without numbers that say what a dataset claim says agree', () => {
  it.each([
    ['Homeland Security Secretary Kristi Noem toured CECOT on Wednesday.', 'c003-noem-visit', 'en'],
    ['La secretaria de Seguridad Nacional, Kristi Noem, recorrió el CECOT el miércoles.', 'c003-noem-visit', 'es'],
    ['Rubio said El Salvador had offered to jail US citizens convicted of violent crimes.', 'c003-rubio-us-citizens-offer', 'en'],
    ['The administration alleges the deportees belong to the Tren de Aragua gang.', 'c003-tren-de-aragua-link', 'en'],
    ['Rights groups describe the conditions inside CECOT as inhumane.', 'c003-dplf-inhumane-treatment', 'en'],
    ['Organizaciones de derechos humanos califican de inhumanas las condiciones del penal.', 'c003-dplf-inhumane-treatment', 'es'],
  ] as const)('%s → %s agrees', (s, claimId, language) => {
    expect(relationTo(s, claimId, language)).toBe('agrees');
  });

  it('reads a denial of the event as a conflict', () => {
    expect(relationTo('Kristi Noem did not visit the prison, officials said.', 'c003-noem-visit')).toBe('conflicts');
  });

  it('agrees with a denial when the article itself denies it (negation counts both ways)', () => {
    expect(relationTo('None of the Venezuelans sent to CECOT were allowed to challenge their removal before a judge.', 'c003-no-due-process')).toBe('agrees');
    expect(relationTo('The deportees could challenge their removal in court, officials said.', 'c003-no-due-process')).toBe('conflicts');
  });
});

describe('4. errors a fact-checker is paid to catch are conflicts naming both values', () => {
  it('a wrong year for the Alien Enemies Act', () => {
    const m = sentence('Trump invoked the Alien Enemies Act of 1789 to send the Venezuelans to CECOT.')!.matches[0]!;
    expect(m).toMatchObject({ claimId: 'c003-alien-enemies-act', relation: 'conflicts', kind: 'year' });
    expect(m.explanation).toBe('The page gives 1789 as the year of the Alien Enemies Act; the dataset’s source gives 1798.');
    expect(relationTo('Trump invocó la Ley de Enemigos Extranjeros de 1798 para enviar a los venezolanos al CECOT.', 'c003-alien-enemies-act', 'es')).toBe('agrees');
  });

  it('titles held at the time: Noem, Rubio, Bukele', () => {
    expect(relationTo('Secretary of Defense Marco Rubio announced the offer.', 'c003-rubio-role')).toBe('conflicts');
    expect(relationTo('Secretary of State Marco Rubio announced the offer.', 'c003-rubio-role')).toBe('agrees');
    expect(relationTo('Vice President Nayib Bukele welcomed the flights to CECOT.', 'c000-bukele-president')).toBe('conflicts');
    expect(relationTo('El presidente Nayib Bukele recibió los vuelos en el CECOT.', 'c000-bukele-president', 'es')).toBe('agrees');
    const m = sentence('South Dakota Governor Kristi Noem visited CECOT.')!.matches.find((x) => x.claimId === 'c003-noem-role')!;
    expect(m.explanation).toContain('“South Dakota Governor”');
    expect(m.explanation).toContain('US Secretary of Homeland Security');
  });

  it('the day of an event: another weekday than the article’s conflicts, a later day for something else does not', () => {
    const m = sentence('Kristi Noem toured CECOT on Monday, officials said.')!.matches.find((x) => x.claimId === 'c003-noem-visit')!;
    expect(m).toMatchObject({ relation: 'conflicts', kind: 'date' });
    expect(m.explanation).toBe('The page puts Noem\'s visit to CECOT on a Monday; the dataset’s source says it was a Wednesday.');
    expect(relationTo('Noem, who toured the prison on Wednesday, spoke to reporters on Thursday.', 'c003-noem-visit')).toBe('agrees');
    expect(relationTo('Kristi Noem recorrió el CECOT el lunes.', 'c003-noem-visit', 'es')).toBe('conflicts');
  });

  it('a post the page says was held before is not a conflict', () => {
    expect(relationTo('Former South Dakota Governor Kristi Noem toured CECOT.', 'c003-noem-role')).toBe('related');
  });
});

describe('5. "related" needs something specific, not the topic’s own words', () => {
  it('a line about the weather is not related to the hours confined a day', () => {
    expect(sentence('It was a hot day in El Salvador when the reporters arrived at CECOT.')?.matches ?? []).toEqual([]);
  });

  it('naming El Salvador and CECOT relates a sentence to nothing', () => {
    const c = sentence('Reporters from El Salvador and abroad gathered outside CECOT on Tuesday, officials said.');
    expect(c?.matches.filter((m) => m.relation === 'related') ?? []).toEqual([]);
  });

  it('a name many claims share does not relate one man’s case to the count of deportees', () => {
    const c = sentence('The Trump administration admitted a clerical mistake in the case of one Salvadoran father held at CECOT.');
    expect(c?.matches.some((m) => m.claimId === 'c000-deportees-261') ?? false).toBe(false);
    // A name of that claim alone still relates it: the group that counted the deaths.
    expect(sentence('Cristosal has documented deaths in custody since the crackdown began.')?.matches.some((m) => m.claimId === 'c003-cristosal-174-cases' && m.relation === 'related')).toBe(true);
  });
});

describe('6. agreeing with what the curator flagged is a repeated error, not a green agreement', () => {
  it('a count that only relates keeps what it counts when the flagged error has words of its own beside it', () => {
    // The count's row covers the number and the people counted; the error's row the gang it names. The warning
    // stays a part of its own, but does not take the words the count stands on.
    expect(partsOf('Soldiers at the gate processed 238 members of the Venezuelan criminal organization called Tren de Aragua before dawn.')).toEqual([
      ['238 members of the Venezuelan', 'count', 'related', 'c000-deportees-261'],
      ['criminal organization called Tren de Aragua', 'event', 'repeats-error', 'c003-deportees-gang-members'],
    ]);
    expect(partsOf('Al amanecer, los soldados registraron en la cárcel a 238 integrantes de la banda criminal venezolana Tren de Aragua.', 'es')).toEqual([
      ['238 integrantes', 'count', 'related', 'c000-deportees-261'],
      // (What the count leaves after "de" is painted from the event's own words: "de la" joined the group to the people counted.)
      ['banda criminal', 'event', 'repeats-error', 'c003-deportees-gang-members'],
    ]);
  });
  it('a flagged error that rests on the count’s own words still speaks first', () => {
    // "12 members of the gang and members of MS-13": the count would take every word the error rests on.
    const parts = partsOf('Pictured: 12 members of the Tren de Aragua gang and members of MS-13, deported from the United States, in a prison yard.');
    expect(parts[0]).toEqual(['members of the Tren de Aragua', 'event', 'repeats-error', 'c003-deportees-gang-members']);
    expect(parts.map((p) => p[3])).toContain('c000-deportees-261');
    expect(partsOf('Pictured: 238 members of the Tren de Aragua gang, deported from the United States, wait in a prison yard.')).toEqual([
      ['238', 'count', 'related', 'c000-deportees-261'],
      ['members of the Tren de Aragua', 'event', 'repeats-error', 'c003-deportees-gang-members'],
    ]);
    // In Spanish the same photo caption reads the membership as the flagged error (no count of the deal's deportees is read in it).
    expect(partsOf('En la foto, 238 miembros del Tren de Aragua deportados desde Estados Unidos esperan en el patio del penal.', 'es')[0]).toEqual([
      'miembros del Tren de Aragua',
      'event',
      'repeats-error',
      'c003-deportees-gang-members',
    ]);
  });

  it('the "Investor-State Agreement" label and the 10,000-20,000 population', () => {
    const label = sentence('The deal is an Investor-State Agreement between the two countries.')!.matches[0]!;
    expect(label).toMatchObject({ claimId: 'c000-deal-investor-state', relation: 'repeats-error', flagged: 'erroneous' });
    expect(label.explanation).toMatch(/flagged that dataset claim as an error/);
    const population = sentence('CECOT is home to 10,000-20,000 inmates.')!.matches[0]!;
    expect(population).toMatchObject({ relation: 'repeats-error', flagged: 'inconsistent' });
  });

  it('is listed before agreements and outranks them as the sentence’s relation', () => {
    const c = sentence('Officials describe the site as home to 10,000-20,000 inmates, although it was built to house 40,000.')!;
    expect(c.matches.map((m) => m.relation)).toEqual(['repeats-error', 'agrees']);
    const [page] = toPageClaims(publicAnalysis({ title: '', language: 'en', topic: { onTopic: true, score: 1, reasons: [] }, claims: [c] } as never));
    expect(page?.relation).toBe('repeats-error');
  });
});

describe('7. explanations a reader understands', () => {
  it('are plain sentences in English and Spanish, naming both values and the slot', () => {
    const es = sentence('Trump invocó la Ley de Enemigos Extranjeros de 1789.', 'es', 'es')!.matches[0]!;
    expect(es.explanation).toBe('La página da 1789 como año de la Ley de Enemigos Extranjeros; la fuente del conjunto de datos da 1798.');
    const count = sentence('Estados Unidos deportó a 238 venezolanos al CECOT.', 'es', 'es')!.matches.find((m) => m.kind === 'count')!;
    expect(count.explanation).toBe(
      'La página cuenta 238 venezolanos; la fuente del conjunto de datos cuenta 261 personas (número de deportados enviados al CECOT). Es un grupo más reducido, así que ambas cifras pueden ser ciertas.',
    );
    expect(explain(count.detail, count.relation, 'en')).toBe(
      'The page counts 238 Venezuelans; the dataset’s source counts 261 people (number of deportees sent to CECOT). The page’s group is narrower, so both figures can be true.',
    );
  });

  it('never read like debug output', () => {
    for (const s of ['Rights groups describe the conditions inside CECOT as inhumane.', 'The deal is an Investor-State Agreement between the two countries.', 'CECOT can hold up to 40,000 prisoners.']) {
      for (const m of sentence(s)!.matches) {
        expect(m.explanation).toMatch(/^The page /);
        expect(m.explanation).not.toMatch(/mentions "|says the same:|Topic score/);
      }
    }
  });

  it('name articles by title, not by file number', () => {
    const sources = new Map(dataset.sources.map((s) => [s.id, s]));
    const named = nameSources('Only article 000 gives a number; Article 003 does not.', sources);
    expect(named).not.toMatch(/article \d{3}/i);
    expect(named).toContain('“Cecot Prison at the Heart of Controversial US-El Salvador Deportation Deal”');
  });

  it('name articles by title in the Spanish notes too, keeping the Spanish article before the title', () => {
    const sources = new Map(dataset.sources.map((s) => [s.id, s]));
    const title = sources.get('src-000')!.title;
    expect(nameSources('Artículo 000: una cita. Solo el artículo 000 la da; el artículo 999 no existe.', sources)).toBe(
      `El artículo “${title}”: una cita. Solo el artículo “${title}” la da; el artículo 999 no existe.`,
    );
  });

  it('the hover card lists every part, the one under the pointer first, conflicts before agreements', () => {
    const c = sentence('South Dakota Governor Kristi Noem visited CECOT.')!;
    const [claim] = toPageClaims(publicAnalysis({ title: '', language: 'en', topic: { onTopic: true, score: 1, reasons: [] }, claims: [c] } as never));
    const card = describeClaimForCard(claim!, 'en');
    expect(card.label).toBe('Conflicts with the dataset');
    expect(card.lines.filter((l) => l.kind === 'part').map((l) => l.label)).toEqual(['Title · Conflicts', 'Event · Agrees']);
    const focused = describeClaimForCard(claim!, 'es', 1);
    expect(focused.label).toBe('Coincide con el conjunto de datos');
    expect(focused.lines[0]).toMatchObject({ focused: true, label: 'Hecho · Coincide' });
  });
});

describe('what an earlier part leaves of an event after "and", "y" is painted from the event’s own words on', () => {
  it('"condemned by rights groups and members of Congress for its reputation": the reputation keeps only its word', () => {
    const en = partsOf("Bukele's CECOT prison was condemned by human rights groups and several members of Congress for its reputation as a place where inmates are tortured.");
    expect(en).toContainEqual(['prison was condemned by human rights groups', 'event', 'agrees', 'c000-rights-groups-condemn']);
    expect(en).toContainEqual(['reputation', 'event', 'agrees', 'c003-harsh-conditions-reputation']);
    const es = partsOf('La cárcel fue denunciada por organizaciones de derechos humanos y varios congresistas por su reputación de infierno.', 'es');
    expect(es).toContainEqual(['cárcel fue denunciada por organizaciones de derechos humanos', 'event', 'agrees', 'c000-rights-groups-condemn']);
    expect(es).toContainEqual(['reputación', 'event', 'agrees', 'c003-harsh-conditions-reputation']);
  });
});
