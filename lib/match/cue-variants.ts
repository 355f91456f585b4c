/**
 * Helpers that widen what the curated cues catch without changing the data.
 */

// Longest first, so "deportados" loses "ados", not just "s".
const ENDINGS = ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 's', 'aron', 'ados', 'adas', 'idos', 'idas', 'ado', 'ada', 'ido', 'ida', 'os', 'as', 'o', 'a', 'e'].sort(
  (a, b) => b.length - a.length,
);

/**
 * A single-word cue written in one inflection ("transferred", "deportó")
 * should also catch the others ("transfers", "deportation", "deportados"):
 * strip a common English or Spanish ending and match the stem as a prefix.
 * Stems shorter than five letters are left alone ("sent", "held"), since a
 * short prefix catches unrelated words.
 */
export function stemCue(folded: string): string {
  if (/[\s*-]/.test(folded) || folded.length < 6) return folded;
  for (const e of ENDINGS) {
    // "population" must not become "popul*" (popular, populist): long endings need a longer stem.
    const min = e.length >= 4 ? 6 : 5;
    if (!folded.endsWith(e) || folded.length - e.length < min) continue;
    let stem = folded.slice(0, -e.length);
    // "transferred" → "transfer*", "expelled" → "expel*".
    if ((e === 'ed' || e === 'ing') && /([b-df-hj-np-tv-z])\1$/.test(stem)) stem = stem.slice(0, -1);
    return `${stem}*`;
  }
  return folded;
}

const DENOMINATOR_ES: Record<string, string> = {
  cell: 'celda',
  day: 'dia',
  year: 'ano',
  month: 'mes',
  week: 'semana',
  person: 'persona',
  prisoner: 'preso',
  inmate: 'reo',
  flight: 'vuelo',
};

/**
 * Cues implied by a per-something unit: a subject counted in "people/cell" is
 * about cells, one in "hours/day" about days ("per day", "a day", "al día").
 */
export function unitCues(unit: string | undefined): string[] {
  const denominator = unit?.split('/')[1]?.trim().toLowerCase();
  if (!denominator) return [];
  const cues = [`per ${denominator}`, `a ${denominator}`, `each ${denominator}`, `${denominator}s`, denominator];
  const es = DENOMINATOR_ES[denominator];
  if (es) cues.push(`por ${es}`, `al ${es}`, `cada ${es}`, `${es}s`, es);
  return cues;
}

/**
 * Words so common in news that, alone, they say little about any subject
 * ("today", "deal", "held"). They still help place a number, but count for
 * less when deciding that a sentence is about a subject at all.
 */
export const GENERIC_WORDS = new Set([
  'inmates', 'prisoners', 'detainees', 'people', 'men', 'women', 'prison', 'reos', 'presos', 'reclusos', 'detenidos',
  'personas', 'hombres', 'carcel', 'penal',
  'today', 'currently', 'now', 'house', 'houses', 'held', 'contain', 'shelter', 'sent', 'arrived', 'removed', 'deal',
  'agreement', 'pay', 'paid', 'pays', 'cost', 'costs', 'fee', 'tour', 'visit', 'signed', 'agreed', 'announced',
  'law', 'gang', 'police', 'judge', 'hearing', 'message', 'highlight', 'strengthen', 'treatment', 'conditions',
  'secretary', 'president', 'commission', 'criticism', 'violations', 'controversial', 'alarmed',
  'migrants', 'venezuelans', 'venezuelan', 'deported', 'deportees', 'transferred', 'expelled', 'terrorism',
  'hoy', 'actualmente', 'alberga', 'internos', 'acuerdo', 'pacto', 'convenio', 'trato', 'pago', 'pagar',
  'pagara', 'costo', 'cuesta', 'presupuesto', 'gira', 'dias', 'visita', 'ley', 'juez', 'audiencia', 'seguridad',
  'apoyo', 'mensaje', 'criticas', 'alarma', 'secretario', 'secretaria', 'presidente', 'comision',
  'migrantes', 'venezolanos', 'venezolano', 'estadounidense', 'estadounidenses', 'deportados', 'enviados', 'trasladados', 'expulsados', 'llegaron',
  'recibio', 'recluidos', 'custodia', 'trato', 'condiciones', 'terroristas', 'pandillas', 'banda',
  'firmado', 'firmo', 'acordo', 'anuncio', 'defiende', 'denuncian', 'condenado', 'condenados', 'procesados',
]);

