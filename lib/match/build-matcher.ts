import type { Claim, CountGroup, Fact, Subject } from '../dataset/schema';
import { foldKey, foldText } from '../text/fold';
import { PhraseSet } from '../text/phrase-set';
import { GENERIC_WORDS, passiveForms, stemCue, unitCues } from './cue-variants';
import { verbPhraseForms } from './conjugate';
import { unitCategory, type QuantityCategory } from '../text/quantity-lexicon';

/** The parts of the dataset the matcher reads (a `Dataset` fits). */
export interface MatcherDataset {
  subjects: readonly Subject[];
  claims: readonly Claim[];
}

export interface SubjectInfo {
  subject: Subject;
  /** For quantity subjects: the unit's category and its base ("people/cell" → count, "people"). */
  category: QuantityCategory | null;
  baseUnit: string | null;
  /** Indexes into `Matcher.claims`. */
  claims: number[];
  quantityClaims: number[];
  /** For counts: the groups it may count, and one phrase set of their names (phrase → group index). */
  groups: CountGroup[];
  groupNames: PhraseSet | null;
  groupOf: number[][];
  /** For counts: the words that say a number counts another event (`subjects[].otherEvents`). */
  otherEvents: PhraseSet | null;
  /** For counts of abuse cases: the words saying a count of people counts people harmed (`subjects[].peopleHarmed`). */
  peopleHarmed: PhraseSet | null;
  /** For counts of abuse cases: the words before a count of people saying a report heard them (`subjects[].peopleHeard`). */
  peopleHeard: PhraseSet | null;
  /** For quantities: the words that say a number measures another thing (`subjects[].otherMeasures`). */
  otherMeasures: PhraseSet | null;
  /** For hours a day: the words that say a duration is the time out of the cell (`subjects[].timeOut`). */
  timeOut: PhraseSet | null;
  /** For hours a day: the two parts of time out of the cell (`subjects[].timeOutParts`). */
  timeOutLeave: PhraseSet | null;
  timeOutCell: PhraseSet | null;
  /** For counts: the words naming a wider population, and the subject's own place (`subjects[].scope`). */
  scopeWider: PhraseSet | null;
  scopeOwn: PhraseSet | null;
  /** A part of what the subject measures (`subject.scope.narrower`). */
  scopeNarrower: PhraseSet | null;
  /**
   * For quantities with `namedBy`: per cue phrase, 1 where a hit reported under it names what the
   * subject measures (the phrase is one of `namedBy`, or overlaps one); null without the list.
   */
  namedBy: Uint8Array | null;
}

/** The role a phrase plays in a typed fact. */
export type FactRole = 'of' | 'ref' | 'person' | 'title' | 'otherTitle' | 'actor' | 'action' | 'object' | 'marker' | 'law' | 'otherLaw' | 'payer' | 'payee' | 'otherSum' | 'named' | 'fullName';

export interface FactInfo {
  fact: Fact;
  /** Index into `Matcher.claims` of the claim carrying it. */
  claim: number;
}

export interface ClaimInfo {
  claim: Claim;
  subject: number;
  /** The statement itself denies something ("have not been convicted"). */
  negated: boolean;
  /**
   * Cue phrases of its subject that its own statement uses ("beans", "pasta"
   * for the claim about rations): they point at this claim, not just the subject.
   */
  statementCues: Set<number>;
  /** Indexes (in `Matcher.terms`) of its own English and Spanish terms, for coverage. */
  termsEn: number[];
  termsEs: number[];
  /** Indexes (in `Matcher.terms`) of the names of the people it involves: who it is about, not what it says. */
  personNames: Set<number>;
}

export interface PhraseOwner {
  /** Subject index (cues) or claim index (terms). */
  owner: number;
  /** Evidence one occurrence gives, after discounting phrases many owners share. */
  weight: number;
}

/**
 * The dataset indexed once for matching: every subject cue in one phrase set,
 * every claim term and entity name in another, so a whole page is scanned with
 * two regular expressions and each sentence only looks up the hits inside it.
 */
