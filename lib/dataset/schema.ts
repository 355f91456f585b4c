import { z } from '../schema/zod';
import { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';

/**
 * The curated dataset, as it is kept in `seeds/`. Every file in `seeds/` has a
 * schema here; the loader validates them all before anything is stored.
 */

const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, ".", "_" or "-"');
export const Language = z.enum(['en', 'es']);
export type Language = z.infer<typeof Language>;

/** Words and phrases in both languages. Lower-case is not required; matchers fold case. */
export const Terms = z.object({
  en: z.array(z.string().min(1)).default([]),
  es: z.array(z.string().min(1)).default([]),
});
export type Terms = z.infer<typeof Terms>;

// seeds/manifest.json
export const Manifest = z.object({
  id: Id,
  /** Bumped whenever any seed file changes; installs compare it to decide to reload. */
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(-\d+)?$/, 'version is YYYY.MM.DD or YYYY.MM.DD-N'),
  /**
   * SHA-256 over every other seed file (scripts/seed-hash.ts). A test holds it
   * equal to the files, so data cannot change without this line changing, and
   * whoever changes it sees `version` right above it.
   */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().min(1),
  description: z.string().min(1),
  curatedBy: z.string().min(1),
  languages: z.array(Language).min(1),
});
export type Manifest = z.infer<typeof Manifest>;

// seeds/sources.json
export const Source = z.object({
  id: Id,
  /** File name under seeds/sources/, byte-for-byte the article as received. */
  file: z.string().regex(/^[\w.-]+\.txt$/),
  title: z.string().min(1),
  /** The byline exactly as the article gives it, or null when it gives none. */
  byline: z.string().nullable(),
  language: Language,
  /** Publication date when the article gives one (ISO 8601), else null. */
  published: z.string().nullable(),
  /** Where the text came from and what state it is in. */
  origin: z.string().min(1),
  /** SHA-256 of the file, hex: proves the copy is unchanged. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The curator's view of the article as a whole (reliability, problems found). */
  note: z.string().min(1),
  /** The curator's overall rating of the article, shown beside every verdict that rests on it. */
  reliability: z.enum(['low', 'medium', 'high']).optional(),
});
export type Source = z.infer<typeof Source>;

// seeds/subjects.json
/** A group a count may count, with the words that name it next to a number. */
export const CountGroup = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  labelEs: z.string().min(1),
  /** The broader group this one is part of, or null for the whole ("people"). */
  within: z.string().nullable().default(null),
  /**
   * People who are never the subject's (guards, soldiers, police): a count of
   * them is not a count of the subject at all, even beside its words.
   */
  outside: z.boolean().default(false),
  /**
   * Many more people of this group are about than the subject counts (gang
   * members, thousands of them in CECOT besides the deportees): a count of
   * them is the subject's only when the sentence also uses the subject's own
   * words (deported, sent, flights), not on the group's name alone.
   */
  heldBesides: z.boolean().default(false),
  names: Terms,
});
export type CountGroup = z.infer<typeof CountGroup>;

