import { describe, expect, it } from 'vitest';
import { conjugateEnglish, conjugateSpanish, LEXICON, phraseVerb, verbIndex, verbPhraseForms, type VerbLexicon } from '../../lib/match/conjugate';
import { buildMatcher } from '../../lib/match/build-matcher';
import { foldKey, foldText } from '../../lib/text/fold';
import { loadDataset } from '../../lib/dataset/load';
import { rawSeedInput, readSeedJson } from './seed-input';
import { VerbsFile } from '../../lib/dataset/schema';

const en = (lemma: string) => conjugateEnglish(lemma).map((f) => f.form);
const es = (lemma: string) => conjugateSpanish(lemma).map((f) => f.form);

describe('English conjugator', () => {
  it('follows the -s, -ed and -ing spelling rules', () => {
    expect(en('deny')).toEqual(expect.arrayContaining(['denies', 'denied', 'denying']));
    expect(en('pose')).toEqual(expect.arrayContaining(['poses', 'posed', 'posing']));
    expect(en('pose')).not.toContain('poseing');
    expect(en('agree')).toEqual(expect.arrayContaining(['agrees', 'agreed', 'agreeing']));
    expect(en('tie')).toEqual(expect.arrayContaining(['ties', 'tied', 'tying']));
    expect(en('discuss')).toEqual(expect.arrayContaining(['discusses', 'discussed', 'discussing']));
    // A stressed final syllable doubles its consonant; an unstressed one does not ("visited").
    expect(en('transfer')).toEqual(expect.arrayContaining(['transferred', 'transferring']));
    expect(en('transfer')).not.toContain('transfered');
    expect(en('stop')).toEqual(expect.arrayContaining(['stopped', 'stopping']));
    expect(en('visit')).toEqual(expect.arrayContaining(['visited', 'visiting']));
    expect(en('visit')).not.toContain('visitted');
    // A final l: both spellings.
    expect(en('label')).toEqual(expect.arrayContaining(['labeled', 'labelled', 'labeling', 'labelling']));
  });
  it('takes irregular past and participle from the data', () => {
    expect(en('hold')).toEqual(expect.arrayContaining(['holds', 'held', 'holding']));
    expect(en('hold')).not.toContain('holded');
    expect(en('take')).toEqual(expect.arrayContaining(['takes', 'took', 'taken', 'taking']));
    expect(en('stand')).toEqual(expect.arrayContaining(['stood', 'standing']));
    expect(en('fly')).toEqual(expect.arrayContaining(['flies', 'flew', 'flown', 'flying']));
    expect(en('go')).toEqual(expect.arrayContaining(['goes', 'went', 'gone']));
    // Without its entry, the same verb is regular: the irregular forms are data, not code.
    const bare: VerbLexicon['en'] = { ...LEXICON.en, irregular: {} };
    expect(conjugateEnglish('hold', bare).map((f) => f.form)).toContain('holded');
  });
});