export interface Matcher {
  subjects: SubjectInfo[];
  claims: ClaimInfo[];
  subjectIndex: ReadonlyMap<string, number>;
  /** Claim id → index in `claims`. */
  claimIndex: ReadonlyMap<string, number>;
  cues: PhraseSet;
  /** Per cue phrase: the subjects it points to, weighted for telling quantity subjects apart. */
  cueOwners: PhraseOwner[][];
  /** Per cue phrase: a word too common to show, alone, what a sentence is about. */
  cueGeneric: boolean[];
  terms: PhraseSet;
  termOwners: PhraseOwner[][];
  termGeneric: boolean[];
  /** Typed facts, and every phrase they use in one set: per phrase, the facts and roles it plays. */
  facts: FactInfo[];
  factPhrases: PhraseSet;
  factOwners: Array<Array<{ fact: number; role: FactRole }>>;
  /** Per fact phrase: it names a person or a thing with a year, so a sentence holding it is worth comparing. */
  factAnchor: boolean[];
}

const NEGATION = /\b(not|never|no|cannot|without|lacks?|nunca|jamas|jamás|sin|tampoco)\b|n't\b/i;

const cache = new WeakMap<object, Matcher>();

/** Indexes the dataset's subjects and claims; cached per dataset object. */
export function buildMatcher(dataset: MatcherDataset): Matcher {
  const cached = cache.get(dataset);
  if (cached) return cached;

  const subjectIndex = new Map<string, number>();
  const subjects: SubjectInfo[] = dataset.subjects.map((subject, i) => {
    subjectIndex.set(subject.key, i);
    const unit = subject.kind === 'quantity' ? (subject.unit ?? null) : null;
    const baseUnit = unit ? (unit.split('/')[0] ?? unit).trim().toLowerCase() : null;
    return {
      subject,
      category: unit ? unitCategory(baseUnit) : null,
      baseUnit,
      claims: [],
      quantityClaims: [],
      groups: subject.groups,
      groupNames: null,
      groupOf: [],
      otherEvents: null,
      peopleHarmed: null,
      peopleHeard: null,
      otherMeasures: null,
      timeOut: null,
      timeOutLeave: null,
      timeOutCell: null,
      scopeWider: null,
      scopeOwn: null,
      scopeNarrower: null,
      namedBy: null,
    };
  });
  for (const info of subjects) {
    const other = [...(info.subject.otherEvents?.en ?? []), ...(info.subject.otherEvents?.es ?? [])].map((n) => foldKey(n));
    if (other.length) info.otherEvents = new PhraseSet(other);
    const measures = [...(info.subject.otherMeasures?.en ?? []), ...(info.subject.otherMeasures?.es ?? [])].map((n) => foldKey(n));
    if (measures.length) info.otherMeasures = new PhraseSet(measures);
    const out = [...(info.subject.timeOut?.en ?? []), ...(info.subject.timeOut?.es ?? [])].map((n) => foldKey(n));
    if (out.length) info.timeOut = new PhraseSet(out);
    const terms = (t: { en: string[]; es: string[] } | undefined) => (t && t.en.length + t.es.length ? new PhraseSet([...t.en, ...t.es].map((n) => foldKey(n))) : null);
    info.timeOutLeave = terms(info.subject.timeOutParts?.leave);
    info.timeOutCell = terms(info.subject.timeOutParts?.cell);
    info.scopeWider = terms(info.subject.scope?.wider);
    info.scopeOwn = terms(info.subject.scope?.own);
    info.scopeNarrower = terms(info.subject.scope?.narrower);
    info.peopleHarmed = terms(info.subject.peopleHarmed);
    info.peopleHeard = terms(info.subject.peopleHeard);
    if (!info.groups.length) continue;
    const lists = info.groups.map((g) => [...g.names.en, ...g.names.es].map((n) => foldKey(n)));
    info.groupNames = new PhraseSet(lists.flat());
    const owners: Array<Set<number>> = info.groupNames.phrases.map(() => new Set());
    lists.forEach((list, g) => list.forEach((n) => owners[(info.groupNames as PhraseSet).indexOf(n)]?.add(g)));
    info.groupOf = owners.map((o) => [...o]);
  }

  const claims: ClaimInfo[] = [];
  for (const claim of dataset.claims) {
    const s = subjectIndex.get(claim.subject);
    if (s === undefined) continue;
    const index = claims.length;
    claims.push({ claim, subject: s, negated: NEGATION.test(claim.statement), statementCues: new Set(), termsEn: [], termsEs: [], personNames: new Set() });
    const info = subjects[s] as SubjectInfo;
    info.claims.push(index);
    if (claim.quantity) info.quantityClaims.push(index);
  }

  // Cues: the curated ones, their other inflections, and those a per-something unit implies.
  const cueLists = subjects.map((s) =>
    [...s.subject.cues.en, ...s.subject.cues.es, ...unitCues(s.subject.unit)].map((c) => stemCue(foldKey(c))),
  );
  // Cues a unit implies ("day" for hours a day) help place a number, but alone say nothing about a sentence.
  const curated = new Set(subjects.flatMap((s) => [...s.subject.cues.en, ...s.subject.cues.es].map((c) => stemCue(foldKey(c)))));
  const cues = new PhraseSet(cueLists.flat());
  const cueSubjects: Array<Set<number>> = cues.phrases.map(() => new Set());
  cueLists.forEach((list, s) => list.forEach((c) => cueSubjects[cues.indexOf(c)]?.add(s)));
  mergeOverlapping(cues, cueSubjects);
  const cueOwners = cueSubjects.map((owners, phrase) => {
    const base = phraseWeight(cues.phrases[phrase] ?? '');
    // A cue several quantity subjects share tells none of them apart.
    const quantityShare = [...owners].filter((s) => subjects[s]?.category).length || 1;
    return [...owners].map((owner) => ({ owner, weight: base / (subjects[owner]?.category ? quantityShare : owners.size) }));
  });
  for (const info of subjects) {
    const named = [...(info.subject.namedBy?.en ?? []), ...(info.subject.namedBy?.es ?? [])].map((c) => cues.indexOf(stemCue(foldKey(c)))).filter((i) => i >= 0);
    if (!named.length) continue;
    const set = new Set(named);
    // A hit is reported under one phrase: one that holds a naming cue ("población carcelaria" holds "población") names it too.
    info.namedBy = Uint8Array.from(cues.phrases, (_, p) => (set.has(p) || cues.overlapping(p, true).some((o) => set.has(o)) ? 1 : 0));
  }
  const cueGeneric = cues.phrases.map((p) => GENERIC_WORDS.has(p.replace(/\*$/, '')) || isGenericStem(p) || !curated.has(p));
  for (const c of claims) {
    const statement = foldText(`${c.claim.statement}\n${c.claim.statementEs}`);
    for (const h of cues.findAll(statement)) {
      if (!cueGeneric[h.phrase] && cueSubjects[h.phrase]?.has(c.subject)) c.statementCues.add(h.phrase);
    }
  }

  // Terms: claim terms and entity names. Numbers are left out on purpose: the
  // subject of a number is decided by the words around it, never by the number.
  const termLists = claims.map((c) => claimTerms(c.claim));
  const terms = new PhraseSet(termLists.flat());
  const termClaims: Array<Set<number>> = terms.phrases.map(() => new Set());
  termLists.forEach((list, c) => list.forEach((t) => termClaims[terms.indexOf(t)]?.add(c)));
  mergeOverlapping(terms, termClaims);
  claims.forEach((c) => {
    const own = (list: string[]) => [...new Set(list.filter((t) => !/\d/.test(t)).map((t) => terms.indexOf(t)).filter((i) => i >= 0))];
    c.termsEn = own(c.claim.terms.en);
    c.termsEs = own(c.claim.terms.es);
    for (const e of c.claim.entities) {
      if (e.type !== 'person') continue;
      for (const part of e.name.split(/[()]/)) {
        const i = terms.indexOf(part.trim());
        if (i >= 0) c.personNames.add(i);
      }
    }
  });
  const n = Math.max(claims.length, 2);
  const termOwners = termClaims.map((owners, phrase) => {
    // Rarer terms say more: inverse document frequency over the claims, in (0, 1].
    const idf = Math.log(1 + n / Math.max(owners.size, 1)) / Math.log(1 + n);
    const base = phraseWeight(terms.phrases[phrase] ?? '') * idf;
    return [...owners].map((owner) => ({ owner, weight: base }));
  });

  const termGeneric = terms.phrases.map((p) => GENERIC_WORDS.has(p));
  const { facts, factPhrases, factOwners, factAnchor } = indexFacts(claims);
  const claimIndex = new Map(claims.map((c, i) => [c.claim.id, i] as const));
  const matcher: Matcher = { subjects, claims, subjectIndex, claimIndex, cues, cueOwners, cueGeneric, terms, termOwners, termGeneric, facts, factPhrases, factOwners, factAnchor };
  cache.set(dataset, matcher);
  return matcher;
}