export const SubjectKind = z.enum(['quantity', 'statement']);
export const Subject = z.object({
  /** Dotted key, e.g. `cecot.capacity`; claims about the same thing share it. */
  key: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/),
  label: z.string().min(1),
  labelEs: z.string().min(1),
  kind: SubjectKind,
  /** For quantity subjects: the unit every value of this subject is counted in. */
  unit: z.string().optional(),
  description: z.string().min(1),
  /**
   * Words that, near a number or in a sentence, say the sentence is about this
   * subject ("capacity", "can hold", "capacidad"). The matcher uses them to tell
   * a prison's capacity from a count of deportees that happens to be the same number.
   */
  cues: Terms,
  /**
   * For counts: the groups a number of this subject may count, narrowest last
   * ("people" ⊃ "Venezuelans" ⊃ "Venezuelan gang members"). A page's "238
   * Venezuelans" is then read as a count of a narrower group than the
   * dataset's "261 people", not as another value of the same count.
   */
  groups: z.array(CountGroup).default([]),
  /**
   * For counts: words that, near a number, say it counts another event about
   * the same people (released, returned home, a prisoner swap). Such a number
   * is related to the dataset's count, never compared with it as the same count.
   * For statements: words that, right after the words of one of the subject's events, tell
   * what happened to those people next ("the men held in CECOT were released"): related, not the event.
   */
  otherEvents: Terms.optional(),
  /**
   * For counts of cases of abuse: words said of a count of people, as what happened to them
   * ("40 migrants were beaten", "more than 200 detainees have died"): the number counts people
   * harmed, related to this subject's count and never another subject's count of those people
   * (the deportees sent, the inmates held).
   */
  peopleHarmed: Terms.optional(),
  /**
   * For counts of cases of abuse: words right before a count of people saying a report heard or
   * documented them ("interviewed 40 of the deportees", "the treatment of 40 Venezuelans",
   * "entrevistaron a 40 venezolanos"): the number counts the report's witnesses, related to this
   * subject's count and never another subject's count of those people (the deportees sent).
   */
  peopleHeard: Terms.optional(),
  /**
   * For quantities: words right before a number saying it measures another
   * thing than the subject ("lights on 24 hours a day" is not how long the
   * prisoners are locked in). Such a number is not this subject's.
   */
  otherMeasures: Terms.optional(),
  /**
   * For quantities: the cues that name what the subject measures ("capacity", "inmate population",
   * "deportation flights", "documented cases"), among `cues`. A sentence without a figure of the
   * subject is related to it only through one of these (or a name its claim alone has, "Cristosal"):
   * the other cues ("landed", "entered", "hay", "a la vez", "gave") only tell which subject a number
   * is, and said without one they say nothing of it. Without the list, every specific cue names it.
   */
  namedBy: Terms.optional(),
  /**
   * For hours a day: words beside a duration saying it is the time out of the cell ("leave their
   * cells for 30 minutes", "30 minutes of exercise"): the rest of the day is the time confined.
   */
  timeOut: Terms.optional(),
  /**
   * For hours a day: time out of the cell told in two parts, a word of leaving and a word for the
   * cell a few words after it ("let each man out of his cell", "los sacan media hora de sus celdas");
   * "let out of prison" or "released" names no cell and is not time out of it.
   */
  timeOutParts: z.object({ leave: Terms, cell: Terms }).optional(),
  /**
   * For counts of people: whose count a number is, read from its noun phrase and its clause.
   * `wider` names a wider population or place than the subject's (the country's prisons, the people
   * arrested under the state of exception): a number they stand beside counts another group and is
   * not this subject's, nor is a cue of the subject they stand beside. `own` names the subject's own
   * place or people ("CECOT", "the prison", "la cárcel"): beside the number, it keeps the count the
   * subject's whatever wider place the clause also names ("CECOT, the largest prison in the country").
   * `narrower` names a part of what the subject measures (CECOT, for the whole prison system's cost):
   * a figure said of it, with none of `own` in its clause, is a part's figure, related to the
   * subject's and never in conflict with it unless it exceeds it.
   */
  scope: z.object({ wider: Terms, own: Terms, narrower: Terms.optional() }).optional(),
});
export type Subject = z.infer<typeof Subject>;



export const Qualifier = z.enum([
  'exact',
  'about',
  'up-to',
  'at-least',
  'more-than',
  'less-than',
  'nearly',
  'range',
]);
export type Qualifier = z.infer<typeof Qualifier>;

/** A value or a range, in the subject's unit, with the hedge the text puts on it. */
export const Quantity = z
  .object({
    value: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().min(1),
    qualifier: Qualifier,
    /** The number as the article writes it ("as many as 40,000"). */
    text: z.string().min(1),
    /** For counts: the key of the subject's group this number counts ("people"). */
    group: z.string().optional(),
  })
  .refine((q) => (q.qualifier === 'range' ? q.min !== undefined && q.max !== undefined : q.value !== undefined), {
    message: 'a range needs min and max; any other qualifier needs value',
  });
export type Quantity = z.infer<typeof Quantity>;

export const EntityType = z.enum(['person', 'organisation', 'place', 'facility', 'law', 'group', 'document', 'event']);
export const Entity = z.object({ name: z.string().min(1), type: EntityType, role: z.string().optional() });
export type Entity = z.infer<typeof Entity>;

/** Who makes the claim: the article in its own voice, or someone it quotes or reports. */
export const Claimant = z.object({
  type: z.enum(['article', 'person', 'organisation', 'unidentified']),
  name: z.string().optional(),
  role: z.string().optional(),
});
export type Claimant = z.infer<typeof Claimant>;

export const SourceSpan = z.object({
  sourceId: Id,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
});
export type SourceSpan = z.infer<typeof SourceSpan>;

export const ClaimCategory = z.enum(['quantity', 'event', 'attribution', 'condition', 'legal', 'characterisation']);

/**
 * How the claim stands after the curator read both articles:
 * - corroborated: both articles say it, compatibly;
 * - single-source: only one article says it;
 * - disputed: the articles disagree with each other;
 * - inconsistent: the article contradicts itself on it;
 * - erroneous: the article's wording is evidently wrong, judged from the articles themselves;
 * - unattributed: a quote or claim whose speaker the article does not identify.
 */
export const AssessmentStatus = z.enum(['corroborated', 'single-source', 'disputed', 'inconsistent', 'erroneous', 'unattributed']);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

export const ClaimAssessment = z.object({
  status: AssessmentStatus,
  note: z.string().min(1),
  /** The note in Spanish; optional, so packs and data written before it still validate. */
  noteEs: z.string().min(1).optional(),
  related: z.array(Id).default([]),
});

