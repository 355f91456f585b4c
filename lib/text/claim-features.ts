import { PhraseSet, type PhraseHit } from './phrase-set';
import type { ParsedQuantity } from './parse-quantities';

/**
 * What makes a sentence worth checking, in English and Spanish: numbers,
 * attributed statements and quotes, events with dates, legal references.
 * The phrases are matched in one pass over the whole text (see `PhraseSet`),
 * then counted per sentence.
 */

export interface ClaimFeatures {
  /** Quantities other than years. */
  quantities: number;
  /** "said", "according to", "dijo", "según", "afirmó"… */
  attribution: boolean;
  /** A quotation of three words or more. */
  quote: boolean;
  /** A date, a weekday, a month or a year. */
  date: boolean;
  /** A law, a court, a judge, a ruling, an article of law. */
  legal: boolean;
  /** Capitalised names after the first word. */
  names: number;
  /** Ends with a question mark outside a quotation. */
  question: boolean;
  /** Dataset terms or subject cues found in the sentence (set by the analyzer). */
  topical: number;
  /**
   * Of `topical`, the terms that are not the topic's background words (El
   * Salvador, a prison, deportations, the deal), which every sentence of an
   * on-topic page uses (set by the analyzer where it counts: finished statements and clauses).
   */
  specific: number;
  /**
   * Reads as a finished statement: ends with a full stop or an exclamation
   * (not a headline, a label or a caption), or runs long enough to be one
   * whose end the page lost.
   */
  complete: boolean;
}

const ATTRIBUTION = [
  'said', 'says', 'say', 'told', 'stated', 'stating', 'announced', 'reported', 'claimed', 'claims', 'added', 'argued',
  'argue', 'argues', 'insisted', 'confirmed', 'denied', 'acknowledged', 'admitted', 'alleged', 'warned', 'wrote', 'tweeted',
  'posted', 'emphasized', 'noted', 'testified', 'according to', 'in a statement', 'a statement from', 'spokesperson',
  'spokesman', 'spokeswoman', 'asked', 'estimated', 'estimates',
  'dijo', 'dice', 'dicen', 'afirmo', 'afirma', 'aseguro', 'asegura', 'declaro', 'declara', 'senalo', 'senala', 'indico',
  'indica', 'informo', 'informa', 'anuncio', 'anuncia', 'explico', 'agrego', 'sostuvo', 'sostiene', 'denuncio', 'denuncia',
  'reconocio', 'admitio', 'nego', 'advirtio', 'escribio', 'publico', 'segun', 'de acuerdo con', 'en un comunicado',
  'portavoz', 'vocero', 'pregunto', 'estimo', 'reporto', 'confirmo',
  // Other persons and tenses real pages use as often: "contended", "dijeron", "aseguraron", "denuncian".
  'contended', 'contends', 'revealed', 'reveals', 'accused', 'accuses', 'described', 'describes', 'insists', 'insist',
  'stressed', 'maintained', 'maintains', 'asserted', 'asserts', 'alleges', 'allege', 'explained', 'explains', 'recalled',
  'recounted', 'declared', 'declares', 'charged', 'charges', 'suggested', 'suggests',
  'dijeron', 'afirmaron', 'afirman', 'aseguraron', 'aseguran', 'declararon', 'senalaron', 'senalan', 'indicaron',
  'informaron', 'anunciaron', 'explicaron', 'explica', 'agregaron', 'anadio', 'anadieron', 'sostuvieron', 'sostienen',
  'denunciaron', 'denuncian', 'reconocieron', 'reconoce', 'admitieron', 'negaron', 'niega', 'niegan', 'advirtieron',
  'advierte', 'escribieron', 'estimaron', 'reportaron', 'confirmaron', 'destaco', 'destacaron', 'relato', 'relataron',
  'conto', 'contaron', 'narro', 'narraron', 'revelo', 'revelaron', 'acuso', 'acusaron', 'acusa', 'acusan', 'califico',
  'calificaron', 'alego', 'alegaron', 'alega', 'alegan', 'manifesto', 'expreso', 'expresaron', 'subrayo', 'insistio',
  'recordo', 'aclaro', 'asevero', 'de acuerdo a',
];

