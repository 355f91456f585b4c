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
  'migrantes', 'venezolanos', 'venezolano', 'deportados', 'enviados', 'trasladados', 'expulsados', 'llegaron',
  'recibio', 'recluidos', 'custodia', 'trato', 'condiciones', 'terroristas', 'pandillas', 'banda',
  'firmado', 'firmo', 'acordo', 'anuncio', 'defiende', 'denuncian', 'condenado', 'condenados', 'procesados',
]);

// Verb and noun endings of English and Spanish, longest first: what a predicate's other forms differ by.
const PREDICATE_ENDINGS = [
  'ations', 'ation', 'aciones', 'acion', 'iendo', 'ando', 'ieron', 'aron', 'ados', 'adas', 'idos', 'idas', 'ings', 'ing',
  'ies', 'ied', 'ado', 'ada', 'ido', 'ida', 'ed', 'es', 'ar', 'er', 'ir', 'io', 's', 'o', 'a', 'e',
].sort((a, b) => b.length - a.length);

/**
 * The other inflections of a predicate phrase ("criticized", "allowed to
 * challenge", "impugnar"): each word of six letters or more loses a common
 * English or Spanish ending and matches as a prefix ("critici*", "allow* to
 * challeng*", "impugn*"), so data lists a verb once and the page may write it
 * in any tense, person or as its noun. Short words are kept whole ("sent",
 * "held"): a short prefix catches unrelated words. Returns null when nothing
 * changes.
 */
export function inflectPhrase(folded: string): string | null {
  if (folded.includes('*')) return null;
  let changed = false;
  const words = folded.split(' ').map((w) => {
    if (w.length < 6 || !/^[a-z]+$/.test(w)) return w;
    for (const e of PREDICATE_ENDINGS) {
      if (!w.endsWith(e) || w.length - e.length < 5) continue;
      let stem = w.slice(0, -e.length);
      if ((e === 'ed' || e === 'ing') && /([b-df-hj-np-tv-z])\1$/.test(stem)) stem = stem.slice(0, -1);
      changed = true;
      return `${stem}*`;
    }
    return w;
  });
  return changed ? words.join(' ') : null;
}
