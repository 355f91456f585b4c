/**
 * Verb forms from a lemma, so that an event's action written once in the data ("propusieron",
 * "retuvo", "posed") also matches the other tenses and persons a page uses ("propone", "retiene",
 * "poses"). A regular conjugator per language does the rules (English -s/-ed/-ing spelling, the
 * Spanish -ar/-er/-ir paradigms with their spelling changes); the irregular verbs are data
 * (seeds/verbs.json), and only the verbs listed there are conjugated: a noun sharing a stem
 * ("deportees", "reputation") is never taken for a verb, and whole words are generated, not stems.
 * Everything is folded (lower case, no accents), as the phrase sets match.
 */
import verbsJson from '../../seeds/verbs.json';
import { VerbsFile } from '../dataset/schema';

export type Lang = 'en' | 'es';

/** A Spanish verb's departures from the regular paradigm (see seeds/verbs.json "$comment"). */
export interface SpanishIrregular {
  like?: string;
  present?: string;
  ir3?: string;
  pret?: string;
  fut?: string;
  part?: string;
  subj?: string;
  forms?: string[];
}

export interface VerbLexicon {
  en: { verbs: string[]; irregular: Record<string, string[]>; doubleFinal: string[]; nounBase: string[] };
  es: { verbs: string[]; irregular: Record<string, SpanishIrregular>; nounBase: string[] };
}

/** The kind of a form, for the rules that keep some forms out of some phrases. */
export type Slot = 'base' | 'third' | 'past' | 'participle' | 'ing' | 'inf' | 'present' | 'preterite' | 'imperfect' | 'future' | 'conditional' | 'gerund' | 'subjunctive' | 'clitic' | 'extra';

export type Paradigm = Array<{ form: string; slot: Slot }>;

const VOWEL = /[aeiou]/;

/** English: base, -s, past, participle and -ing of a verb (irregulars from the lexicon). */
export function conjugateEnglish(lemma: string, lex: VerbLexicon['en'] = LEXICON.en): Paradigm {
  const irr = lex.irregular[lemma];
  const y = /[^aeiou]y$/.test(lemma);
  const third = y ? `${lemma.slice(0, -1)}ies` : /(?:s|x|z|ch|sh|[^aeiou]o)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  // A final consonant doubles after one stressed vowel: monosyllables ("stop"), and the verbs the
  // lexicon lists ("transfer", "expel"); a final "l" is doubled in British spelling only ("labelled").
  const last = lemma.slice(-1);
  const cvc = /^[^aeiou]*[aeiou][b-df-hj-np-tv-z]$/.test(lemma) && !/[wxy]$/.test(lemma);
  const doubles = cvc || lex.doubleFinal.includes(lemma);
  const stems = doubles ? (last === 'l' && !cvc ? [lemma, lemma + last] : [lemma + last]) : [lemma];
  const regularPast = stems.map((s) => (y ? `${lemma.slice(0, -1)}ied` : /e$/.test(s) ? `${s}d` : `${s}ed`));
  const ing = stems.map((s) => (/ie$/.test(s) ? `${s.slice(0, -2)}ying` : /[^eyo]e$/.test(s) ? `${s.slice(0, -1)}ing` : `${s}ing`));
  const out: Paradigm = [
    { form: lemma, slot: 'base' },
    { form: third, slot: 'third' },
  ];
  if (irr) {
    out.push({ form: irr[0] as string, slot: 'past' }, { form: (irr[1] ?? irr[0]) as string, slot: 'participle' });
    for (const extra of irr.slice(2)) out.push({ form: extra, slot: 'extra' });
  } else for (const p of regularPast) out.push({ form: p, slot: 'past' }, { form: p, slot: 'participle' });
  for (const g of ing) out.push({ form: g, slot: 'ing' });
  return out;
}

const CLITICS = ['lo', 'la', 'los', 'las', 'le', 'les', 'se'];

/**
 * Spanish: infinitive, present, preterite, imperfect, future, conditional and present subjunctive in
 * the 3rd persons, the participle in both genders and numbers, the gerund, and the infinitive and
 * gerund with an enclitic ("deportarlos", "acusandolos"). Regular -ar/-er/-ir rules with the spelling
 * changes (c→qu, g→gu, z→c before e; g→j, c→z/zc before a; an unstressed i between vowels → y);
 * what a verb does otherwise comes from the lexicon.
 */