/**
 * Every phrase of every typed fact in one set. A title fact also treats the
 * titles of the other people in the dataset as titles its person did not hold
 * (Rubio was not Homeland Security Secretary), besides its own `otherTitles`.
 */
function indexFacts(claims: readonly ClaimInfo[]): Pick<Matcher, 'facts' | 'factPhrases' | 'factOwners' | 'factAnchor'> {
  const facts: FactInfo[] = [];
  claims.forEach((c, claim) => {
    for (const fact of c.claim.facts ?? []) facts.push({ fact, claim });
  });
  const both = (t: { en: string[]; es: string[] }) => [...t.en, ...t.es].map((p) => foldKey(p));
  const roles: Array<Array<[string, FactRole]>> = facts.map(({ fact }) => {
    const out: Array<[string, FactRole]> = [];
    const add = (list: string[], role: FactRole) => list.forEach((p) => out.push([p, role]));
    if (fact.kind === 'year') {
      add(both(fact.of), 'of');
      add(both(fact.refs), 'ref');
    }
    else if (fact.kind === 'title') {
      add(both(fact.person), 'person');
      const own = new Set(both(fact.title));
      add([...own], 'title');
      const others = new Set(both(fact.otherTitles));
      for (const f of facts) if (f.fact !== fact && f.fact.kind === 'title') for (const t of both(f.fact.title)) others.add(t);
      add([...others].filter((t) => !own.has(t)), 'otherTitle');
    } else if (fact.kind === 'law') {
      add(both(fact.action), 'action');
      add(both(fact.markers), 'marker');
      add(both(fact.law), 'law');
      add(both(fact.otherLaws), 'otherLaw');
    } else if (fact.kind === 'name') {
      add(both(fact.of), 'named');
      // Its own full names, for a page that writes one beside the short name without brackets.
      add(both(fact.names), 'fullName');
    } else if (fact.kind === 'money') {
      add(both(fact.payer), 'payer');
      add(both(fact.payee), 'payee');
      add(both(fact.otherSums), 'otherSum');
    } else {
      add(both(fact.actor), 'actor');
      // A predicate in any tense or person, conjugated from its lemma (seeds/verbs.json): "criticized",
      // "criticizes", "criticizing"; "propusieron", "propone", "propondra". A passive in any tense:
      // "were sent to", "have been sent to"; "fueron enviados", "han sido enviadas".
      const forms = (lang: 'en' | 'es') => fact.action[lang].flatMap((p) => [...verbPhraseForms(foldKey(p), lang), ...passiveForms(foldKey(p), lang)]);
      add([...both(fact.action), ...forms('en'), ...forms('es')], 'action');
      add(both(fact.object), 'object');
    }
    return out;
  });
  const factPhrases = new PhraseSet(roles.flat().map(([p]) => p));
  const owners: Array<Map<string, { fact: number; role: FactRole }>> = factPhrases.phrases.map(() => new Map());
  roles.forEach((list, fact) => {
    for (const [p, role] of list) owners[factPhrases.indexOf(p)]?.set(`${fact}:${role}`, { fact, role });
  });
  // A match is reported under one phrase: it also plays the roles of the wildcard phrases it stands
  // for, and, for events, of the phrases inside it that the longer match hides ("to accept" holds
  // "accept"). Titles keep only their own: "vice president" holds "president" but is not that title.
  // (Only a phrase of several words can hide another; single words skip that search.)
  // A law's stand-in word ("ley") inside another fact's phrase ("esta ley") still stands for it.
  const EVENT_ROLES: ReadonlySet<FactRole> = new Set(['actor', 'action', 'object', 'ref']);
  factPhrases.phrases.forEach((p, i) => {
    const wild = new Set(factPhrases.overlapping(i));
    const inside = p.includes(' ') ? factPhrases.overlapping(i, true).filter((o) => !wild.has(o)) : [];
    for (const o of wild) for (const [k, v] of owners[o] ?? []) owners[i]?.set(k, v);
    for (const o of inside) for (const [k, v] of owners[o] ?? []) if (EVENT_ROLES.has(v.role)) owners[i]?.set(k, v);
  });
  const factOwners = owners.map((m) => [...m.values()]);
  // An event told by its action alone ("still awaiting trial", "sin debido proceso") is named by a phrase
  // of two words or more: that, too, makes a sentence worth comparing; a neighbouring fact's as well
  // ("sometidos a palizas" beside the rights groups' condemnation: what it says is related, and listed).
  const selfSufficient = (f: number) => {
    const x = facts[f]?.fact;
    return x?.kind === 'event' && !x.actor.en.length && !x.actor.es.length && !x.object.en.length && !x.object.es.length;
  };
  const factAnchor = factOwners.map(
    (list, phrase) =>
      list.some((o) => o.role === 'person' || o.role === 'of' || o.role === 'title' || o.role === 'otherTitle' || o.role === 'law' || o.role === 'otherLaw') ||
      (contentWordCount(factPhrases.phrases[phrase] ?? '') >= 2 && list.some((o) => o.role === 'action' && selfSufficient(o.fact))),
  );
  return { facts, factPhrases, factOwners, factAnchor };
}