// A Spanish verb's endings, by conjugation, longest first when stripping: "-ar" verbs ("torturados",
// "condenaron", "denuncian") and "-er"/"-ir" verbs ("detenidos", "recibieron", "exigen"). The class
// the written word shows decides the forms generated, so "torturados" never takes the endings of the
// other class, nor the present subjunctive ("torture", "abuse"), which reads as English.
// A bare "-o" ("condenó", "traslado") is taken for an "-ar" verb, the most common class.
const ES_ENDINGS: ReadonlyArray<readonly [string, 'ar' | 'ir']> = (
  [
    ...['aciones', 'acion', 'aron', 'ando', 'aban', 'aba', 'ados', 'adas', 'ado', 'ada', 'arian', 'aria', 'ara', 'an', 'ar', 'a', 'o'].map((e) => [e, 'ar'] as const),
    ...['ieron', 'iendo', 'idos', 'idas', 'ido', 'ida', 'en', 'er', 'ir', 'io', 'e'].map((e) => [e, 'ir'] as const),
  ] as Array<readonly [string, 'ar' | 'ir']>
).sort((a, b) => b[0].length - a[0].length);
// The forms generated from a stem: the verb's tenses and persons (not its nouns, which name other
// things: "deportees", "detainees"; curators list a noun where it says the same, "criticism").
const ES_FORMS = {
  ar: ['a', 'an', 'o', 'ar', 'aron', 'ado', 'ada', 'ados', 'adas', 'ando', 'aba', 'aban', 'ara', 'aria', 'arian'],
  ir: ['e', 'en', 'o', 'io', 'ieron', 'ido', 'ida', 'idos', 'idas', 'iendo', 'er', 'ir'],
} as const;

/** Spanish: the stem and class of the word, and every form of that class. Not a verb form, none. */
function spanishForms(word: string): string[] {
  const hit = ES_ENDINGS.find(([e]) => word.endsWith(e) && word.length - e.length >= 4);
  if (!hit) return [];
  const [ending, cls] = hit;
  const stem = word.slice(0, -ending.length);
  // An infinitive says which of "-er" and "-ir" it is; other forms do not, and take both.
  const inf = ending === 'er' || ending === 'ir' ? ending : undefined;
  return ES_FORMS[cls].filter((f) => !inf || (f !== 'er' && f !== 'ir') || f === inf).map((f) => stem + f);
}

// English: a stem left by "-ed"/"-ing" that lost a silent "e" ("criticiz", "releas", "tortur",
// "violat", "decid"), not one that never had it ("deport", "mistreat", "confirm", "visit").
const LOST_E = /(?:c|v|z|u|dg|rg|eg|[ae]ng|[^aeiou]ar|[^aeioulrnsw]l|[^cs]s|[^aeiou][aeiou][dkm]|[^aeiou]in|[^a]ir|[^o]ur|[^aeo]at|[^aeiou][uo]t|rib|[^aeiou]ap)$/;

const MODALS = new Set(['will', 'shall', 'would', 'could', 'should', 'might', 'must']);

/** English: the base of the word ("transferred" → "transfer"), then its -s, -ed and -ing forms. */
function englishForms(word: string): string[] {
  let base = word;
  let doubled = false;
  const m = /^(.{4,}?)(ings|ing|ied|ies|ed|es|s)$/.exec(word);
  if (m && !/(?:ss|us|is)$/.test(word)) {
    const [, stem = '', ending] = m;
    if (ending === 'ied' || ending === 'ies') base = `${stem}y`;
    else if (ending === 's') base = stem;
    else if (ending === 'es') base = /(?:ss|x|ch|sh|zz)$/.test(stem) ? stem : `${stem}e`;
    else if (/([b-df-hj-kmnp-rtv-z])\1$/.test(stem) || (/ll$/.test(stem) && stem.length >= 6)) {
      // "transferred" → "transfer", "stopped" → "stop", "expelled" → "expel" (not "killed", "pressed").
      base = stem.slice(0, -1);
      doubled = true;
    } else if (/e$/.test(stem)) base = `${stem}e`; // "agreed" → "agree"
    else base = LOST_E.test(stem) ? `${stem}e` : stem;
  }
  // "willing" is not a form of "will".
  if (MODALS.has(base)) return [];
  const y = /[^aeiou]y$/.test(base);
  const third = y ? `${base.slice(0, -1)}ies` : /(?:s|x|z|ch|sh)$/.test(base) ? `${base}es` : `${base}s`;
  const double = doubled ? base.slice(-1) : '';
  const past = y ? `${base.slice(0, -1)}ied` : /e$/.test(base) ? `${base}d` : `${base}${double}ed`;
  const ing = /ie$/.test(base) ? `${base.slice(0, -2)}ying` : /[^e]e$/.test(base) ? `${base.slice(0, -1)}ing` : `${base}${double}ing`;
  return [base, third, past, ing];
}