describe('Spanish conjugator', () => {
  it('conjugates regular -ar, -er and -ir verbs in the 3rd persons', () => {
    expect(es('deportar')).toEqual(
      expect.arrayContaining(['deporta', 'deportan', 'deporto', 'deportaron', 'deportaba', 'deportaban', 'deportara', 'deportaran', 'deportaria', 'deportarian', 'deportado', 'deportada', 'deportados', 'deportadas', 'deportando']),
    );
    expect(es('recorrer')).toEqual(expect.arrayContaining(['recorre', 'recorren', 'recorrio', 'recorrieron', 'recorria', 'recorrera', 'recorreria', 'recorrido', 'recorriendo']));
    expect(es('recibir')).toEqual(expect.arrayContaining(['recibe', 'reciben', 'recibio', 'recibieron', 'recibia', 'recibira', 'recibirian', 'recibidas']));
    expect(es('recibir')).not.toContain('recibado');
  });
  it('makes the spelling changes: c→qu, g→gu, z→c, g→j, c→zc, and a y between vowels', () => {
    expect(es('calificar')).toEqual(expect.arrayContaining(['califique', 'califiquen']));
    expect(es('pagar')).toEqual(expect.arrayContaining(['pague', 'paguen']));
    expect(es('garantizar')).toEqual(expect.arrayContaining(['garantice', 'garanticen']));
    expect(es('exigir')).toEqual(expect.arrayContaining(['exija', 'exijan']));
    expect(es('ofrecer')).toEqual(expect.arrayContaining(['ofrezca', 'ofrezcan']));
    expect(es('recluir')).toEqual(expect.arrayContaining(['recluye', 'recluyen', 'recluyo', 'recluyeron', 'recluyendo']));
    expect(es('recluir')).not.toContain('recluie');
  });
  it('adds the common enclitics to the infinitive and the gerund', () => {
    expect(es('deportar')).toEqual(expect.arrayContaining(['deportarlos', 'deportandolos', 'deportarlas']));
  });
  it('takes irregular verbs from the data, prefixed verbs included', () => {
    expect(es('proponer')).toEqual(expect.arrayContaining(['propone', 'proponen', 'propuso', 'propusieron', 'propondra', 'propondria', 'propuesto', 'propuestas']));
    expect(es('retener')).toEqual(expect.arrayContaining(['retiene', 'retienen', 'retuvo', 'retuvieron', 'retendra', 'retenidos', 'retenga']));
    expect(es('decir')).toEqual(expect.arrayContaining(['dice', 'dicen', 'dijo', 'dijeron', 'dira', 'dicho', 'diciendo']));
    expect(es('decir')).not.toContain('dijieron');
    expect(es('pedir')).toEqual(expect.arrayContaining(['pide', 'piden', 'pidio', 'pidieron', 'pidiendo', 'pedido']));
    expect(es('transferir')).toEqual(expect.arrayContaining(['transfiere', 'transfirio', 'transfirieron']));
    expect(es('defender')).toEqual(expect.arrayContaining(['defiende', 'defienden', 'defendio']));
    expect(es('abrir')).toContain('abierto');
    expect(es('abrir')).not.toContain('abrido');
    // Without its entry, "retener" is conjugated as a regular verb ("retenio"), not "retuvo".
    const bare: VerbLexicon['es'] = { ...LEXICON.es, irregular: {} };
    const regular = conjugateSpanish('retener', bare).map((f) => f.form);
    expect(regular).toContain('retenio');
    expect(regular).not.toContain('retuvo');
  });
});

describe('action phrases', () => {
  it('conjugate only the verbs the data lists, not nouns or words kept as written', () => {
    expect(verbPhraseForms('agreement to hold', 'en')).toEqual([]);
    expect(verbPhraseForms('international attention', 'en')).toEqual([]);
    expect(verbPhraseForms('no charges', 'en')).toEqual([]);
    expect(verbPhraseForms('a cambio de un pago', 'es')).toEqual([]);
    // "possibility of sending", "posibilidad de enviar": the verb after a preposition stays.
    expect(verbPhraseForms('possibility of sending', 'en')).toEqual([]);
    expect(verbPhraseForms('posibilidad de enviar', 'es')).toEqual([]);
    expect(verbPhraseForms('deported', 'en')).not.toContain('deportees');
    expect(verbPhraseForms('deported', 'en')).not.toContain('deportation');
    expect(phraseVerb('plans to send', 'en')?.lemmas).toEqual(['plan']);
  });
  it('vary the verb and keep the rest of the phrase', () => {
    expect(verbPhraseForms('posed in front of', 'en')).toEqual(expect.arrayContaining(['poses in front of', 'posing in front of', 'pose in front of']));
    expect(verbPhraseForms('solo pueden salir', 'es')).toEqual(expect.arrayContaining(['solo pudieron salir', 'solo podran salir', 'solo podian salir']));
    expect(verbPhraseForms('acusandolos de', 'es')).toEqual(expect.arrayContaining(['acusarlos de', 'acusandolas de']));
    expect(verbPhraseForms('propusieron', 'es')).toEqual(expect.arrayContaining(['propone', 'propondria', 'propuso']));
  });
  it('do not make a one-word phrase of a bare form that is also a noun', () => {
    const visit = verbPhraseForms('visited', 'en');
    expect(visit).toContain('visiting');
    expect(visit).not.toContain('visit');
    expect(visit).not.toContain('visits');
    expect(verbPhraseForms('condenaron', 'es')).not.toContain('condena');
    // Inside a longer phrase the bare form is a verb.
    expect(verbPhraseForms('visited the prison', 'en')).toContain('visits the prison');
  });
  it('leave to English the Spanish forms that are English verbs of the data ("torture", "abuse")', () => {
    const idx = verbIndex();
    expect(idx.en.lemmasOf.has('torture')).toBe(true);
    expect(verbPhraseForms('torturados', 'es')).not.toContain('torture');
    expect(verbPhraseForms('abusados', 'es')).not.toContain('abuse');
    expect(verbPhraseForms('torturados', 'es')).toEqual(expect.arrayContaining(['torturaron', 'torturadas']));
  });
});

