import { describe, expect, it } from 'vitest';
import { foldKey } from '../../lib/text/fold';
import { inflectPhrase } from '../../lib/match/cue-variants';
import { readSeedJson } from './seed-input';

/**
 * A predicate written once in the data is widened to its other forms by the morphology of its own
 * language: a Spanish participle takes the endings of its conjugation, never English-looking
 * stems or words ("torturados" is not "torture"), and an English verb its -s, -ed, -ing forms with
 * the silent "e" and the doubled consonant handled ("transferred", not "transfered").
 */
describe('Spanish inflections keep to their conjugation', () => {
  it('an -ar participle takes -ar forms, not English words or -er/-ir endings', () => {
    const forms = inflectPhrase('torturados', 'es');
    expect(forms).toEqual(expect.arrayContaining(['torturar', 'torturaron', 'torturado', 'torturada', 'torturadas', 'tortura', 'torturando']));
    for (const bad of ['torture', 'torturer', 'torturir', 'torturido', 'torturieron', 'torturiendo']) expect(forms).not.toContain(bad);
    const abuse = inflectPhrase('abusados', 'es');
    expect(abuse).toEqual(expect.arrayContaining(['abusar', 'abusado', 'abuso']));
    for (const bad of ['abuse', 'abuser', 'abusido']) expect(abuse).not.toContain(bad);
  });
  it('an -er/-ir form takes -er/-ir forms', () => {
    const held = inflectPhrase('detenidos', 'es');
    expect(held).toEqual(expect.arrayContaining(['detenido', 'detenida', 'deteniendo', 'detener']));
    for (const bad of ['detenado', 'detenaron', 'detenando']) expect(held).not.toContain(bad);
    const got = inflectPhrase('recibieron', 'es');
    expect(got).toEqual(expect.arrayContaining(['recibir', 'recibido', 'recibio', 'reciben']));
    expect(got).not.toContain('recibado');
    // An infinitive says which of the two it is.
    expect(inflectPhrase('discutir', 'es')).not.toContain('discuter');
  });
  it('leaves a plural noun and a passive (whose forms are the auxiliary’s) alone', () => {
    expect(inflectPhrase('palizas', 'es')).toEqual([]);
    expect(inflectPhrase('fueron golpeados', 'es')).toEqual([]);
  });
  it('no Spanish form of a fact is an English word of the data that the data does not give in Spanish or for that fact', () => {
    const words = (phrases: string[]) => phrases.flatMap((p) => foldKey(p).split(/[\s-]+/));
    const lists: Array<{ en: string[]; es: string[] }> = [];
    const facts: Array<{ action: string[]; phrases: Set<string> }> = [];
    const listsOf = (o: unknown, out: Array<{ en: string[]; es: string[] }>): void => {
      if (Array.isArray(o)) return o.forEach((x) => listsOf(x, out));
      if (!o || typeof o !== 'object') return;
      const r = o as Record<string, unknown>;
      if (Array.isArray(r.en) && Array.isArray(r.es)) out.push({ en: r.en.filter((p) => typeof p === 'string'), es: r.es.filter((p) => typeof p === 'string') });
      Object.values(r).forEach((x) => listsOf(x, out));
    };
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) return o.forEach(walk);
      if (!o || typeof o !== 'object') return;
      const r = o as Record<string, unknown>;
      const action = r.action as { es?: unknown } | undefined;
      if (action && Array.isArray(action.es)) {
        const own: Array<{ en: string[]; es: string[] }> = [];
        listsOf(r, own);
        facts.push({ action: action.es.filter((p): p is string => typeof p === 'string').map(foldKey), phrases: new Set(own.flatMap((l) => [...l.en, ...l.es]).map(foldKey)) });
      }
      Object.values(r).forEach(walk);
    };
    const claims = readSeedJson('claims.json');
    listsOf(claims, lists);
    walk(claims);
    const es = new Set(words(lists.flatMap((l) => l.es)));
    const en = new Set(words(lists.flatMap((l) => l.en)).filter((w) => !es.has(w)));
    expect(facts.length).toBeGreaterThan(20);
    const english: string[] = [];
    for (const { action, phrases } of facts)
      for (const p of action) {
        const ws = p.split(' ');
        for (const form of inflectPhrase(p, 'es')) {
          const changed = form.split(' ').find((w, i) => w !== ws[i]);
          if (changed && en.has(changed) && !phrases.has(changed)) english.push(`${p} → ${changed}`);
        }
      }
    expect(english).toEqual([]);
  });
});

describe('English inflections', () => {
  it('undo a doubled consonant and keep it in the other forms', () => {
    const forms = inflectPhrase('transferred', 'en');
    expect(forms).toEqual(expect.arrayContaining(['transfer', 'transfers', 'transferring']));
    expect(forms).not.toContain('transfered');
    expect(forms).not.toContain('transfering');
    expect(inflectPhrase('expelled', 'en')).toEqual(expect.arrayContaining(['expel', 'expels', 'expelling']));
    expect(inflectPhrase('discussed', 'en')).toEqual(expect.arrayContaining(['discuss', 'discusses', 'discussing']));
  });
  it('restore a silent e only where the stem lost one', () => {
    expect(inflectPhrase('criticized', 'en')).toEqual(expect.arrayContaining(['criticize', 'criticizes', 'criticizing']));
    expect(inflectPhrase('agreed', 'en')).toEqual(expect.arrayContaining(['agree', 'agrees', 'agreeing']));
    // "deporte(s)" is Spanish ("sport"), "bare" another English word.
    const deported = inflectPhrase('deported', 'en');
    expect(deported).toEqual(expect.arrayContaining(['deport', 'deports', 'deporting']));
    expect(deported).not.toContain('deporte');
    expect(deported).not.toContain('deportes');
    expect(inflectPhrase('barred', 'en')).not.toContain('bare');
  });
  it('turn -ied and -ies back into -y', () => {
    expect(inflectPhrase('justified', 'en')).toEqual(expect.arrayContaining(['justify', 'justifies', 'justifying']));
    expect(inflectPhrase('justified', 'en')).not.toContain('justif');
  });
});
