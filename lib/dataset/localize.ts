import type { Locale } from '../i18n/translate';
import type { Claim, CrossAssessment, Source, Subject } from './schema';

/**
 * Dataset text in the interface language. The dataset holds Spanish
 * statements and subject labels beside the English ones; where it holds a
 * text in one language only (the curator's notes, the articles' titles and
 * quotes), it is returned with the language it is in, so that the interface
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

/** The curator's note on one claim: written in English only, so far. */
export function curatorNoteFor(claim: Pick<Claim, 'assessment'>, _locale: Locale): LangText {
  return { text: claim.assessment.note, lang: 'en' };
}

/** The curator's note across claims (title and text): written in English only, so far. */
export function crossAssessmentFor(a: Pick<CrossAssessment, 'title' | 'note'>, _locale: Locale): { title: LangText; note: LangText } {
  return { title: { text: a.title, lang: 'en' }, note: { text: a.note, lang: 'en' } };
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
