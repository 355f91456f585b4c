import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Spanish statements without numbers (issue 8, failure kind 3): the paraphrase families, names and
 * verb forms real Spanish pages use for a dataset claim. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const PREFIX = 'El CECOT y el acuerdo de deportación. ';
/** The parts of `text`, read after a sentence that puts the page on topic (whose own parts are left out). */
const parts = (text: string) =>
  analyzeText({ text: `${PREFIX}${text}` }, dataset, topic, { matchOffTopic: true, locale: 'es' })
    .claims.flatMap((c) => c.parts ?? [])
    .filter((p) => p.start >= PREFIX.length);
/** The first part of the sentence that holds `words`: what a reader sees there first. */
const firstAt = (text: string, words: string) => {
  const at = parts(text).filter((p) => p.text.includes(words) || words.includes(p.text));
  return at[0];
};

describe('a prison system that pays for itself is the financial support the deal brings', () => {
  it.each([
    ['self-sustaining', 'Con ese dinero, el sistema penitenciario salvadoreño será autosostenible.', 'autosostenible'],
    ['sustainability of', 'El pago servirá para la sostenibilidad del sistema carcelario del país.', 'sostenibilidad'],
    ['profitable', 'Según Bukele, el pago hará que el sistema de prisiones sea rentable.', 'rentable'],
  ])('%s', (_name, text, words) => {
    const p = firstAt(text, words);
    expect(p?.claimId).toBe('c000-housing-deportees-financial-support');
    expect(p?.relation).toBe('agrees');
  });

  it('is not said of something else that is sustainable', () => {
    expect(parts('La alcaldía presentó un plan de transporte sostenible.').some((p) => p.claimId === 'c000-housing-deportees-financial-support')).toBe(false);
  });
});

describe('deportees held in CECOT, told with "retener" or with a noun for the move', () => {
  it.each([
    ['"retener" the deportees in the prison', 'Trump agradeció a Bukele por retener a los migrantes deportados en la megacárcel.', 'retener'],
    ['the move as a noun after an article', 'El pacto incluyó el traslado de los detenidos al CECOT.', 'traslado'],
    ['"la deportación de" is not hidden by "la deportación"', 'Washington celebró la deportación de migrantes venezolanos a la megacárcel.', 'deportación'],
    ['the noun without an article', 'Siguen los envíos de deportados al Centro de Confinamiento del Terrorismo.', 'envíos'],
  ])('%s', (_name, text, words) => {
    const p = firstAt(text, words);
    expect(p?.claimId).toBe('c000-deportees-held-in-cecot');
    expect(p?.relation).toBe('agrees');
  });

  it('does not take a move elsewhere for the move to CECOT', () => {
    expect(parts('El ministerio anunció el traslado de varios reos a un hospital de la capital.').some((p) => p.claimId === 'c000-deportees-held-in-cecot')).toBe(false);
  });
});