const SMALL_WORDS = new Set(['the', 'and', 'for', 'with', 'been', 'have', 'has', 'was', 'were', 'los', 'las', 'del', 'que', 'una', 'por', 'sin', 'ser', 'han', 'sido', 'their', 'sus']);
/** Words of three letters or more that are not function words: what a phrase says. */
function contentWordCount(phrase: string): number {
  return phrase.split(/[\s-]+/).filter((w) => w.length >= 3 && !SMALL_WORDS.has(w)).length;
}

/** A match is reported under one phrase; give it the owners of every phrase that also matches there. */
function mergeOverlapping(set: PhraseSet, owners: Array<Set<number>>): void {
  const extra = set.phrases.map((_, i) => set.overlapping(i));
  extra.forEach((others, i) => {
    for (const o of others) for (const owner of owners[o] ?? []) owners[i]?.add(owner);
  });
}

function isGenericStem(phrase: string): boolean {
  if (!phrase.endsWith('*')) return false;
  const stem = phrase.slice(0, -1);
  for (const w of GENERIC_WORDS) if (w.startsWith(stem) && w.length - stem.length <= 3) return true;
  return false;
}

/** Longer phrases are more specific: one word 0.5, two 0.8, three or more 1. */
function phraseWeight(phrase: string): number {
  const words = phrase.split(/[\s-]+/).filter(Boolean).length;
  return words >= 3 ? 1 : words === 2 ? 0.8 : 0.5;
}

function claimTerms(claim: Claim): string[] {
  const out: string[] = [];
  for (const t of [...claim.terms.en, ...claim.terms.es]) {
    if (/\d/.test(t)) continue;
    out.push(t);
  }
  for (const e of claim.entities) {
    // "CECOT (Terrorism Confinement Center)" names the entity twice.
    for (const part of e.name.split(/[()]/)) {
      const p = part.trim();
      if (p.length >= 3 && !/\d/.test(p) && !/^(the|el|la)$/i.test(p)) out.push(p);
    }
  }
  return out;
}
