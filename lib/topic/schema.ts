import { z } from '../schema/zod';

/**
 * `seeds/topic.json`: what makes a page "about" the topic. Data, not code: a
 * different topic file (another prison, another deal) works without changing
 * the recognizer.
 *
 * Phrases use the `PhraseSet` syntax (case and accents ignored, `*` ends a word
 * with anything, a hyphen also matches a space or nothing, whole words only).
 */

const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, ".", "_" or "-"');
const Phrases = z.array(z.string().min(1)).min(1);

/** A family of phrases that count as one thing ("El Salvador", "salvadoreño", "Salvadoran"). */
export const TopicTerm = z.object({
  id: Id,
  /** How a reason names it: "names {label}" / "mentions {label}". */
  label: z.string().min(1),
  /** The same in Spanish, with its article ("el CECOT", "a Bukele"); optional, English is shown without it. */
  labelEs: z.string().min(1).optional(),
  /** "names" for proper names of the topic itself, "mentions" for everything else. */
  verb: z.enum(['names', 'mentions']).default('mentions'),
  phrases: Phrases,
  /**
   * Score for the first occurrence; more occurrences add less and less
   * (weight × (1 + ln n)). Zero for terms that only count inside combos.
   */
  weight: z.number().min(0),
});
export type TopicTerm = z.infer<typeof TopicTerm>;

/** Terms that together say more than each alone ("Alien Enemies Act" + "El Salvador"). */
export const TopicCombo = z.object({
  id: Id,
  /** What the page speaks of, as shown in the reason "speaks of {label}": "the Alien Enemies Act and El Salvador". */
  label: z.string().min(1),
  labelEs: z.string().min(1).optional(),
  /** Term ids; every one must occur. */
  all: z.array(Id).min(2),
  weight: z.number().positive(),
  /**
   * When set, the terms must all occur within this many characters of each
   * other somewhere in the page (same sentence or paragraph, roughly); when
   * absent, anywhere on the page will do.
   */
  within: z.number().int().positive().optional(),
  /**
   * Combos of one group read the same evidence two ways ("mega-prison +
   * El Salvador", "mega-prison + Bukele" in one sentence): only the strongest
   * that fires counts, so one sentence is not counted twice.
   */
  group: Id.optional(),
});
export type TopicCombo = z.infer<typeof TopicCombo>;

/** Contexts that point to a near-miss (another prison, bitcoin, ICE raids in the US). */
export const TopicNegative = z.object({
  id: Id,
  /** As shown: "speaks of {label}, which points away from the topic". */
  label: z.string().min(1),
  labelEs: z.string().min(1).optional(),
  phrases: Phrases,
  /** Subtracted for the first occurrence, then weight × (1 + ln n). */
  weight: z.number().positive(),
  /** Term ids that cancel this penalty when present (a page naming CECOT may mention Guantánamo). */
  unless: z.array(Id).default([]),
  /**
   * True for rival subjects (other prisons): a sentence naming one, and no term
   * marked `anchor`, is not compared with the dataset.
   */
  rival: z.boolean().default(false),
  /**
   * True for contexts that name another prison or another country: a later sentence of the same
   * paragraph that refers to "the prison", "its cells", "la cárcel" without naming one speaks of
   * that place, not of the topic's (`ParagraphPlace` in lib/match/carried-reference.ts).
   */
  place: z.boolean().default(false),
});
export type TopicNegative = z.infer<typeof TopicNegative>;

export const Topic = z
  .object({
    id: Id,
    version: z.string().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    languages: z.array(z.string().min(2)).min(1),
    /** Raw score at which a page is on topic; the reported score is raw / (raw + threshold), so 0.5 there. */
    threshold: z.number().positive(),
    /** An occurrence in the title counts as this many in the body. */
    titleBoost: z.number().min(1).default(2),
    /** An occurrence in the URL counts as this many in the body. */
    urlBoost: z.number().min(0).default(1),
    /** Term ids naming the topic itself; sentences naming one are always compared with the dataset. */
    anchors: z.array(Id).default([]),
    /**
     * Term ids naming the topic's own country ("El Salvador", "Salvadoran"): a sentence naming one
     * and no other prison or country speaks of the topic's place, so "the prison" after it is not
     * another country's (see negatives' `place`).
     */
    places: z.array(Id).default([]),
    gate: z.object({
      /**
       * Any of these in the title, URL or first `maxChars` of text lets the page
       * through to the recognizer. Tuned for recall: the recognizer decides.
       */
      phrases: Phrases,
      maxChars: z.number().int().positive().default(6000),
    }),
    terms: z.array(TopicTerm).min(1),
    combos: z.array(TopicCombo).default([]),
    negatives: z.array(TopicNegative).default([]),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    for (const [i, term] of t.terms.entries()) {
      if (ids.has(term.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `duplicate term id "${term.id}"` });
      ids.add(term.id);
    }
    for (const [i, c] of t.combos.entries()) {
      for (const [j, id] of c.all.entries()) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['combos', i, 'all', j], message: `unknown term "${id}"` });
      }
    }
    for (const [i, n] of t.negatives.entries()) {
      for (const [j, id] of n.unless.entries()) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['negatives', i, 'unless', j], message: `unknown term "${id}"` });
      }
    }
    for (const [i, id] of t.anchors.entries()) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['anchors', i], message: `unknown term "${id}"` });
    }
    for (const [i, id] of t.places.entries()) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['places', i], message: `unknown term "${id}"` });
    }
  });
export type Topic = z.infer<typeof Topic>;
export type TopicInput = z.input<typeof Topic>;

/** Validates a topic file; throws a readable error naming the first problem. */
export function parseTopic(data: unknown): Topic {
  const result = Topic.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? issue.path.join('.') || '(root)' : '(root)';
  throw new Error(`topic file ${where}: ${issue?.message ?? 'invalid'}`);
}
