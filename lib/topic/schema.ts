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

/**
 * A near-miss that names the topic only as another country's model ("a prison like CECOT" for
 * Honduras, "el modelo Bukele" in Ecuador): the page is off topic when a model term is mentioned
 * with a comparison cue close by, another country is the page's subject, and the page carries at
 * most `maxFacts` of the topic's own facts (a page about the deal that compares in passing stays).
 */
export const TopicComparison = z.object({
  id: Id,
  /** As shown: "speaks of {label}, which points away from the topic". */
  label: z.string().min(1),
  labelEs: z.string().min(1).optional(),
  /** Term ids another country may take as its model (CECOT, Bukele). */
  models: z.array(Id).min(1),
  /** Words that make a mention a comparison ("modelo", "al estilo", "like", "inspired by"). */
  cues: Phrases,
  /** How close, in characters, a cue must be to a model's mention. */
  within: z.number().int().positive().default(150),
  /** Another country as a subject: its names, people, leaders. */
  subjects: Phrases,
  /** A subject is named at least this many times (title and URL occurrences boosted as for terms): one mention is in passing. */
  minMentions: z.number().int().min(1).default(1),
  /**
   * Term ids of the topic's own place (El Salvador): the other country must be named at least as
   * often as these together (title occurrences boosted alike), or up front (see `lead`), so that a
   * page about the topic naming a neighbour in passing keeps its subject. Empty: one mention is enough.
   */
  outnumbers: z.array(Id).default([]),
  /**
   * A country named in the title or in the text's first `lead` characters is the page's subject
   * however often the topic's own place is named (a page on a neighbour's copy names the original's
   * country at every comparison).
   */
  lead: z.number().int().min(0).default(400),
  /**
   * The topic's own facts (the deal, the deportees, the law, the prison's own conditions): each
   * is present when one of its terms occurs, one of its combos holds or one of its phrases is found.
   */
  facts: z
    .array(
      z.object({
        id: Id,
        terms: z.array(Id).default([]),
        combos: z.array(Id).default([]),
        phrases: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1),
  /** A page with more of the topic's own facts than this is about the topic, whatever it compares. */
  maxFacts: z.number().int().min(0).default(1),
  /**
   * "fact": each fact present counts; "sentence": facts first seen in one sentence count once (one
   * background sentence, "since the US sent its deportees there under a deal", is one fact).
   */
  countFactsBy: z.enum(['fact', 'sentence']).default('fact'),
});
export type TopicComparison = z.infer<typeof TopicComparison>;

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
    /**
     * Words for a prison or a part of one, folded (lower case, no accents): after a definite article or a
     * possessive ("the prison", "its cells", "la cárcel", "el penal") they stand for the prison the
     * paragraph last named (`ParagraphPlace` in lib/match/carried-reference.ts).
     */
    prisonNouns: z.array(z.string().min(1)).default([]),
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
    comparisons: z.array(TopicComparison).default([]),
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
    const comboIds = new Set(t.combos.map((c) => c.id));
    for (const [i, c] of t.comparisons.entries()) {
      const term = (path: Array<string | number>, id: string) => {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['comparisons', i, ...path], message: `unknown term "${id}"` });
      };
      c.models.forEach((id, j) => term(['models', j], id));
      c.outnumbers.forEach((id, j) => term(['outnumbers', j], id));
      for (const [k, f] of c.facts.entries()) {
        f.terms.forEach((id, j) => term(['facts', k, 'terms', j], id));
        for (const [j, id] of f.combos.entries()) {
          if (!comboIds.has(id)) ctx.addIssue({ code: 'custom', path: ['comparisons', i, 'facts', k, 'combos', j], message: `unknown combo "${id}"` });
        }
        if (!f.terms.length && !f.combos.length && !f.phrases.length) {
          ctx.addIssue({ code: 'custom', path: ['comparisons', i, 'facts', k], message: 'a fact needs terms, combos or phrases' });
        }
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