export function conjugateSpanish(lemma: string, lex: VerbLexicon['es'] = LEXICON.es): Paradigm {
  const irr = lex.irregular[lemma] ?? {};
  if (irr.like) {
    const prefix = lemma.slice(0, lemma.length - irr.like.length);
    return conjugateSpanish(irr.like, lex).map(({ form, slot }) => ({ form: prefix + form, slot }));
  }
  const cls = lemma.slice(-2);
  const stem = lemma.slice(0, -2);
  const out: Paradigm = [];
  const add = (slot: Slot, ...forms: string[]) => forms.forEach((form) => out.push({ form, slot }));
  if (irr.forms && lemma.length <= 3) {
    // A short, wholly irregular verb ("dar") lists its forms.
    add('extra', ...irr.forms);
    return out;
  }
  const ar = cls === 'ar';
  // "-uir" verbs ("construir", "recluir") take a y before a vowel other than i; "-guir", "-quir" do not.
  const uir = cls === 'ir' && /[^gq]u$/.test(stem);
  const vowelStem = !ar && /[aeiou]$/.test(stem) && !/[gq]u$/.test(stem);
  const pres = irr.present ?? stem;
  const ir3 = irr.ir3 ?? stem;
  add('inf', lemma);
  if (ar) add('present', `${pres}a`, `${pres}an`);
  else if (uir) add('present', `${pres}ye`, `${pres}yen`);
  else add('present', `${pres}e`, `${pres}en`);
  if (irr.pret) add('preterite', `${irr.pret}o`, /j$/.test(irr.pret) ? `${irr.pret}eron` : `${irr.pret}ieron`);
  else if (ar) add('preterite', `${stem}o`, `${stem}aron`);
  else if (vowelStem) add('preterite', `${ir3}yo`, `${ir3}yeron`);
  else add('preterite', `${ir3}io`, `${ir3}ieron`);
  add('imperfect', ...(ar ? [`${stem}aba`, `${stem}aban`] : [`${stem}ia`, `${stem}ian`]));
  const fut = irr.fut ?? lemma;
  add('future', `${fut}a`, `${fut}an`);
  add('conditional', `${fut}ia`, `${fut}ian`);
  const part = irr.part ? irr.part.slice(0, -1) : ar ? `${stem}ad` : `${stem}id`;
  add('participle', `${part}o`, `${part}a`, `${part}os`, `${part}as`);
  const gerund = ar ? `${stem}ando` : vowelStem ? `${ir3}yendo` : `${ir3}iendo`;
  add('gerund', gerund);
  let subj = irr.subj;
  if (!subj) {
    if (ar) subj = pres.replace(/c$/, 'qu').replace(/g$/, 'gu').replace(/z$/, 'c');
    else if (uir) subj = `${pres}y`;
    else subj = pres.replace(/gu$/, 'g').replace(/g$/, 'j').replace(/([aeiou])?c$/, (_, v: string | undefined) => (v ? `${v}zc` : 'z'));
  }
  add('subjunctive', ...(ar ? [`${subj}e`, `${subj}en`] : [`${subj}a`, `${subj}an`]));
  for (const c of CLITICS) add('clitic', lemma + c, gerund + c);
  if (irr.forms) add('extra', ...irr.forms);
  return out;
}

/** The bundled lexicon, validated once when loaded. */
export const LEXICON: VerbLexicon = VerbsFile.parse(verbsJson);

export interface VerbIndex {
  /** Written form → the lemmas it is a form of. */
  lemmasOf: Map<string, string[]>;
  paradigm: Map<string, Paradigm>;
  nounBase: Set<string>;
}

function indexLanguage(lang: Lang, lex: VerbLexicon): VerbIndex {
  const lemmasOf = new Map<string, string[]>();
  const paradigm = new Map<string, Paradigm>();
  for (const lemma of lex[lang].verbs) {
    const forms = lang === 'en' ? conjugateEnglish(lemma, lex.en) : conjugateSpanish(lemma, lex.es);
    paradigm.set(lemma, forms);
    for (const { form } of forms) {
      const list = lemmasOf.get(form) ?? [];
      if (!list.includes(lemma)) list.push(lemma);
      lemmasOf.set(form, list);
    }
  }
  return { lemmasOf, paradigm, nounBase: new Set(lex[lang].nounBase) };
}