/**
 * Verbs of saying the list above lacks, in the persons pages use, and the perfect tenses ("han denunciado",
 * "le ha dicho"; the participle alone is often an adjective or a determiner: "dicho acuerdo", "el acusado").
 * They make a sentence worth listing as attributed; they do not (yet) hedge what it says, as `reportsOnly`
 * reads the older list, so what a sentence is compared as stays as it was.
 */
const SAYING = [
  'mentioned', 'countered', 'reiterated', 'pointed out', 'underscored', 'emphasised', 'commented', 'vowed', 'urged',
  'menciono', 'mencionaron', 'defendio', 'defendieron', 'criticaron', 'cuestiono', 'cuestionaron', 'precisaron',
  'enfatizo', 'enfatizaron', 'resalto', 'resaltaron', 'comento', 'comentaron', 'reitero', 'reiteraron', 'detallo',
  'detallaron', 'puntualizo', 'argumentaron', 'remarco', 'expuso', 'opino',
  ...perfectTenses(
    ['ha', 'han', 'habia', 'habian', 'he', 'hemos'],
    ['dicho', 'afirmado', 'asegurado', 'senalado', 'denunciado', 'declarado', 'indicado', 'informado', 'anunciado',
      'explicado', 'reconocido', 'advertido', 'mencionado', 'defendido', 'criticado', 'cuestionado', 'negado', 'admitido',
      'confirmado', 'revelado', 'acusado', 'alegado', 'sostenido', 'insistido', 'manifestado', 'expresado', 'reiterado',
      'precisado', 'destacado', 'calificado', 'asegurado', 'relatado', 'contado', 'narrado'],
  ),
];

/** Every auxiliary before every participle: "ha dicho", "han denunciado". */
function perfectTenses(auxiliaries: readonly string[], participles: readonly string[]): string[] {
  return auxiliaries.flatMap((a) => participles.map((p) => `${a} ${p}`));
}

const LEGAL = [
  'act', 'law', 'laws', 'statute', 'court', 'courts', 'judge', 'judges', 'justice', 'ruling', 'ruled', 'rule of law',
  'supreme court', 'constitution', 'constitutional', 'treaty', 'convention', 'habeas', 'due process', 'lawsuit', 'sued',
  'injunction', 'order', 'executive order', 'proclamation', 'decree', 'article', 'section', 'legal', 'illegal', 'unlawful',
  'ley', 'leyes', 'tribunal', 'tribunales', 'corte', 'juez', 'jueza', 'jueces', 'fallo', 'sentencia', 'constitucion',
  'tratado', 'decreto', 'orden ejecutiva', 'articulo', 'demanda', 'debido proceso', 'habeas corpus', 'ilegal', 'legal',
  'proclama', 'regimen de excepcion', 'estado de excepcion',
];

const DATES = [
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'last week',
  'last month', 'last year', 'this week', 'this month', 'earlier this month', 'earlier this year',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre',
  'diciembre', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'ayer', 'la semana pasada',
  'el mes pasado', 'el ano pasado', 'este mes', 'este ano',
];

/**
 * Verbs of saying that present what follows as true ("Rubio confirmed that the deportees, members of
 * the gang, …"): the page reports a fact, not someone's claim, so they do not hedge what the sentence says.
 */
const FACTIVE = [
  'confirmed', 'acknowledged', 'admitted', 'revealed', 'reveals',
  'confirmo', 'confirmaron', 'reconocio', 'reconocieron', 'reconoce', 'admitio', 'admitieron', 'revelo', 'revelaron',
];

/** Feature phrases in one set; `kindOf[phrase]` says which feature each belongs to. */
export const FEATURE_PHRASES = new PhraseSet([...ATTRIBUTION, ...SAYING, ...LEGAL, ...DATES]);
const KIND: Array<'attribution' | 'saying' | 'legal' | 'date'> = [];
for (const [list, kind] of [
  [ATTRIBUTION, 'attribution'],
  [SAYING, 'saying'],
  [LEGAL, 'legal'],
  [DATES, 'date'],
] as const) {
  for (const p of list) {
    const i = FEATURE_PHRASES.indexOf(p);
    if (i >= 0 && KIND[i] === undefined) KIND[i] = kind;
  }
}