const AUX_WORDS = (lang: 'en' | 'es') => new Set(AUX[lang].flat().map((a) => a.split(' ')[0]));

/**
 * The other forms of a predicate phrase written once in the data
 * ("criticized" → "criticize", "criticizes", "criticizing"; "condenaron" →
 * "condena", "condenó", "condenado"…): its first word of six letters or more
 * loses its ending and takes each ending of the same language and, in Spanish,
 * of the same conjugation. Whole words are generated, not a prefix, so the
 * nouns that share the stem ("deportees", "detainees") are not taken for the
 * verb, and the scan stays one trie. Short words are kept as they are ("sent",
 * "held", "met"); a passive ("fueron golpeados") is passiveForms'.
 */
export function inflectPhrase(folded: string, lang: 'en' | 'es'): string[] {
  if (folded.includes('*')) return [];
  const words = folded.split(' ');
  if (words.length > 1 && AUX_WORDS(lang).has(words[0] as string)) return [];
  const at = words.findIndex((w) => w.length >= 6 && /^[a-z]+$/.test(w));
  if (at < 0) return [];
  const word = words[at] as string;
  const out = new Set<string>();
  for (const form of lang === 'es' ? spanishForms(word) : englishForms(word)) if (form.length >= 3) out.add(words.with(at, form).join(' '));
  out.delete(folded);
  return [...out];
}

// Auxiliaries a passive or a state is written with, interchangeable for what a sentence reports
// ("were sent to", "have been sent to"; "fueron enviados", "han sido enviados").
const AUX = {
  en: [
    ['was', 'were', 'is', 'are', 'has been', 'have been', 'had been', 'will be', 'being', 'been'],
  ],
  es: [
    ['fue', 'fueron', 'es', 'son', 'ha sido', 'han sido', 'habia sido', 'habian sido', 'sera', 'seran', 'sido', 'ser'],
    ['esta', 'estan', 'estaba', 'estaban', 'estuvo', 'estuvieron', 'ha estado', 'han estado', 'sigue', 'siguen', 'permanece', 'permanecen'],
  ],
} as const;

/**
 * The other ways of writing a passive predicate written once in the data: its auxiliary in every
 * tense and person ("were sent to" → "have been sent to", "had been sent to", "being sent to";
 * "fueron enviados" → "han sido enviados", "fue enviada"), and in Spanish the participle in either
 * gender and number. A phrase that does not start with an auxiliary has none.
 */
export function passiveForms(folded: string, lang: 'en' | 'es'): string[] {
  if (folded.includes('*')) return [];
  const out = new Set<string>();
  for (const group of AUX[lang]) {
    // Longest auxiliary first: "has been sent" is "has been" + "sent", not "has" + "been sent".
    const aux = [...group].sort((a, b) => b.length - a.length).find((a) => folded.startsWith(`${a} `));
    if (!aux) continue;
    const rest = folded.slice(aux.length + 1);
    const [head = '', ...tail] = rest.split(' ');
    const participles = lang === 'es' && /(?:ad|id)[oa]s?$/.test(head) ? ['o', 'a', 'os', 'as'].map((e) => head.replace(/[oa]s?$/, e)) : [head];
    for (const a of group) for (const p of participles) out.add([a, p, ...tail].join(' '));
  }
  out.delete(folded);
  return [...out];
}
