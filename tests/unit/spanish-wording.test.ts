import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { foldText } from '../../lib/text/fold';
import { PhraseSet } from '../../lib/text/phrase-set';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Spanish wordings real pages use for what the dataset says (issue 8, the Spanish side of the
 * real-page evaluation): a title with the nationality inside it, the law named without "de",
 * the two capitals for the two governments, the offer for other nationalities. Sentences in our
 * own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const LEAD = 'El CECOT y el acuerdo de deportación. ';
/** The parts found in `text`, not in the lead sentence that puts the page on topic. */
const parts = (text: string) =>
  analyzeText({ text: LEAD + text }, dataset, topic, { matchOffTopic: true, locale: 'es' })
    .claims.flatMap((c) => c.parts ?? [])
    .filter((p) => p.start >= LEAD.length);
const relationTo = (text: string, claimId: string) => parts(text).find((p) => p.claimId === claimId)?.relation;

// The first analysis compiles the dataset's matcher: done once here, not inside the first test's time.
beforeAll(() => {
  parts('');
}, 60_000);

describe('Spanish wordings of the dataset’s claims', () => {
  it.each([
    ['a title with the nationality inside it', 'La secretaria estadounidense de Seguridad Interior, Kristi Noem, llegó al penal.', 'c003-noem-role', 'agrees'],
    ['the law named without "de"', 'Los hombres fueron enviados al CECOT bajo la ley Enemigos Extranjeros.', 'c003-alien-enemies-act', 'agrees'],
    ['the two capitals for the two governments', 'Llegaron en virtud de un polémico acuerdo entre Washington y San Salvador.', 'c000-deal-deportation', 'agrees'],
    ['a sum the deal "includes", beside another subject’s "anuales"', 'El pacto con Washington, que incluye $6 millones anuales para las cárceles del país, sigue en pie.', 'c000-payment-6-million', 'agrees'],
    ['the offer, for other nationalities only', 'El Salvador accedió a recibir deportados de otras nacionalidades.', 'c003-rubio-us-citizens-offer', 'related'],
  ])('%s', (_name, text, claimId, relation) => {
    expect(relationTo(text, claimId)).toBe(relation);
  });

  it('"megacárcel", the topic’s own word, says nothing about the status of the offer', () => {
    expect(relationTo('La megacárcel de Bukele, el CECOT, está en El Salvador.', 'c003-us-citizens-not-finalized')).toBeUndefined();
  });

  it('deportees "from the United States" alone do not say the debate on their treatment grew', () => {
    expect(relationTo('Unos 180 venezolanos que habían sido deportados desde Estados Unidos volvieron a Caracas.', 'c000-american-deportees-discussion')).toBeUndefined();
  });
});

describe('an event whose clause goes on with the subject named before it', () => {
  it.each([
    ['es', 'Levantado para albergar a 40.000 reos, el CECOT pasó a ser la vitrina de la ofensiva del presidente contra las maras en todo el país y buena parte de la región, pero es duramente cuestionado por organizaciones de derechos humanos.'],
    ['en', 'Built to hold 40,000 inmates, CECOT became the showcase of the president’s crackdown on the gangs across the country and much of the region, but is heavily criticized by human rights groups.'],
  ])('finds the condemnation however long the first clause (%s), and highlights the clause that says it', (_lang, text) => {
    const p = parts(text).find((x) => x.claimId === 'c000-rights-groups-condemn');
    expect(p?.relation).toBe('agrees');
    expect(p?.text).toMatch(/^(?:es|is) /);
  });

  it('another subject after "pero" is another clause', () => {
    const text = 'Levantado para albergar a 40.000 reos, el CECOT pasó a ser la vitrina de la ofensiva del presidente contra las maras en todo el país y buena parte de la región, pero los expertos lo han cuestionado.';
    expect(relationTo(text, 'c000-rights-groups-condemn')).toBeUndefined();
  });
});

describe('"miembros de pandillas": the membership and the gangs in one phrase', () => {
  it('stated as fact, repeats the error the curator flagged', () => {
    const text = 'El país aceptó alojar a deportados de EE. UU., muchos de ellos miembros de pandillas extranjeras como el Tren de Aragua, a cambio de dinero.';
    expect(relationTo(text, 'c003-deportees-gang-members')).toBe('repeats-error');
  });

  it('attributed, agrees with the alleged link', () => {
    expect(relationTo('Entre los enviados había, dicen las autoridades, miembros de pandillas como el Tren de Aragua.', 'c003-tren-de-aragua-link')).toBe('agrees');
  });
});

describe('a word of a phrase set apart in quote marks', () => {
  it('still reads the phrase, and names it', () => {
    const set = new PhraseSet(['criminales estadounidenses', 'criminales', 'deport* masiv*']);
    const text = foldText('Ofreció encerrar a peligrosos “criminales” estadounidenses y habló de "deportaciones" masivas.');
    const hits = set.findAll(text).map((h) => [set.phrases[h.phrase], text.slice(h.start, h.end)]);
    expect(hits).toEqual([
      ['criminales estadounidenses', 'criminales" estadounidenses'],
      ['deport* masiv*', 'deportaciones" masivas'],
    ]);
  });

  it('makes the offer to take US criminals agree', () => {
    expect(relationTo('Bukele ofreció encerrar en su cárcel a peligrosos "criminales" estadounidenses.', 'c003-rubio-us-citizens-offer')).toBe('agrees');
  });
});

describe('let out briefly: locked in the rest of the day', () => {
  it.each([
    ['es', 'A los internos solo se les permite salir media hora al día al patio.'],
    ['en', 'Inmates can only leave their cells for 30 minutes to exercise.'],
  ])('agrees with confinement for nearly 24 hours a day (%s), and the half hour is not compared as hours confined', (_lang, text) => {
    const found = parts(text);
    expect(found.find((p) => p.claimId === 'c003-confinement-24h')?.relation).toBe('agrees');
    expect(found.some((p) => p.relation === 'conflicts')).toBe(false);
  });

  it('half an hour of something else a day is not that', () => {
    expect(relationTo('Los reos reciben media hora de televisión al día.', 'c003-confinement-24h')).not.toBe('agrees');
  });
});

describe('watched by guards, without "round the clock"', () => {
  it('is related to the round-the-clock watch, not the same fact', () => {
    expect(relationTo('De noche los reos siguen vigilados por custodios armados en cada pabellón.', 'c003-round-the-clock-surveillance')).toBe('related');
  });

  it('with "las 24 horas" it agrees', () => {
    expect(relationTo('Los presos son vigilados las 24 horas por custodios.', 'c003-round-the-clock-surveillance')).toBe('agrees');
  });

  it('a prison guarded by soldiers is not prisoners watched', () => {
    expect(relationTo('La cárcel estará resguardada por 500 soldados y 200 policías.', 'c003-round-the-clock-surveillance')).toBeUndefined();
  });
});

describe('two relative clauses of one noun', () => {
  it.each([
    ['es', 'Hablamos del CECOT, que abrió sus puertas en febrero de 2023 y que se volvió el emblema de la guerra contra las pandillas.', /^que se volvió/],
    ['en', 'This is CECOT, which opened in February 2023 and which became a symbol of the war on gangs.', /^which became/],
  ])('the event is the clause that tells it, not the date before it (%s)', (_lang, text, starts) => {
    const p = parts(text).find((x) => x.claimId === 'c003-cecot-gang-violence-solution');
    expect(p?.relation).toBe('agrees');
    expect(p?.text).toMatch(starts);
  });
});