const FACTIVE_INDEX = new Set(FACTIVE.map((p) => FEATURE_PHRASES.indexOf(p)).filter((i) => i >= 0));

/** Some hit attributes what the sentence says to someone without vouching for it ("said", "según"; not "confirmed"). */
export function reportsOnly(hits: readonly PhraseHit[]): boolean {
  return hits.some((h) => KIND[h.phrase] === 'attribution' && !FACTIVE_INDEX.has(h.phrase));
}

const OPEN_QUOTE = /["“«]/;
/** A capitalised word after a space or an opening bracket. */
const NAME_WORD = /(?<=[\s(])\p{Lu}[\p{Ll}\p{Lu}]+/gu;
/** A full stop or exclamation at the end, possibly inside a closing quote or bracket ("…inhumane." ”). */
const FINISHED = /[.!…]["”»'’)\]]*$/;
/** Twenty words or more (longer than a headline): a sentence, even where the page (or its excerpt) cut it before its full stop. */
const LONG_UNFINISHED = /^(?:\S+\s+){19}\S/;

/** Features of the sentence [start, end) of `text`, given the feature hits and quantities inside it. */
export function sentenceFeatures(
  text: string,
  start: number,
  end: number,
  hits: readonly PhraseHit[],
  quantities: readonly ParsedQuantity[],
): ClaimFeatures {
  let attribution = false;
  let legal = false;
  let date = false;
  for (const h of hits) {
    const kind = KIND[h.phrase];
    if (kind === 'attribution' || kind === 'saying') attribution = true;
    else if (kind === 'legal') legal = legal || legalHit(text, h);
    else if (kind === 'date') date = true;
    if (legal && attribution && date) break;
  }
  let count = 0;
  for (const q of quantities) {
    if (q.category === 'year') date = true;
    else count++;
  }
  const s = text.slice(start, end);
  const quote = OPEN_QUOTE.test(s) && /["“«][^"”»]{12,}["”»]?/.test(s);
  // Names: capitalised words not at the start of the sentence or after a quote opening.
  // (Counted one match at a time: no list of them is needed.)
  const body = s.slice(1);
  let names = 0;
  NAME_WORD.lastIndex = 0;
  while (NAME_WORD.exec(body) !== null) names++;
  const question = /\?["”»']?$/.test(s) && !quote;
  const complete = !question && (FINISHED.test(s) || LONG_UNFINISHED.test(s));
  return { quantities: count, attribution, quote, date, legal, names, question, topical: 0, specific: 0, complete };
}

// "act" and "order" are legal only as names ("Alien Enemies Act", "Executive Order"), so capitals are required.
function legalHit(text: string, h: PhraseHit): boolean {
  const word = text.slice(h.start, h.end);
  if (/^(act|order|section|article|convention|justice)$/i.test(word)) return /^\p{Lu}/u.test(word);
  return true;
}

/**
 * A score in [0, 1]: how much a fact-checker would want to look at the
 * sentence. Numbers weigh most, then attribution, legal references, dates and
 * relevance to the dataset; questions and very short sentences weigh less.
 */
export function checkWorthiness(f: ClaimFeatures, words: number): number {
  let s = 0;
  if (f.quantities > 0) s += 0.4 + Math.min(f.quantities - 1, 2) * 0.05;
  if (f.attribution) s += 0.25;
  if (f.quote) s += 0.1;
  if (f.legal) s += 0.2;
  if (f.date) s += 0.1;
  if (f.names >= 2) s += 0.05;
  s += Math.min(f.topical, 3) * 0.08;
  // A finished statement in the dataset's own terms says something about what the dataset
  // claims, with or without a number ("CECOT prisoners are never allowed outdoors"):
  // two terms make it worth checking on their own, one adds to a legal or attributed statement.
  if (f.complete && words >= 6) s += f.specific >= 2 ? 0.2 : f.specific === 1 ? 0.08 : 0;
  if (f.question) s -= 0.25;
  // Very short sentences are mostly labels and fragments; a short one with figures ("256 cells in eight blocks.") still counts.
  if (words < 6) s -= f.quantities > 0 && words >= 4 ? 0.05 : 0.2;
  if (words > 80) s -= 0.1;
  return Math.max(0, Math.min(1, Math.round(s * 100) / 100));
}