describe('the prison\'s name given as its name, inside the object of an event', () => {
  it.each([
    ['"conocida como"', 'Los deportados están presos en la cárcel conocida como el Centro de Confinamiento del Terrorismo (CECOT).'],
    ['"denominado"', 'Los deportados fueron enviados al penal denominado Centro de Confinamiento del Terrorismo (CECOT).'],
    ['"known as"', 'The deportees are held in the prison known as the Terrorism Confinement Center (CECOT).'],
  ])('%s: the name is a part of its own, and the event keeps what comes before it', (_name, text) => {
    const ps = parts(text);
    const name = ps.find((p) => p.claimId === 'c003-name-terrorism-confinement-center');
    expect(name?.relation).toBe('agrees');
    expect(name?.text).toMatch(/^(?:Centro de Confinamiento del Terrorismo|Terrorism Confinement Center) \((?:CECOT)?/);
    expect(ps.find((p) => p.claimId === 'c000-deportees-held-in-cecot')?.relation).toBe('agrees');
  });

  it('without such words the name stays the object of the event', () => {
    const ps = parts('Los deportados fueron enviados al Centro de Confinamiento del Terrorismo (CECOT).');
    expect(ps.map((p) => p.claimId)).toEqual(['c000-deportees-held-in-cecot']);
    expect(ps[0]?.text).toContain('Centro de Confinamiento del Terrorismo');
  });
});

describe('a quote is not said by naming the people it is about', () => {
  const matches = (text: string) =>
    analyzeText({ text: `${PREFIX}${text}` }, dataset, topic, { matchOffTopic: true, locale: 'es' }).claims.filter((c) => c.start >= PREFIX.length).flatMap((c) => c.matches);

  // Names other claims share too say nothing of the quote (the names-only rule, tests/unit/names-only.test.ts).
  it('names of people other than the speaker do not make a commentator\'s quote agree', () => {
    const m = matches('Nayib Bukele y Donald Trump posaron juntos ante la prensa en la Casa Blanca.').find((x) => x.claimId === 'c000-flores-macias-quote');
    expect(m?.relation ?? 'none').not.toBe('agrees');
  });

  it('the title given with the name then speaks for the sentence', () => {
    const p = firstAt('El presidente de El Salvador, Nayib Bukele, fue recibido el lunes por el presidente estadounidense, Donald Trump, en la Casa Blanca.', 'fue recibido');
    expect(p?.claimId).not.toBe('c000-flores-macias-quote');
    expect(parts('El presidente de El Salvador, Nayib Bukele, fue recibido el lunes por el presidente estadounidense, Donald Trump, en la Casa Blanca.')[0]?.claimId).toBe('c000-bukele-president');
  });

  it('the quote\'s own words still say it', () => {
    const m = matches('Flores-Macías advierte que a los deportados les costará demostrar su inocencia y recuperar su libertad.').find((x) => x.claimId === 'c000-flores-macias-quote');
    expect(m?.relation).toBe('agrees');
  });

  it('the people an article\'s own claim is about still count ("Kristi Noem" for her visit)', () => {
    const m = matches('Kristi Noem visitó el CECOT.').find((x) => x.claimId === 'c003-noem-visit');
    expect(m?.relation).toBe('agrees');
  });
});

describe('the office named by its noun: "durante la presidencia de Nayib Bukele"', () => {
  it('is the title the dataset gives him', () => {
    const p = firstAt('La cárcel se construyó durante la presidencia de Nayib Bukele.', 'presidencia');
    expect(p?.claimId).toBe('c000-bukele-president');
    expect(p?.relation).toBe('agrees');
  });

  it('is not his title when another person holds the office', () => {
    expect(parts('Durante la presidencia de Donald Trump se firmó el acuerdo.').some((p) => p.claimId === 'c000-bukele-president')).toBe(false);
  });
});

describe('the offer to take US prisoners, as Spanish pages word it', () => {
  it.each([
    ['"proponer" in its irregular forms', 'Bukele propone que los presos estadounidenses cumplan sus penas en el CECOT.', 'propone'],
    ['the prisoners called "convictos"', 'El Salvador se ofrece a recibir a convictos estadounidenses.', 'convictos'],
    ['the prisoners called "reclusos"', 'El gobierno acepta recibir a reclusos estadounidenses en sus penales.', 'reclusos'],
    ['opening the prisons to them', 'El Salvador abre sus cárceles a los prisioneros estadounidenses.', 'abre'],
    ['"podríamos enviar", the possibility said with a conditional', 'Trump dijo que podríamos enviar a ciudadanos estadounidenses al CECOT.', 'podríamos'],
  ])('%s', (_name, text, words) => {
    const p = firstAt(text, words);
    expect(p?.claimId).toBe('c003-rubio-us-citizens-offer');
    expect(p?.relation).toBe('agrees');
  });

  it('opening the prisons to someone else is not the offer', () => {
    expect(parts('El Salvador abre sus cárceles a los periodistas extranjeros.').some((p) => p.claimId === 'c003-rubio-us-citizens-offer')).toBe(false);
  });
});

describe('the plane that carried the deportees stands for the government that sent them', () => {
  it('"un avión militar trasladó a … al CECOT" is the deportees sent to CECOT', () => {
    const p = firstAt('Un avión militar trasladó a decenas de hombres al CECOT.', 'avión');
    expect(p?.claimId).toBe('c000-deportees-held-in-cecot');
    expect(p?.relation).toBe('agrees');
  });

  it('a plane that carried people elsewhere is not', () => {
    expect(parts('Un avión militar trasladó a decenas de hombres a la base aérea.').some((p) => p.claimId === 'c000-deportees-held-in-cecot')).toBe(false);
  });
});

describe('the words of the prison\'s own name, however it is spelled, point at no other claim', () => {
  const matches = (text: string) =>
    analyzeText({ text: `${PREFIX}${text}` }, dataset, topic, { matchOffTopic: true, locale: 'es' }).claims.filter((c) => c.start >= PREFIX.length).flatMap((c) => c.matches);

  it.each([
    ['"para el"', 'Los periodistas entraron al Centro de Confinamiento para el Terrorismo (CECOT) el lunes.'],
    ['"contra el"', 'Los periodistas entraron al Centro de Confinamiento contra el Terrorismo (CECOT) el lunes.'],
    ['"Centro para el Confinamiento"', 'Los periodistas entraron al Centro para el Confinamiento del Terrorismo (CECOT) el lunes.'],
  ])('%s: the name agrees, and "Confinamiento" says nothing of the hours confined', (_name, text) => {
    const ms = matches(text);
    expect(ms.find((x) => x.claimId === 'c003-name-terrorism-confinement-center')?.relation).toBe('agrees');
    expect(ms.some((x) => x.claimId === 'c003-confinement-24h')).toBe(false);
  });

  it('the same word outside the name still counts', () => {
    expect(matches('Los reclusos viven en confinamiento casi todo el día dentro del Centro de Confinamiento para el Terrorismo (CECOT).').some((x) => x.claimId === 'c003-confinement-24h')).toBe(true);
  });
});

describe('membership told by a noun of the gang: "los terroristas del Tren de Aragua"', () => {
  it('attributed, it is the alleged link the dataset reports', () => {
    const p = firstAt('Un portavoz dijo que los terroristas del Tren de Aragua ya están en el CECOT.', 'terroristas');
    expect(p?.claimId).toBe('c003-tren-de-aragua-link');
    expect(p?.relation).toBe('agrees');
  });

  it('stated as fact, it repeats the error the curator flagged', () => {
    const p = firstAt('Los pandilleros del Tren de Aragua llegaron al CECOT en marzo.', 'pandilleros');
    expect(p?.claimId).toBe('c003-deportees-gang-members');
    expect(p?.relation).toBe('repeats-error');
  });
});

describe('the prison\'s surveillance systems, without the round-the-clock watch', () => {
  it('relate to the claim of prisoners watched around the clock', () => {
    const p = firstAt('El CECOT tiene sistemas de vigilancia con circuitos de video en cada pabellón.', 'vigilancia');
    expect(p?.claimId).toBe('c003-round-the-clock-surveillance');
    expect(p?.relation).toBe('related');
  });

  it('with the watch "las 24 horas" they say it', () => {
    const p = firstAt('Los guardias vigilan a los reclusos las 24 horas.', 'vigilan');
    expect(p?.claimId).toBe('c003-round-the-clock-surveillance');
    expect(p?.relation).toBe('agrees');
  });
});