/**
 * Typed facts: the parts of a claim that can be compared slot by slot (a
 * law's year, the title a person held then, who did what). Each cites the
 * passage of an article that supports it. The matcher compares a page's
 * sentence with them; the words are data, so another topic needs no code.
 */
const FactBase = {
  id: Id,
  /** What the slot is, for a reader: "year of the Alien Enemies Act". */
  label: z.string().min(1),
  labelEs: z.string().min(1),
  sources: z.array(SourceSpan).min(1),
};
/** The year of a named thing (a law, a report). */
export const YearFact = z.object({
  kind: z.literal('year'),
  ...FactBase,
  /** Names of the thing whose year it is. */
  of: Terms,
  /**
   * Words that stand for the thing once the page has named it nearby ("the
   * law", "esta ley", "the wartime law"). With them a year or an age is read
   * as the thing's only when it agrees: another year may be another law's.
   */
  refs: Terms.default({ en: [], es: [] }),
  value: z.number().int(),
  /**
   * The years pages on the topic are written in, to read an age ("a
   * 227-year-old law", "más de 200 años de antigüedad") as a year.
   */
  ageAsOf: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
});
/** The title a person held at the time of the claim. */
export const TitleFact = z.object({
  kind: z.literal('title'),
  ...FactBase,
  person: Terms,
  /** The title as a page may write it, in either language. */
  title: Terms,
  /** Titles a page might wrongly give this person (a former post, a colleague's). */
  otherTitles: Terms,
  /** The title as the article gives it, for explanations. */
  value: z.string().min(1),
  valueEs: z.string().min(1),
});
/** Who did what (to what): a statement with no number to compare. */
export const EventFact = z.object({
  kind: z.literal('event'),
  ...FactBase,
  /** Who did it; empty when the action and its object say enough ("allowed to challenge their removal"). */
  actor: Terms.default({ en: [], es: [] }),
  action: Terms,
  /** What the action is about; empty when the actor and action say enough. */
  object: Terms.default({ en: [], es: [] }),
  /** The article reports this only as someone's claim ("the administration claims"). */
  attributed: z.boolean().default(false),
  /** The article says it did not or cannot happen ("deportees cannot challenge their removal"): a page's denial agrees. */
  negative: z.boolean().default(false),
  /**
   * What a page saying the opposite counts as: a conflict; only "related" for
   * phrases pages use without asserting anything either way ("due process" is
   * named by those who say it was missing and by those who ask for it); or
   * nothing, for words too common to point at this claim unless denied
   * ("convicted", "daylight").
   */
  opposite: z.enum(['conflicts', 'related', 'none']).default('conflicts'),
  /**
   * Subjects whose count, written in the same clause, is what the event is about ("238 Venezuelans
   * were deported to CECOT" is a count of deportees): the number's comparison then speaks for the clause.
   */
  yieldsTo: z.array(z.string().min(1)).default([]),
  /**
   * A neighbouring fact, not the claim itself: a page saying it, or its opposite, bears on the claim
   * without saying what it says ("no criminal record in the US" beside "many have not been convicted"): related.
   */
  neighbour: z.boolean().default(false),
  /** The day of the week the article gives for it ("On Wednesday, Noem toured…"), when it gives one. */
  weekday: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']).optional(),
});
/** The law something rests on: "deported under the Alien Enemies Act". */
export const LawFact = z.object({
  kind: z.literal('law'),
  ...FactBase,
  /** What rests on it ("deported", "deportations"); a page naming another law must name this too. */
  action: Terms,
  /** Words that give a legal basis right before a law's name: "under", "invoking", "bajo", "amparándose en". */
  markers: Terms,
  /** The law's names. */
  law: Terms,
  /** Other laws a page might wrongly give as the basis. */
  otherLaws: Terms,
  /** The law as the article names it, for explanations. */
  value: z.string().min(1),
  valueEs: z.string().min(1),
});
export type LawFact = z.infer<typeof LawFact>;
/**
 * The full name a page spells out beside a short one ("Terrorism Confinement Center (CECOT)").
 * A name whose words are those of one of `names`, in any order and either spelling ("Center for
 * Terrorism Confinement"), agrees; any other name written there ("Detention Center Against
 * Terrorism (CECOT)") conflicts.
 */
export const NameFact = z.object({
  kind: z.literal('name'),
  ...FactBase,
  /** The short name the full one is written beside: "CECOT". */
  of: Terms,
  /** The full name as pages may write it, in either language. */
  names: Terms,
  /** The name as the article gives it, for explanations. */
  value: z.string().min(1),
  valueEs: z.string().min(1),
});
export type NameFact = z.infer<typeof NameFact>;
/**
 * A sum of money with who pays whom and over what period. `period` is null
 * when the article gives none: then a page's period cannot be refuted.
 */
