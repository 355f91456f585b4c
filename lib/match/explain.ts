/**
 * Explanations a reader understands, built from what the matcher compared
 * (structured data) and a template per language. The matcher stores the
 * structured detail with every match, so the sidebar can say it again in the
 * reader's interface language without comparing anything twice.
 */
import { z } from '../schema/zod';

export type Locale = 'en' | 'es';

/** A label in both languages. */
export const Bilingual = z.object({ en: z.string(), es: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/** What the two sides said, by kind of comparison. */
export const ExplainDetail = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('quantity'),
    subject: Bilingual,
    /** The page's value as a reader would write it ("238", "nearly 300"). */
    page: z.string(),
    data: z.string(),
    compatible: z.boolean(),
    /** Set when the page counts another group than the dataset does. */
    group: z
      .object({
        page: Bilingual,
        data: Bilingual,
        /** narrower: a part of the dataset's group; broader: the page's group contains it; other: neither. */
        relation: z.enum(['narrower', 'broader', 'other']),
      })
      .optional(),
  }),
  z.object({ type: z.literal('year'), slot: Bilingual, page: z.number(), data: z.number() }),
  z.object({
    type: z.literal('title'),
    slot: Bilingual,
    person: z.string(),
    /** The title as the page writes it. */
    page: z.string(),
    data: Bilingual,
    /** The page says the post was held before ("former governor"). */
    former: z.boolean(),
  }),
  z.object({ type: z.literal('event'), slot: Bilingual, negated: z.boolean(), unattributed: z.boolean() }),
  z.object({
    type: z.literal('statement'),
    subject: Bilingual,
    words: z.array(z.string()),
    says: z.boolean(),
    negated: z.boolean(),
    /** A quantity subject the sentence names without a figure. */
    noFigure: z.boolean(),
  }),
]);
export type ExplainDetail = z.infer<typeof ExplainDetail>;

export type ExplainRelation = 'agrees' | 'conflicts' | 'related' | 'repeats-error';

/** The curator's verdict on a dataset claim, when it is an error flagged in the dataset. */
export type FlaggedStatus = 'erroneous' | 'inconsistent';