const indexes = new WeakMap<VerbLexicon, Record<Lang, VerbIndex>>();
/** Both languages' forms, built once per lexicon. */
export function verbIndex(lex: VerbLexicon = LEXICON): Record<Lang, VerbIndex> {
  let idx = indexes.get(lex);
  if (!idx) {
    const en = indexLanguage('en', lex);
    const es = indexLanguage('es', lex);
    // A generated form that is a form of the other language's verbs ("torture", "abuse": Spanish
    // subjunctives, English bases) is left to that language, so a page in one is not read as the other.
    for (const [a, b] of [[en, es], [es, en]] as const) {
      for (const [lemma, forms] of a.paradigm) a.paradigm.set(lemma, forms.filter(({ form }) => !b.lemmasOf.has(form) || a.paradigm.get(lemma)?.[0]?.form === form));
    }
    idx = { en, es };
    indexes.set(lex, idx);
  }
  return idx;
}

// Words after which a verb stays as written: an infinitive after "to", "para", "de", a modal; a
// gerund after a preposition ("possibility of sending"); a participle after "been"; and a word after a
// determiner is a noun ("no charges", "un pago").
const KEEP_AFTER: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['to', 'of', 'for', 'by', 'in', 'on', 'with', 'about', 'without', 'will', 'would', 'shall', 'should', 'can', 'could', 'cannot', "can't", 'may', 'might', 'must', 'not', 'never', 'been', 'being', 'be', 'the', 'a', 'an', 'no', 'any', 'its', 'their', 'his', 'her', 'these', 'those', 'such']),
  es: new Set(['para', 'de', 'a', 'al', 'por', 'sin', 'en', 'que', 'sido', 'ser', 'el', 'la', 'los', 'las', 'un', 'una', 'su', 'sus', 'del']),
};
// A phrase that starts with an auxiliary or a modal is a passive or a future: its forms are the
// auxiliary's (passiveForms), not the participle's.
const AUX_START: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'shall', 'should', 'can', 'could', 'cannot', 'may', 'might', 'must']),
  es: new Set(['fue', 'fueron', 'es', 'son', 'ha', 'han', 'habia', 'habian', 'sera', 'seran', 'sido', 'ser', 'esta', 'estan', 'estaba', 'estaban', 'estuvo', 'estuvieron', 'sigue', 'siguen']),
};

/** The verb of a phrase: the first word that is a form of a listed verb and not kept as written. */
export function phraseVerb(folded: string, lang: Lang, idx = verbIndex()[lang]): { at: number; lemmas: string[] } | null {
  const words = folded.split(' ');
  if (words.length > 1 && AUX_START[lang].has(words[0] as string)) return null;
  for (let i = 0; i < words.length; i++) {
    const lemmas = idx.lemmasOf.get(words[i] as string);
    if (!lemmas) continue;
    if (i > 0 && KEEP_AFTER[lang].has(words[i - 1] as string)) continue;
    return { at: i, lemmas };
  }
  return null;
}

/** A bare form of a verb that is also a common noun ("visit", "visits"; "condena"): not a phrase alone. */
export function nounLike(idx: VerbIndex, lemma: string, form: string, slot: Slot): boolean {
  return idx.nounBase.has(lemma) && (slot === 'base' || slot === 'third' || (slot === 'present' && !/n$/.test(form)));
}

/**
 * The other forms of an event's action phrase: its verb in every tense and person the conjugator
 * gives ("propusieron a" → "propone a", "propondra a"…, "acusandolos de"), the rest of the phrase
 * kept. A bare form that is also a common noun ("visit", "condena") is not generated as a phrase of
 * one word.
 */
export function verbPhraseForms(folded: string, lang: Lang, lex: VerbLexicon = LEXICON): string[] {
  if (folded.includes('*')) return [];
  const idx = verbIndex(lex)[lang];
  const verb = phraseVerb(folded, lang, idx);
  if (!verb) return [];
  const words = folded.split(' ');
  const out = new Set<string>();
  for (const lemma of verb.lemmas) {
    for (const { form, slot } of idx.paradigm.get(lemma) ?? []) {
      if (words.length === 1 && nounLike(idx, lemma, form, slot)) continue;
      out.add(words.with(verb.at, form).join(' '));
    }
  }
  out.delete(folded);
  return [...out];
}
