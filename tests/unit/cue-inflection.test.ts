import { describe, expect, it } from 'vitest';
import { verbPhraseForms } from '../../lib/match/conjugate';

/**
 * A predicate written once in the data, in any of its forms, is widened to the other forms of its
 * verb (lib/match/conjugate.ts, from the verbs seeds/verbs.json lists): the written form is looked
 * up to its lemma, and the lemma's own paradigm is generated, so a Spanish participle takes the
 * endings of its conjugation only, never English-looking words ("torturados" is not "torture"), and
 * an English past its -s and -ing forms with the doubled consonant kept ("transferred", not
 * "transfered"). (These were the tests of the old stem-stripping `inflectPhrase`, which the
 * conjugator replaced; what they asked of it, asked of the code that does it now.)
 */
describe('Spanish forms keep to their conjugation', () => {
  it('an -ar participle takes -ar forms, not English words or -er/-ir endings', () => {
    const forms = verbPhraseForms('torturados', 'es');
    expect(forms).toEqual(expect.arrayContaining(['torturar', 'torturaron', 'torturado', 'torturada', 'torturadas', 'torturando']));
    for (const bad of ['torture', 'torturer', 'torturir', 'torturido', 'torturieron', 'torturiendo']) expect(forms).not.toContain(bad);
    const abuse = verbPhraseForms('abusados', 'es');
    expect(abuse).toEqual(expect.arrayContaining(['abusar', 'abusado', 'abuso']));
    for (const bad of ['abuse', 'abuser', 'abusido']) expect(abuse).not.toContain(bad);
  });
  it('an -er/-ir form takes -er/-ir forms', () => {
    const held = verbPhraseForms('detenidos', 'es');
    expect(held).toEqual(expect.arrayContaining(['detenido', 'detenida', 'deteniendo', 'detener']));
    for (const bad of ['detenado', 'detenaron', 'detenando']) expect(held).not.toContain(bad);
    const got = verbPhraseForms('recibieron', 'es');
    expect(got).toEqual(expect.arrayContaining(['recibir', 'recibido', 'recibio', 'reciben']));
    expect(got).not.toContain('recibado');
    // An infinitive says which of the two it is.
    expect(verbPhraseForms('discutir', 'es')).not.toContain('discuter');
  });
  it('a verb written once matches its other tenses and persons', () => {
    expect(verbPhraseForms('impugnar', 'es')).toEqual(expect.arrayContaining(['impugnaron', 'impugnado', 'impugna']));
    expect(verbPhraseForms('condenaron', 'es')).toEqual(expect.arrayContaining(['condeno', 'condenado', 'condenaban']));
  });
  it('leaves a plural noun and a passive (whose forms are the auxiliary’s) alone', () => {
    expect(verbPhraseForms('palizas', 'es')).toEqual([]);
    expect(verbPhraseForms('fueron golpeados', 'es')).toEqual([]);
  });
});

describe('English forms', () => {
  it('undo a doubled consonant and keep it in the other forms', () => {
    const forms = verbPhraseForms('transferred', 'en');
    expect(forms).toEqual(expect.arrayContaining(['transfer', 'transfers', 'transferring']));
    expect(forms).not.toContain('transfered');
    expect(forms).not.toContain('transfering');
    expect(verbPhraseForms('expelled', 'en')).toEqual(expect.arrayContaining(['expel', 'expels', 'expelling']));
    expect(verbPhraseForms('discussed', 'en')).toEqual(expect.arrayContaining(['discuss', 'discusses', 'discussing']));
  });
  it('find the lemma that lost a silent e', () => {
    expect(verbPhraseForms('criticized', 'en')).toEqual(expect.arrayContaining(['criticize', 'criticizes', 'criticizing']));
    expect(verbPhraseForms('agreed', 'en')).toEqual(expect.arrayContaining(['agree', 'agrees', 'agreeing']));
    // "deporte(s)" is Spanish ("sport").
    const deported = verbPhraseForms('deported', 'en');
    expect(deported).toEqual(expect.arrayContaining(['deport', 'deports', 'deporting']));
    expect(deported).not.toContain('deporte');
    expect(deported).not.toContain('deportes');
  });
  it('vary the verb of a longer phrase and keep the rest; leave wildcards alone', () => {
    expect(verbPhraseForms('allowed to challenge', 'en')).toEqual(expect.arrayContaining(['allowing to challenge', 'allows to challenge']));
    expect(verbPhraseForms('deport*', 'en')).toEqual([]);
  });
});