// "Number of deportees" → "number of deportees", "Current CECOT population" → "current CECOT population"; "Kristi Noem’s visit" stays.
const lower = (s: string): string => (/^[A-Z][a-z]+ (?:[a-z]|[A-Z]{2,}\b)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const quoteWords = (words: readonly string[], locale: Locale): string =>
  words
    .slice(0, 3)
    .map((w) => (locale === 'es' ? `«${w}»` : `“${w}”`))
    .join(', ');

/** One plain sentence (or two) saying what the page says, what the dataset's source says, and how they stand. */
export function explain(detail: ExplainDetail, relation: ExplainRelation, locale: Locale, flagged?: FlaggedStatus): string {
  const base = locale === 'es' ? explainEs(detail, relation) : explainEn(detail, relation);
  if (relation !== 'repeats-error') return base;
  if (locale === 'es') return `${base} Pero el curador marcó esa afirmación del conjunto de datos como ${flagged === 'inconsistent' ? 'incoherente' : 'errónea'}.`;
  return `${base} But the curator flagged that dataset claim as ${flagged === 'inconsistent' ? 'inconsistent' : 'an error'}.`;
}

function explainEn(d: ExplainDetail, relation: ExplainRelation): string {
  switch (d.type) {
    case 'quantity': {
      const subject = lower(d.subject.en);
      if (d.group && d.group.relation !== 'other' && d.group.page.en !== d.group.data.en) {
        const pg = d.group.page.en;
        const dg = d.group.data.en;
        if (relation === 'conflicts') {
          return d.group.relation === 'narrower'
            ? `The page counts ${d.page} ${pg}, more than the ${d.data} ${dg} in all that the dataset's source gives (${subject}).`
            : `The page counts ${d.page} ${pg} in all, fewer than the ${d.data} ${dg} alone that the dataset's source gives (${subject}).`;
        }
        return d.group.relation === 'narrower'
          ? `The page counts ${d.page} ${pg}; the dataset's source counts ${d.data} ${dg} (${subject}). A narrower group, so both can be true.`
          : `The page counts ${d.page} ${pg}; the dataset's source counts ${d.data} ${dg} (${subject}). A broader group, so both can be true.`;
      }
      if (d.group && d.group.relation === 'other') {
        return `The page counts ${d.page} ${d.group.page.en}; the dataset's source counts ${d.data} ${d.group.data.en} (${subject}). Different groups: nothing to compare directly.`;
      }
      return d.compatible
        ? `The page says ${d.page}; the dataset's source says ${d.data} for ${subject}. The figures fit together.`
        : `The page says ${d.page}; the dataset's source says ${d.data} for ${subject}. Both cannot be true.`;
    }
    case 'year':
      return d.page === d.data
        ? `The page gives ${d.page} as the ${d.slot.en}, as the dataset's source does.`
        : `The page says ${d.page}; the dataset's source says ${d.data} for the ${d.slot.en}.`;
    case 'title':
      if (d.former) return `The page calls ${d.person} “${d.page}”, a post held before; at the time the dataset's source gives ${d.data.en}.`;
      return relation === 'conflicts'
        ? `The page calls ${d.person} “${d.page}”; the dataset's source gives ${d.data.en} as ${d.person}'s title at the time.`
        : `The page gives ${d.person}'s title as the dataset's source does: ${d.data.en}.`;
    case 'event':
      if (d.negated) return `The page denies ${d.slot.en}, which the dataset's source reports.`;
      if (d.unattributed) return `The page states ${d.slot.en} as fact; the dataset's source reports it only as a claim.`;
      return `The page reports ${d.slot.en}, as the dataset's source does.`;
    case 'statement': {
      const subject = lower(d.subject.en);
      const words = d.words.length ? ` (shared words: ${quoteWords(d.words, 'en')})` : '';
      if (d.negated) return `The page denies what the dataset says about ${subject}${words}.`;
      if (d.says) return `The page says what the dataset says about ${subject}${words}.`;
      if (d.noFigure) return `The page is about ${subject}${words} but gives no figure to compare.`;
      return `The page touches on ${subject}${words}; it neither confirms nor contradicts the dataset.`;
    }
  }
}

function explainEs(d: ExplainDetail, relation: ExplainRelation): string {
  switch (d.type) {
    case 'quantity': {
      const subject = d.subject.es.toLowerCase().replace('cecot', 'CECOT');
      if (d.group && d.group.relation !== 'other' && d.group.page.es !== d.group.data.es) {
        const pg = d.group.page.es;
        const dg = d.group.data.es;
        if (relation === 'conflicts') {
          return d.group.relation === 'narrower'
            ? `La página cuenta ${d.page} ${pg}, más que los ${d.data} ${dg} en total que da la fuente del conjunto de datos (${subject}).`
            : `La página cuenta ${d.page} ${pg} en total, menos que los ${d.data} ${dg} que da la fuente del conjunto de datos (${subject}).`;
        }
        return d.group.relation === 'narrower'
          ? `La página cuenta ${d.page} ${pg}; la fuente del conjunto de datos cuenta ${d.data} ${dg} (${subject}). Es un grupo más reducido, así que ambas cifras pueden ser ciertas.`
          : `La página cuenta ${d.page} ${pg}; la fuente del conjunto de datos cuenta ${d.data} ${dg} (${subject}). Es un grupo más amplio, así que ambas cifras pueden ser ciertas.`;
      }
      if (d.group && d.group.relation === 'other') {
        return `La página cuenta ${d.page} ${d.group.page.es}; la fuente del conjunto de datos cuenta ${d.data} ${d.group.data.es} (${subject}). Son grupos distintos: no hay comparación directa.`;
      }
      return d.compatible
        ? `La página dice ${d.page}; la fuente del conjunto de datos dice ${d.data} (${subject}). Las cifras son compatibles.`
        : `La página dice ${d.page}; la fuente del conjunto de datos dice ${d.data} (${subject}). No pueden ser ciertas las dos.`;
    }
    case 'year':
      return d.page === d.data
        ? `La página da ${d.page} como ${d.slot.es}, igual que la fuente del conjunto de datos.`
        : `La página dice ${d.page}; la fuente del conjunto de datos dice ${d.data} (${d.slot.es}).`;
    case 'title':
      if (d.former) return `La página llama a ${d.person} «${d.page}», un cargo anterior; en ese momento la fuente del conjunto de datos le da el cargo de ${d.data.es}.`;
      return relation === 'conflicts'
        ? `La página llama a ${d.person} «${d.page}»; según la fuente del conjunto de datos, en ese momento era ${d.data.es}.`
        : `La página da a ${d.person} el mismo cargo que la fuente del conjunto de datos: ${d.data.es}.`;
    case 'event':
      if (d.negated) return `La página niega ${d.slot.es}, que la fuente del conjunto de datos sí reporta.`;
      if (d.unattributed) return `La página presenta como un hecho ${d.slot.es}; la fuente del conjunto de datos lo reporta solo como una afirmación.`;
      return `La página reporta ${d.slot.es}, igual que la fuente del conjunto de datos.`;
    case 'statement': {
      const subject = d.subject.es.toLowerCase().replace('cecot', 'CECOT');
      const words = d.words.length ? ` (palabras en común: ${quoteWords(d.words, 'es')})` : '';
      if (d.negated) return `La página niega lo que el conjunto de datos dice sobre ${subject}${words}.`;
      if (d.says) return `La página dice lo mismo que el conjunto de datos sobre ${subject}${words}.`;
      if (d.noFigure) return `La página trata de ${subject}${words}, pero no da una cifra para comparar.`;
      return `La página toca el tema de ${subject}${words}; no confirma ni contradice el conjunto de datos.`;
    }
  }
}
