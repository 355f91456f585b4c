import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { loadDataset } from '../../lib/dataset/load';
import { buildMatcher, type Matcher } from '../../lib/match/build-matcher';
import { compileTopic, type CompiledTopic } from '../../lib/topic/compile-topic';
import { parseTopic } from '../../lib/topic/schema';
import { rawSeedInput, readSeedJson } from './seed-input';

/**
 * Statements without numbers (issue 8, failure kind 3), both languages: general ways pages say a
 * dataset claim that the rules missed or misread — the move or the holding told as a noun ("the
 * arrival of the deportees at CECOT", "el ingreso de los venezolanos al CECOT"), the claim
 * attributed with "according to" / "según" instead of a verb of saying, a weekday or a verb inside
 * an aside that is not the event's ("Noem, who arrived on Tuesday, toured…"), and a denial in the
 * words reported after a verb of saying ("said he is not a gang member"). Sentences written here.
 */
let matcher: Matcher;
let topic: CompiledTopic;
beforeAll(() => {
  matcher = buildMatcher(loadDataset(rawSeedInput()));
  topic = compileTopic(parseTopic(readSeedJson('topic.json')));
});

const analyse = (text: string, language: 'en' | 'es') => analyzeText({ text, title: 'CECOT', language }, matcher, topic, { matchOffTopic: true });
/** Every part shown for `text`, as "relation claimId". */
const parts = (text: string, language: 'en' | 'es' = 'en'): string[] => analyse(text, language).claims.flatMap((c) => c.parts.map((p) => `${p.relation} ${p.claimId}`));
/** The first relation shown for `text`'s first claim, as "relation claimId". */
const first = (text: string, language: 'en' | 'es' = 'en'): string => {
  const m = analyse(text, language).claims[0]?.matches[0];
  return m ? `${m.relation} ${m.claimId}` : 'none';
};

const HELD = 'c000-deportees-held-in-cecot';
const INHUMANE = 'c003-dplf-inhumane-treatment';
const EQUAL = 'c000-government-guarantees-equal-treatment';
const VISIT = 'c003-noem-visit';
const TDA = 'c003-tren-de-aragua-link';

describe('the deportees moved or held, told as a noun', () => {
  it('agrees with the deportees held in CECOT (English)', () => {
    for (const text of [
      'The arrival of the deportees at CECOT was filmed by the government.',
      'Cameras followed the deportees\u2019 arrival at CECOT in the dark.',
      'The imprisonment of the Venezuelan migrants in CECOT drew protests.',
    ]) {
      expect(parts(text), text).toContain(`agrees ${HELD}`);
    }
  });

  it('agrees with the deportees held in CECOT (Spanish)', () => {
    for (const text of [
      'La llegada de los deportados al CECOT fue grabada por el gobierno.',
      'El ingreso de los venezolanos al CECOT se transmitió en video.',
      'El encarcelamiento de los migrantes venezolanos en el CECOT generó protestas.',
    ]) {
      expect(parts(text, 'es'), text).toContain(`agrees ${HELD}`);
    }
  });

  it('needs the deportees and the prison: someone else\u2019s arrival, or an arrival elsewhere, is not the move', () => {
    expect(parts('La llegada de Kristi Noem al CECOT fue breve.', 'es')).not.toContain(`agrees ${HELD}`);
    expect(parts('The migrants\u2019 arrival in the United States came years before.')).not.toContain(`agrees ${HELD}`);
  });
});

describe('a statement attributed with "according to" / "según"', () => {
  it('agrees with the rights groups\u2019 statement, the attribution before or after it', () => {
    expect(parts('According to Human Rights Watch, conditions inside CECOT are inhumane.')).toContain(`agrees ${INHUMANE}`);
    expect(parts('Conditions inside CECOT are inhumane, according to Amnesty International.')).toContain(`agrees ${INHUMANE}`);
    expect(parts('Según Human Rights Watch, las condiciones en el CECOT son inhumanas.', 'es')).toContain(`agrees ${INHUMANE}`);
    expect(parts('Las condiciones en el CECOT son inhumanas, según Amnistía Internacional.', 'es')).toContain(`agrees ${INHUMANE}`);
  });

  it('agrees with the government\u2019s statement on equal treatment', () => {
    expect(parts('According to the Salvadoran government, the deportees receive the same treatment as local inmates.')).toContain(`agrees ${EQUAL}`);
    expect(parts('Según el gobierno salvadoreño, los deportados reciben el mismo trato que los demás reos.', 'es')).toContain(`agrees ${EQUAL}`);
  });

  it('needs the one the claim is attributed to: the warden is no rights group', () => {
    expect(parts('According to the warden, conditions inside CECOT are humane.')).not.toContain(`agrees ${INHUMANE}`);
  });
});

describe('an aside that is not the event: "Noem, who arrived on Tuesday, toured CECOT on Wednesday"', () => {
  it('reads the day of the aside as the aside\u2019s, not as a wrong day of the tour', () => {
    expect(first('Noem, who arrived in El Salvador on Tuesday, toured CECOT on Wednesday.')).toBe(`agrees ${VISIT}`);
    expect(first('Noem, who landed in San Salvador late on Tuesday after several stops, toured CECOT.')).toBe(`agrees ${VISIT}`);
    expect(first('Noem, que llegó a El Salvador el martes, recorrió el CECOT el miércoles.', 'es')).toBe(`agrees ${VISIT}`);
  });

  it('still gives a wrong day of the tour itself as a conflict', () => {
    expect(first('Noem toured CECOT on Tuesday.')).toBe(`conflicts ${VISIT}`);
    expect(first('On Tuesday, Noem toured CECOT.')).toBe(`conflicts ${VISIT}`);
    expect(first('Noem recorrió el CECOT el martes.', 'es')).toBe(`conflicts ${VISIT}`);
  });
});