describe('an event found through a form the data never lists', () => {
  const dataset = loadDataset(rawSeedInput());
  const matcher = buildMatcher(dataset);
  const listed = (id: string) => {
    const f = dataset.claims.flatMap((c) => c.facts).find((x) => x.id === id);
    if (!f || f.kind !== 'event') throw new Error(id);
    return new Set([...f.action.en, ...f.action.es].map(foldKey));
  };
  const actionsOf = (sentence: string) =>
    matcher.factPhrases.findAll(foldText(sentence)).flatMap((h) => (matcher.factOwners[h.phrase] ?? []).filter((o) => o.role === 'action').map((o) => matcher.facts[o.fact]?.fact.id));

  it('Spanish: a conditional and a future of irregular verbs', () => {
    expect(listed('f-deportees-held').has('retendria')).toBe(false);
    expect(actionsOf('El Salvador retendría a los deportados en el CECOT.')).toContain('f-deportees-held');
    expect(listed('f-offer-us-citizens').has('propondria')).toBe(false);
    expect(actionsOf('Bukele propondría a Washington recibir a presos estadounidenses.')).toContain('f-offer-us-citizens');
    expect(listed('f-government-defends-cecot').has('defendia')).toBe(false);
    expect(actionsOf('El gobierno defendía el CECOT.')).toContain('f-government-defends-cecot');
  });
  it('English: another person and tense of a phrase', () => {
    expect(listed('f-noem-toured-cecot').has('poses in front of')).toBe(false);
    expect(actionsOf('Noem poses in front of a cell at CECOT.')).toContain('f-noem-toured-cecot');
    expect(listed('f-government-defends-cecot').has('standing by')).toBe(false);
    expect(actionsOf('The government is standing by CECOT.')).toContain('f-government-defends-cecot');
  });
});

describe('the generated Spanish forms of the seeds', () => {
  it('are never an English word of the data that the data does not give in Spanish', () => {
    const dataset = loadDataset(rawSeedInput());
    const words = { en: new Set<string>(), es: new Set<string>() };
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) return o.forEach(walk);
      if (!o || typeof o !== 'object') return;
      const r = o as Record<string, unknown>;
      for (const lang of ['en', 'es'] as const) if (Array.isArray(r[lang])) for (const p of r[lang] as unknown[]) if (typeof p === 'string') foldKey(p).split(/[\s-]+/).forEach((w) => words[lang].add(w));
      Object.values(r).forEach(walk);
    };
    walk(dataset.claims);
    const englishOnly = new Set([...words.en].filter((w) => !words.es.has(w)));
    const bad: string[] = [];
    for (const f of dataset.claims.flatMap((c) => c.facts)) {
      if (f.kind !== 'event') continue;
      for (const p of f.action.es) {
        const ws = foldKey(p).split(' ');
        for (const form of verbPhraseForms(foldKey(p), 'es')) {
          const changed = form.split(' ').find((w, i) => w !== ws[i]);
          if (changed && englishOnly.has(changed)) bad.push(`${p} → ${changed}`);
        }
      }
    }
    expect(englishOnly.has('torture')).toBe(true);
    expect(bad).toEqual([]);
  });
});

describe('seeds/verbs.json', () => {
  it('validates, and a Spanish lemma that is not an infinitive or a form with an accent is rejected', () => {
    const raw = readSeedJson('verbs.json') as { es: { verbs: string[] }; en: { irregular: Record<string, string[]> } };
    expect(VerbsFile.safeParse(raw).success).toBe(true);
    expect(VerbsFile.safeParse({ ...raw, es: { ...raw.es, verbs: [...raw.es.verbs, 'deportados'] } }).success).toBe(false);
    expect(VerbsFile.safeParse({ ...raw, en: { ...raw.en, irregular: { ...raw.en.irregular, hold: ['held', 'héld'] } } }).success).toBe(false);
  });
});
