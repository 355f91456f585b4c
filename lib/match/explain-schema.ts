import { z } from '../schema/zod';

/** A value as compared: the number or range, its hedge and unit. Rendered per language. */
export const ValueText = z.object({
  qualifier: z.enum(['exact', 'about', 'up-to', 'at-least', 'more-than', 'less-than', 'nearly', 'range']),
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** The subject's unit ("people", "USD/year"); absent when the group counted is named instead. */
  unit: z.string().optional(),
});
export type ValueText = z.infer<typeof ValueText>;

/** A label in both languages. */
export const Bilingual = z.object({ en: z.string(), es: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/** What the two sides said, by kind of comparison. */
export const ExplainDetail = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('quantity'),
    subject: Bilingual,
    page: ValueText,
    data: ValueText,
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
    /** A count the page tells in parts ("238 Venezuelans and 23 Salvadorans"); `page` is their sum. */
    parts: z.array(z.object({ value: z.number(), group: Bilingual, qualifier: ValueText.shape.qualifier.optional() })).optional(),
    /** The page's figure is for a part of what the subject measures (CECOT's cost, for the prison system's). */
    partOf: z.boolean().optional(),
    /** The page's number counts another event about the same people (a release, a return home). */
    otherEvent: z.boolean().optional(),
    /** The page's number counts people harmed (beaten, tortured, dead), not the cases the dataset counts. */
    harmed: z.boolean().optional(),
    /** The page's number counts people a report heard (interviewed, whose treatment it documents), not the cases the dataset counts. */
    heard: z.boolean().optional(),
    /** The page gives the time out of the cell; `page` is the rest of the day, confined. */
    timeOut: z
      .object({ qualifier: ValueText.shape.qualifier, value: z.number().optional(), min: z.number().optional(), max: z.number().optional(), unit: z.enum(['minutes', 'hours']) })
      .optional(),
    /** A sum compared with a money fact: another figure of the deal, payer and payee swapped, the periods. */
    money: z
      .object({
        otherSum: z.boolean(),
        swapped: z.boolean(),
        payer: Bilingual,
        payee: Bilingual,
        pagePeriod: z.enum(['year', 'month', 'once']).nullable(),
        dataPeriod: z.enum(['year', 'month', 'once']).nullable(),
      })
      .optional(),
  }),
  /** A year; with `century`, the page gives only the century (`page` is its number: 18 for the 1700s). */
  z.object({
    type: z.literal('year'),
    slot: Bilingual,
    page: z.number(),
    data: z.number(),
    century: z.boolean().optional(),
    /** The page gives an age ("227 years", "más de 200 años"), as written; `page` is then the year it reads as. */
    age: z.string().optional(),
    /** With `age`: whether the age fits the year. */
    fits: z.boolean().optional(),
  }),
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
  z.object({
    type: z.literal('event'),
    slot: Bilingual,
    negated: z.boolean(),
    unattributed: z.boolean(),
    /** The page questions the evidence for it ("no evidence that…"). */
    doubted: z.boolean().optional(),
    /** The page reports someone denying what the article gives only as a claim. */
    disputed: z.boolean().optional(),
    /** The page names it without saying whether it happened (a fact whose `opposite` is "related"). */
    mention: z.boolean().optional(),
    /** The page reports a neighbouring fact of the claim (`EventFact.neighbour`). */
    neighbour: z.boolean().optional(),
    /** The clause tells another event about the same people (`subjects[].otherEvents`: a release, a return home). */
    otherEvent: z.boolean().optional(),
  }),
  /** The law something rests on: the page's as written, the dataset's in both languages. */
  z.object({ type: z.literal('law'), slot: Bilingual, page: z.string(), data: Bilingual }),
  /** A full name written beside a short one: the page's as written, the dataset's in both languages. */
  z.object({ type: z.literal('name'), slot: Bilingual, page: z.string(), data: Bilingual }),
  /** The day of the week of an event: the page's word, the dataset's day. */
  z.object({ type: z.literal('date'), slot: Bilingual, page: z.string(), data: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) }),
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