describe('a denial in the words reported after a verb of saying', () => {
  it('disputes the alleged gang link instead of agreeing with it', () => {
    for (const [text, language] of [
      ['His mother said he is not a gang member.', 'en'],
      ['He said, \u201cI\u2019m not a gang member, I cut hair.\u201d', 'en'],
      ['Su madre dice que sus hijos no son pandilleros.', 'es'],
    ] as const) {
      const shown = parts(text, language);
      expect(shown, text).toContain(`related ${TDA}`);
      expect(shown, text).not.toContain(`agrees ${TDA}`);
    }
  });

  it('leaves the link reported without a denial as it was', () => {
    expect(parts('Officials said the men are gang members.')).toContain(`agrees ${TDA}`);
    expect(parts('Su madre dice que sus hijos son pandilleros.', 'es')).toContain(`agrees ${TDA}`);
  });
});

describe('the actor named once, then a pronoun in the clause that tells the event', () => {
  it('measures the event\u2019s clause from the pronoun, so a long sentence still says the visit', () => {
    expect(
      first('Speaking to a radio host, Noem described in great detail why she had felt the need to make an in-person appearance in front of tattooed inmates at the Terrorism Confinement Center.'),
    ).toBe(`agrees ${VISIT}`);
  });

  it('reads a day before the pronoun as the main clause\u2019s (the interview), not the visit\u2019s', () => {
    expect(first('On Thursday Noem told a television audience why she had toured CECOT.')).toBe(`agrees ${VISIT}`);
    expect(first('Noem said on Monday that she had toured CECOT.')).toBe(`agrees ${VISIT}`);
    // A day in the pronoun's clause, or with no pronoun, is the visit's.
    expect(first('Noem said she toured CECOT on Monday.')).toBe(`conflicts ${VISIT}`);
    expect(first('On Monday, Noem toured CECOT, where she met the warden.')).toBe(`conflicts ${VISIT}`);
  });
});

describe('a statement\u2019s other words: the plan not finalized, fed in Spanish\u2019s "dar de comer", kept in their cells', () => {
  it('agrees with each claim in the page\u2019s words', () => {
    expect(parts('Officials admit the plan to send American convicts to Salvadoran prisons has not been finalized.')).toContain('agrees c003-us-citizens-not-finalized');
    expect(parts('A los internos del CECOT se les da de comer arroz y frijoles dos veces al día.', 'es')).toContain('agrees c003-rations-beans-pasta');
    expect(parts('Inmates at CECOT spend almost all day in their cells, guards say.')).toContain('agrees c003-confinement-24h');
  });

  it('needs the rest of the claim: a plan carried out, a night in a cell, are not it', () => {
    expect(parts('The plan was finalized last week.')).not.toContain('agrees c003-us-citizens-not-finalized');
    expect(parts('The inmates sleep in their cells on metal bunks.')).not.toContain('agrees c003-confinement-24h');
  });
});

describe('Spanish words for what the English lists already say', () => {
  it('held without charges, the deal to hold the deportees, Noem posing or filming inside, the removal not challenged', () => {
    expect(parts('Muchos de los presos llevan meses en el CECOT sin cargos formales.', 'es')).toContain('agrees c003-many-not-convicted');
    expect(parts('El acuerdo para recibir a los deportados venezolanos fue firmado en febrero.', 'es')).toContain('agrees c000-deal-deportation');
    expect(parts('Noem posó frente a una celda llena de reos en el CECOT.', 'es')).toContain(`agrees ${VISIT}`);
    expect(parts('Noem grabó un video dentro del CECOT.', 'es')).toContain(`agrees ${VISIT}`);
    expect(parts('Ninguno de los hombres pudo impugnar su deportación.', 'es')).toContain('agrees c003-no-due-process');
  });

  it('keeps each fact\u2019s other roles: a deal to receive US prisoners is the offer, not the deportation deal', () => {
    expect(parts('El acuerdo para recibir a presos estadounidenses no se ha concretado.', 'es')).not.toContain('agrees c000-deal-deportation');
    expect(parts('Noem grabó un video en su oficina de Washington.', 'es')).not.toContain(`agrees ${VISIT}`);
  });
});

describe('one sentence, two claims: an event that qualifies another event\u2019s action', () => {
  it('gives "held | without charges | in CECOT" two parts, each claim painted', () => {
    for (const [text, language] of [
      ['The Venezuelans, held without charges, remain in CECOT.', 'en'],
      ['The deportees were held without charges in CECOT for months.', 'en'],
      ['Los venezolanos, detenidos sin cargos, siguen en el CECOT.', 'es'],
    ] as const) {
      const shown = parts(text, language);
      expect(shown, text).toContain(`agrees ${HELD}`);
      expect(shown, text).toContain('agrees c003-many-not-convicted');
    }
  });
});

describe('a negator before a list denies each member', () => {
  it('"without hearings, lawyers, or a chance to challenge" denies the chance to challenge', () => {
    expect(parts('Deportees were sent without hearings, lawyers, or a chance to challenge the deportation.')).toContain('agrees c003-no-due-process');
    expect(parts('Los deportados fueron enviados sin audiencias, abogados, ni la posibilidad de impugnar su deportación.', 'es')).toContain('agrees c003-no-due-process');
  });

  it('stops at a clause: two clauses joined by ", and" are no list', () => {
    expect(parts('The lights are never switched off, and cameras watch every cell around the clock.')).toContain('agrees c003-round-the-clock-surveillance');
    expect(parts('Officials said the men had lawyers, and a chance to challenge the deportation.')).not.toContain('agrees c003-no-due-process');
  });
});