export const MoneyFact = z.object({
  kind: z.literal('money'),
  ...FactBase,
  payer: Terms,
  payee: Terms,
  period: z.enum(['once', 'year', 'month']).nullable(),
  /**
   * Words that, beside a sum, make it another figure of the same deal (a rate
   * per prisoner, a saving, a further sum): related, never compared as this one.
   */
  otherSums: Terms,
});
export type MoneyFact = z.infer<typeof MoneyFact>;
export type YearFact = z.infer<typeof YearFact>;
export type TitleFact = z.infer<typeof TitleFact>;
export type EventFact = z.infer<typeof EventFact>;
export const Fact = z.discriminatedUnion('kind', [YearFact, TitleFact, EventFact, LawFact, MoneyFact, NameFact]);
export type Fact = z.infer<typeof Fact>;
export type FactKind = Fact['kind'];

// seeds/claims.json
export const Claim = z.object({
  id: Id,
  statement: z.string().min(1),
  statementEs: z.string().min(1),
  subject: z.string().min(1),
  category: ClaimCategory,
  quantity: Quantity.optional(),
  entities: z.array(Entity).default([]),
  claimant: Claimant,
  /** The date the claim refers to, as precise as the article gives it (ISO or a phrase such as "first half of 2024"). */
  date: z.string().nullable().default(null),
  sources: z.array(SourceSpan).min(1),
  terms: Terms,
  assessment: ClaimAssessment,
  /** The typed facts this claim carries, compared slot by slot. */
  facts: z.array(Fact).default([]),
  /**
   * For a claim the curator flags (an article states as fact what it elsewhere
   * reports as someone's claim): the dataset claim that says the same thing as
   * a claim. A page that hedges or attributes it ("alleged gang members", "the
   * administration says they are gang members") agrees with that one, and
   * repeats no error.
   */
  attributedAs: Id.optional(),
});
export type Claim = z.infer<typeof Claim>;

// seeds/assessments.json: the curator's notes across claims and articles.
export const CrossAssessment = z.object({
  id: Id,
  kind: z.enum(['agreement', 'difference', 'only-one-source', 'internal-inconsistency', 'error']),
  title: z.string().min(1),
  /** Title and note in Spanish; optional, so packs and data written before them still validate. */
  titleEs: z.string().min(1).optional(),
  note: z.string().min(1),
  noteEs: z.string().min(1).optional(),
  claims: z.array(Id).min(1),
  sources: z.array(Id).min(1),
});
export type CrossAssessment = z.infer<typeof CrossAssessment>;

export const ManifestFile = Manifest;
export const SourcesFile = z.object({ sources: z.array(Source).min(1) });
export const SubjectsFile = z.object({ subjects: z.array(Subject).min(1) });
/** A name for a list of phrases several facts share ("@rights-groups"), written once in claims.json. */
export const PhraseGroupName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'phrase group names are lower-case letters, digits and "-"');
/**
 * Synonyms and aliases shared by the claims' typed facts and terms: a phrase
 * "@name" in a fact's actor, action or object, or in a claim's terms, stands
 * for the group's phrases in the same language. The loader expands them, so
 * what is stored and matched is plain phrases.
 */
export const PhraseGroups = z.record(PhraseGroupName, Terms);
export type PhraseGroups = z.infer<typeof PhraseGroups>;
export const ClaimsFile = z.object({ phraseGroups: PhraseGroups.default({}), claims: z.array(Claim).min(1) });
export const AssessmentsFile = z.object({ assessments: z.array(CrossAssessment) });

/**
 * seeds/verbs.json: the verbs the events' action phrases use, by lemma, and their irregular forms
 * (folded, no accents), so that lib/match/conjugate.ts generates their other tenses and persons.
 */
const Folded = z.string().regex(/^[a-z]+$/, 'a verb form is one folded word (a-z)');
export const VerbsFile = z.object({
  $comment: z.string().optional(),
  en: z.object({
    verbs: z.array(Folded),
    /** Lemma → [past, participle, more forms…]. */
    irregular: z.record(Folded, z.array(Folded).min(1)),
    doubleFinal: z.array(Folded),
    nounBase: z.array(Folded),
  }),
  es: z.object({
    verbs: z.array(Folded.regex(/(?:ar|er|ir)$/, 'a Spanish lemma is an infinitive')),
    irregular: z.record(
      Folded,
      z.object({
        like: Folded.optional(),
        present: Folded.optional(),
        ir3: Folded.optional(),
        pret: Folded.optional(),
        fut: Folded.optional(),
        part: Folded.optional(),
        subj: Folded.optional(),
        forms: z.array(Folded).optional(),
      }).strict(),
    ),
    nounBase: z.array(Folded),
  }),
});
export type VerbsFile = z.infer<typeof VerbsFile>;
