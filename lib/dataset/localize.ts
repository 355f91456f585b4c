import type { Locale } from '../i18n/translate';
import type { Claim, CrossAssessment, Source, Subject } from './schema';

/**
 * Dataset text in the interface language. The dataset holds Spanish
 * statements, subject labels and curator's notes beside the English ones;
 * where it holds a text in one language only (the articles' titles and
 * quotes, notes from packs), it is returned with the language it is in, so that the interface
 * can mark it (`lang`) and a screen reader pronounces it right.
 */
export interface LangText {
  text: string;
  lang: Locale;
}

export function statementFor(claim: Pick<Claim, 'statement' | 'statementEs'>, locale: Locale): string {
  return locale === 'es' ? claim.statementEs : claim.statement;
}

export function subjectLabelFor(subject: Pick<Subject, 'label' | 'labelEs'>, locale: Locale): string {
  return locale === 'es' ? subject.labelEs : subject.label;
}

/** English, or the Spanish version when the interface is Spanish and one was written. */
function pick(en: string, es: string | undefined, locale: Locale): LangText {
  return locale === 'es' && es ? { text: es, lang: 'es' } : { text: en, lang: 'en' };
}

/**
 * The curator's note on one claim. The bundled notes have a Spanish version;
 * a claim from a pack or added by the reader may have the English note only.
 */
export function curatorNoteFor(claim: { assessment: Pick<Claim['assessment'], 'note' | 'noteEs'> }, locale: Locale): LangText {
  return pick(claim.assessment.note, claim.assessment.noteEs, locale);
}

/** The curator's note across claims (title and text), each in Spanish when it has a Spanish version. */
export function crossAssessmentFor(a: Pick<CrossAssessment, 'title' | 'titleEs' | 'note' | 'noteEs'>, locale: Locale): { title: LangText; note: LangText } {
  return { title: pick(a.title, a.titleEs, locale), note: pick(a.note, a.noteEs, locale) };
}

/** A source article's title, in the article's own language whatever the interface's. */
export function sourceTitleFor(source: Pick<Source, 'title' | 'language'>): LangText {
  return { text: source.title, lang: source.language };
}

/**
 * The statement of a dataset claim known by id, falling back to what the page
 * report carried (English) when the dataset is not loaded yet, and to the id.
 */
export function statementById(id: string, claims: ReadonlyMap<string, Pick<Claim, 'statement' | 'statementEs'>>, locale: Locale, fallback?: string): string {
  const claim = claims.get(id);
  return claim ? statementFor(claim, locale) : (fallback ?? id);
}
