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
