import type { MoneyFact } from '../dataset/schema';
import type { PhraseHit } from '../text/phrase-set';
import type { CarriedHit } from './carried-reference';
import type { ParsedQuantity } from '../text/parse-quantities';
import type { ClaimInfo, Matcher, SubjectInfo } from './build-matcher';
import { compareQuantities, describeQuantity, toInterval } from './compare-quantities';
import { explain, type ExplainDetail, type Locale } from './explain';
import { HEDGE_NEAR, matchFacts } from './match-facts';
import { readMoney } from './money-slots';
import { groupCounted, readCounts, within, type CountReading } from './count-groups';
import { readTimeOut } from './time-out';
import { narrowerScope, widerScope } from './count-scope';

/**
 * How a page's claim stands against a dataset claim. `repeats-error`: it
 * agrees with a dataset claim the curator marked as an error or an
 * inconsistency, which is not a confirmation.
 */
export type Relation = 'agrees' | 'conflicts' | 'related' | 'repeats-error';
export const RELATIONS: readonly Relation[] = ['conflicts', 'repeats-error', 'agrees', 'related'];

/** What was compared: a number (by its category), a year, a title, an event, or the words of a statement. */
export type PartKind = 'count' | 'money' | 'percent' | 'duration' | 'quantity' | 'year' | 'date' | 'title' | 'law' | 'name' | 'event' | 'statement';

/** Curator verdicts that make an agreement a repeated error. */
const FLAGGED = new Set(['erroneous', 'inconsistent']);

/** One dataset claim a page sentence bears on. */
export interface DatasetMatch {
  claimId: string;
  statement: string;
  /** The same statement in Spanish, for readers whose interface is in Spanish. */
  statementEs: string;
  relation: Relation;
  /** Confidence in [0, 1]. */
  score: number;
  /** For a person: "CECOT capacity: page says more than 50,000 people ("more than 50,000"); dataset says up to 40,000 people — incompatible". */
  explanation: string;
  /** The subject key both are about. */
  subject: string;
  /** For quantity comparisons: the page quantity's [start, end) in the main text. */
  quantitySpan?: [number, number];
  /** What was compared. */
  kind: PartKind;
  /** The words of the page this match is about, [start, end) in the main text: its own highlight. */
  span: [number, number];
  /** The slot compared, for a reader ("year of the Alien Enemies Act", "CECOT capacity"). */
  slot: string;
  /** The page's and the dataset's values, when values were compared. */
  page?: string;
  dataset?: string;
  /** The typed fact compared, when one was. */
  factId?: string;
  /** The structured comparison the explanation is written from (any language). */
  detail: ExplainDetail;
  /** A statement found only through the topic's own words ("the agreement", "El Salvador"): listed, not painted beside other parts. */
  topicWordsOnly?: boolean;
  /** For statements: where each of the claim's own terms stands, the topic's words included (`span` leaves those out). */
  shared?: Array<[number, number]>;
  /** For events: where the actor, the action and the object stand (each is evidence of its own). */
  roles?: Array<[number, number]>;
  /** Set on `repeats-error`: the curator's verdict on the dataset claim. */
  flagged?: 'erroneous' | 'inconsistent';
}

/** Everything the matcher needs to know about one sentence; hits come from one scan of the whole text. */
export interface SentenceInput {
  text: string;
  /** `foldText(text)`, when the caller has it. */
  folded?: string;
  start: number;
  end: number;
  quantities: readonly ParsedQuantity[];
  cueHits: readonly PhraseHit[];
  termHits: readonly PhraseHit[];
  /** The sentence names the topic itself (an anchor term such as CECOT). */
  anchored: boolean;
  /**
   * Where the sentence names the topic itself. A claim term there ("Terrorism
   * Confinement Center") only says the sentence is on topic, which every
   * sentence of an on-topic page is; it is not evidence for any one claim.
   */
  anchorSpans?: ReadonlyArray<{ start: number; end: number }>;
  /**
   * Where the sentence uses the topic's own words (CECOT, El Salvador, prison,
   * deportation). Every sentence of an on-topic page does, so a claim that
   * shares only these words with the sentence is not "related" to it.
   */
  topicSpans?: ReadonlyArray<{ start: number; end: number }>;
  /** Hits of the typed facts' phrases (`Matcher.factPhrases`). */
  factHits?: readonly PhraseHit[];
  /** The sentence attributes what it says ("officials said", "allegedly"). */
  attributed?: boolean;
  /** Facts whose thing the page names near the sentence (for "the law", "esta ley"). */
  nearFacts?: ReadonlySet<number>;
  /** Title facts the page gave a wrong title earlier (for "the governor" standing for the person). */
  wrongTitles?: ReadonlySet<string>;
  /** Fact phrases of the previous sentence placed where "she", "they", "there" stands for them (`carriedReferences`). */
  carried?: readonly CarriedHit[];
  /** Language of the explanations. Default 'en'. */
  locale?: Locale;
}

const NO_QUANTITIES: readonly ParsedQuantity[] = Object.freeze([]);
const NO_TIME_OUT: ReadonlyMap<ParsedQuantity, ReturnType<typeof readTimeOut> extends Map<ParsedQuantity, infer V> ? V : never> = new Map<ParsedQuantity, never>();
const NO_TIME_OUT_OF: ReadonlyMap<ParsedQuantity, never> = new Map<ParsedQuantity, never>();
const NO_HITS: readonly PhraseHit[] = Object.freeze([]);
// Shared empty collections for the many sentences without numbers, facts, terms or cues: never added to.
const NO_SUBJECTS: ReadonlySet<number> = new Set<number>();
const NO_CLAIMS: ReadonlySet<string> = new Set<string>();
const NO_EVENTS: ReadonlyArray<{ span: [number, number]; subject: string }> = Object.freeze([]);
const NO_COUNTED: readonly CountReading[] = Object.freeze([]);
// An evidence's lists that most evidence never fills are these until the first entry, which replaces them (never added to).
const NONE_NAMED = Object.freeze([]) as readonly PhraseHit[] as PhraseHit[];
const NO_SPECIFIC_PHRASES = Object.freeze([]) as readonly [number, number][] as Array<[phrase: number, strength: number]>;

/** Cue evidence decays with distance from the number: halved 25 characters away. */
const DECAY = 25;
const MIN_ASSIGN = 0.25;
/** What naming a narrower group of a count subject right after a number adds to that subject's claim on it. */
const GROUP_CUE = 0.5;
const RELATED_MIN = 1.0;
const RELATED_QUANTITY_MIN = 0.5;
const RELATED_TERMS_MIN = 0.4;
const AGREE_TERMS_MIN = 1.0;
const AGREE_COVERAGE = 0.5;
const SPECIFIC_TERM = 0.3;
const STATEMENT_CUE = 0.5;
/** A number more than this many times off every dataset value of a subject is unlikely to be about it. */
const MAGNITUDE = 10;
const MAX_MATCHES = 4;
/** How close to a statement's words a topic name of its own must stand to join its span: the next word. */
const NAMED_GAP = 5;
/** A narrower group's count this close to the whole's is the whole, named by what its members share. */
const SAME_COUNT = 0.97;

/** A hedge right before a term ("alleged", "presuntos", "acusados de"): what follows is someone's suspicion. */
const HEDGE_BEFORE =
  /\b(?:alleged(?:ly)?|alleges?|claims?|claimed|accuses|asserts|alega|afirma|asegura|acusa|suspected|purported(?:ly)?|reputed|so-called|accused of being|said to be|presunt[oa]s?|supuest[oa]s?|acusad[oa]s? de ser|senalad[oa]s? como|sospechos[oa]s? de ser)\s+(?:\S+\s+){0,4}$/;

// A negator at most two words before a term: "never signed", "did not sign", "no ha sido firmado".
const NEGATION_BEFORE = /(?:\b(?:not|never|no|nunca|jamas|jamás|tampoco)|n't)\s+(?:\S+\s+)?$/;

/**
 * The dataset claims one sentence agrees with, conflicts with, or relates to.
 *
 * Numbers: each quantity gets the subject whose cues stand nearest to it
 * (a cue counts for the number it is closest to, and a hedge such as "as many
 * as" is not a cue), provided the units fit; it is then compared with that
 * subject's dataset values only. So a count of deaths never agrees with an
 * equal count of deportees, and a capacity is never checked against a
 * population. Statements: claim terms and subject cues found in the sentence,
 * weighted by how specific they are.
 */
export function matchSentence(m: Matcher, s: SentenceInput): DatasetMatch[] {
  const out: DatasetMatch[] = [];
  const compared: Array<{ q: ParsedQuantity; subject: string }> = [];

  const locale = s.locale ?? 'en';
  const folded = s.folded ?? s.text.toLowerCase();
  // (Most sentences have no number: they share one empty list and one empty map.)
  const parsed = s.quantities.length ? s.quantities.filter((q) => q.category !== 'year') : NO_QUANTITIES;
  // Time out of the cell stands for the rest of the day confined ("30 minutes to exercise": 23.5 hours in).
  const timeOut = parsed.length ? readTimeOut(m, s, folded, parsed) : NO_TIME_OUT;
  const quantities = timeOut.size ? parsed.map((q) => timeOut.get(q)?.confined ?? q) : parsed;
  const outOf = timeOut.size ? new Map([...timeOut.values()].map((t) => [t.confined, t])) : NO_TIME_OUT_OF;
  // (No number, no reading: no closure made for it.)
  const counted = quantities.length
    ? readCounts(m, s, folded, quantities, (q) => {
        const t = outOf.get(q);
        return t ? { index: t.subject, score: 1 } : assignSubject(m, s, q, quantities);
      })
    : NO_COUNTED;
  // (Shared and never added to when nothing was counted, as in most sentences.)
  const comparedSubjects = counted.length ? new Set<number>() : (NO_SUBJECTS as Set<number>);
  for (const k of counted) {
    const { q, info } = k;
    comparedSubjects.add(k.subject);
    compared.push({ q, subject: info.subject.key });
    const pageGroup = k.group;
    // What the page says, written once for all the subject's claims.
    let page: string | undefined;
    for (const ci of info.quantityClaims) {
      const c = m.claims[ci];
      const dq = c?.claim.quantity;
      if (!c || !dq) continue;
      const cmp = compareQuantities(q, dq);
      // (Only its value and unit are read: no copy of the whole quantity.)
      // People harmed are counted in people, whatever the subject's unit (cases).
      page ??= describeQuantity({ qualifier: q.qualifier, value: q.value, min: q.min, max: q.max, unit: k.harmed || k.heard ? 'people' : (info.subject.unit ?? q.unit) });
      const data = describeQuantity(dq);
      let relation: Relation = cmp.compatible ? 'agrees' : 'conflicts';
      let group: Extract<ExplainDetail, { type: 'quantity' }>['group'];
      const dataGroup = dq.group !== undefined ? info.groups.findIndex((g) => g.key === dq.group) : -1;
      if (pageGroup !== null && dataGroup >= 0 && pageGroup !== dataGroup) {
        // Another group: a part of the dataset's group says nothing about the whole unless it exceeds it; a whole, unless it falls short.
        const rel = within(info, pageGroup, dataGroup) ? 'narrower' : within(info, dataGroup, pageGroup) ? 'broader' : 'other';
        const a = toInterval(q);
        const b = toInterval(dq);
        // "261 Venezuelans" against "261 people": the same number, so the same people, named by a part they share.
        const same = cmp.compatible && cmp.closeness >= SAME_COUNT && q.qualifier !== 'up-to' && q.qualifier !== 'at-least' && q.qualifier !== 'more-than' && q.qualifier !== 'less-than';
        if (rel === 'narrower') relation = a.lo > b.hi ? 'conflicts' : same ? 'agrees' : 'related';
        else if (rel === 'broader') relation = a.hi < b.lo ? 'conflicts' : 'related';
        else relation = 'related';
        const pg = info.groups[pageGroup];
        const dg = info.groups[dataGroup];
        if (pg && dg) group = { page: { en: pg.label, es: pg.labelEs }, data: { en: dg.label, es: dg.labelEs }, relation: rel };
      }
      // Another event about the same people (a release, a return home) is related to the count, not the count.
      if (k.otherEvent) relation = 'related';
      // A part's figure (CECOT's cost, for the whole prison system's) says nothing of the whole unless it exceeds it.
      const partOf = !!info.scopeNarrower && narrowerScope(info, s, folded, q, quantities);
      if (partOf) relation = toInterval(q).lo > toInterval(dq).hi ? 'conflicts' : 'related';
      // A sum: another figure of the same deal, who pays whom, the period (`money-slots`).
      let money: Extract<ExplainDetail, { type: 'quantity' }>['money'];
      let moneySpan: [number, number] | undefined;
      const mf = moneyFactOf(m, ci);
      if (mf && q.category === 'money') {
        const r = readMoney(m, mf.index, mf.fact, s, folded, q);
        money = { otherSum: r.otherSum, swapped: r.swapped, payer: firstName(mf.fact.payer), payee: firstName(mf.fact.payee), pagePeriod: r.period, dataPeriod: mf.fact.period };
        moneySpan = r.span;
        if (r.otherSum) relation = 'related';
        else if (r.swapped) relation = 'conflicts';
        else if (r.period && mf.fact.period && r.period !== mf.fact.period) relation = 'conflicts';
      }
      const score = round(Math.min(0.99, 0.45 + 0.35 * Math.min(1, k.score) + (cmp.compatible ? 0.2 * cmp.closeness : 0.2)));
      // With the group named ("238 Venezuelans"), the unit ("people") goes without saying.
      // A count told in parts names its groups in the parts: the dataset's value keeps its unit.
      const withUnit = !group || !!k.parts;
      const unit = info.subject.unit ?? dq.unit;
      // Keys in a fixed order, the optional ones only when set.
      const detail: Extract<ExplainDetail, { type: 'quantity' }> = {
        type: 'quantity',
        subject: { en: info.subject.label, es: info.subject.labelEs },
        page: detailValue(q, withUnit, k.harmed || k.heard ? 'people' : unit),
        data: detailValue(dq, withUnit, unit),
        compatible: cmp.compatible,
      };
      if (group) detail.group = group;
      if (k.parts) detail.parts = k.parts;
      if (k.otherEvent) detail.otherEvent = true;
      if (partOf) detail.partOf = true;
      if (k.harmed) detail.harmed = true;
      if (k.heard) detail.heard = true;
      if (money) detail.money = money;
      const timeOutOf = outOf.get(q) as { out: NonNullable<Extract<ExplainDetail, { type: 'quantity' }>['timeOut']> } | undefined;
      if (timeOutOf) detail.timeOut = timeOutOf.out;
      out.push({
        claimId: c.claim.id,
        statement: c.claim.statement,
        statementEs: c.claim.statementEs,
        relation,
        score,
        explanation: explain(detail, relation, locale),
        subject: info.subject.key,
        quantitySpan: [q.start, q.end],
        kind: partKind(q),
        span: moneySpan ?? k.span,
        slot: info.subject.label,
        page,
        dataset: data,
        detail,
      });
    }
  }

  // Typed facts: a year, a title, an event compared slot by slot; they decide for their claim.
  // (Made when a fact decides a claim: most sentences with fact phrases match none.)
  let factClaims: Set<string> | null = null;
  const eventObjects: Array<[number, number]> = [];
  if (s.factHits?.length) {
    for (const f of matchFacts(m, { text: s.text, folded, start: s.start, end: s.end, quantities: s.quantities, factHits: s.factHits, attributed: s.attributed ?? false, nearFacts: s.nearFacts, wrongTitles: s.wrongTitles, carried: s.carried })) {
      const c = m.claims[f.claim];
      if (!c) continue;
      // "238 Venezuelans were deported to CECOT" is a count: when the event is what the number counts
      // (`yieldsTo`), the comparison of the number (written with what it counts, in the clause or just
      // before it) speaks for the clause. A bare number set off by commas ("Noem, 53,") does not.
      const yieldsTo = factById(m, f.factId);
      if (
        yieldsTo?.kind === 'event' &&
        compared.some(
          ({ q, subject }) =>
            yieldsTo.yieldsTo.includes(subject) && q.start >= f.span[0] - 40 && q.start < f.span[1] && (q.unit !== null || !/^\s*[,)]/.test(s.text.slice(q.end, q.end + 2))),
        )
      )
        continue;
      const info = m.subjects[c.subject] as SubjectInfo;
      // One finding per claim: a conflict outranks an agreement found on another phrase.
      const prev = out.findIndex((x) => x.claimId === c.claim.id);
      if (prev >= 0) {
        if ((out[prev] as DatasetMatch).relation === 'conflicts' || f.relation !== 'conflicts') continue;
        out.splice(prev, 1);
      }
      // Stating as fact what the article reports only as a claim is what a flagged claim of the
      // dataset does ("attributedAs"): the page then repeats that claim's error.
      // A page that doubts it ("no proof that…") or only names it restates nothing.
      const repeated =
        f.kind === 'event' && f.detail.type === 'event' && f.detail.unattributed && !f.detail.doubted && !f.detail.mention && !f.detail.negated && !hedged(s, folded, f.span)
          ? flaggedRestating(m, c.claim.id)
          : undefined;
      if (repeated && !out.some((x) => x.claimId === repeated.claim.id)) {
        const rinfo = m.subjects[repeated.subject] as SubjectInfo;
        (factClaims ??= new Set<string>()).add(repeated.claim.id);
        out.push({
          claimId: repeated.claim.id,
          statement: repeated.claim.statement,
          statementEs: repeated.claim.statementEs,
          relation: 'agrees',
          score: 0.85,
          explanation: explain(f.detail, 'agrees', locale),
          subject: rinfo.subject.key,
          kind: f.kind,
          span: f.span,
          slot: 'slot' in f.detail ? f.detail.slot.en : rinfo.subject.label,
          page: f.page,
          dataset: f.dataset,
          factId: f.factId,
          detail: f.detail,
          ...(f.roles ? { roles: f.roles } : {}),
        });
        continue;
      }
      (factClaims ??= new Set<string>()).add(c.claim.id);
      if (f.object && f.relation === 'agrees' && s.quantities.some((q) => (f.object as [number, number])[0] <= q.numberStart && q.numberStart < (f.object as [number, number])[1])) eventObjects.push(f.object);
      // "The men held in CECOT were released in July": what happened to those people next is another event, related to this one.
      const next = f.kind === 'event' && f.relation === 'agrees' && f.detail.type === 'event' && !f.detail.neighbour && toldNext(info, s, folded, f.span);
      const relation: Relation = next ? 'related' : f.relation;
      const detail: ExplainDetail = next && f.detail.type === 'event' ? { ...f.detail, otherEvent: true } : f.detail;
      out.push({
        claimId: c.claim.id,
        statement: c.claim.statement,
        statementEs: c.claim.statementEs,
        relation,
        score: relation === 'related' ? 0.6 : 0.9,
        explanation: explain(detail, relation, locale),
        subject: info.subject.key,
        kind: f.kind,
        span: f.span,
        slot: 'slot' in f.detail ? f.detail.slot.en : info.subject.label,
        page: f.page,
        dataset: f.dataset,
        factId: f.factId,
        detail,
        ...(f.roles ? { roles: f.roles } : {}),
      });
    }
  }

  // A number that is an event's own object ("cameras watch them 24 hours a day": round-the-clock watch)
  // is that event's words, not a figure of another subject (hours confined a day).
  for (const f of eventObjects) {
    for (let i = out.length - 1; i >= 0; i--) {
      const q = (out[i] as DatasetMatch).quantitySpan;
      if (q && q[0] < f[1] && f[0] < q[1]) out.splice(i, 1);
    }
  }

  // Statements, and quantity subjects the sentence is about without a number to compare.
  // The evidence per claim and per subject is the matcher's, made once and refilled by each sentence (`evidenceOf`).
  const ev = evidenceOf(m);
  ev.gen++;
  // The claims with terms in the sentence, in the order their evidence was made (the map's key order).
  const claimIndexes: number[] = [];
  // Terms that name the topic itself ("CECOT", shared by half the claims) come
  // last and only add to claims other evidence already points at: they never
  // make a match on their own, and skipping them saves most of the work.
  const topicTerms: PhraseHit[] = [];
  // Words inside an event found for a claim of one subject are that event's ("no current plans to deport
  // American citizens"): they do not make a claim of another subject say the same thing, only relate to it.
  const events = out.length ? out.filter((x) => x.kind === 'event').map((x) => ({ span: x.span, subject: x.subject })) : NO_EVENTS;
  // The prison's full name, found right however the page spells it ("Centro de Confinamiento para el Terrorismo
  // (Cecot)"), names the topic as an anchor does: its words ("Confinamiento") are no evidence for another claim.
  const anchors = withNames(s.anchorSpans, out);
  for (let hi = 0; hi < s.termHits.length; hi++) {
    const h = s.termHits[hi] as PhraseHit;
    if (overlapsAny(anchors, h)) {
      topicTerms.push(h);
      continue;
    }
    const owners = m.termOwners[h.phrase];
    if (!owners) continue;
    // A long phrase found word for word ("the treatment is completely identical") says as much as two terms.
    const strength = termContentWords(m, h.phrase) >= 4 ? 2 : 1;
    let negated: boolean | null = null;
    for (let oi = 0; oi < owners.length; oi++) {
      const o = owners[oi] as (typeof owners)[number];
      let e = termsOf(ev, o.owner);
      if (!e) {
        e = freshTerms(ev, o.owner, h);
        claimIndexes.push(o.owner);
      } else {
        if (e.seen.includes(h.phrase)) continue;
        e.seen.push(h.phrase);
        e.hits.push(h);
      }
      e.weight += o.weight;
      if (owners.length === 1) e.unique++;
      if (o.weight >= SPECIFIC_TERM && !m.termGeneric[h.phrase] && !othersEvent(m, events, h, o.owner)) {
        e.specific += strength;
        if (e.specificPhrases.length) e.specificPhrases.push([h.phrase, strength]);
        else e.specificPhrases = [[h.phrase, strength]];
        if (!within_(s.topicSpans, h)) e.own += strength;
      }
      negated ??= NEGATION_BEFORE.test(before(s, h.start));
      if (negated) e.negatedHit = true;
    }
  }
  for (let hi = 0; hi < topicTerms.length; hi++) {
    const h = topicTerms[hi] as PhraseHit;
    const owners = m.termOwners[h.phrase];
    if (!owners) continue;
    for (let oi = 0; oi < owners.length; oi++) {
      const e = termsOf(ev, (owners[oi] as (typeof owners)[number]).owner);
      if (e && !e.seen.includes(h.phrase)) {
        e.seen.push(h.phrase);
        if (e.named.length) e.named.push(h);
        else e.named = [h];
        e.weight += (owners[oi] as (typeof owners)[number]).weight * 0.3;
      }
    }
  }
  // The subjects with cues in the sentence, in the order their evidence was made (the map's key order).
  const cueSubjects: number[] = [];
  for (let hi = 0; hi < s.cueHits.length; hi++) {
    const h = s.cueHits[hi] as PhraseHit;
    const owners = m.cueOwners[h.phrase];
    if (!owners) continue;
    const generic = m.cueGeneric[h.phrase] === true || overlapsAny(anchors, h);
    const own = !generic && !within_(s.topicSpans, h);
    for (let oi = 0; oi < owners.length; oi++) {
      const o = owners[oi] as (typeof owners)[number];
      // "La población carcelaria del país": the subject's word, said of a wider population.
      const owner = m.subjects[o.owner];
      if (owner?.scopeWider && widerScope(owner, s, folded, h, quantities)) continue;
      let e = cuesOf(ev, o.owner);
      const w = generic ? o.weight * 0.3 : o.weight;
      if (!e) {
        cueSubjects.push(o.owner);
        freshCues(ev, o.owner, h, w, generic, own);
        continue;
      }
      if (e.seen.includes(h.phrase)) continue;
      e.seen.push(h.phrase);
      e.weight += w;
      e.weighted.push({ hit: h, weight: w });
      if (!generic) {
        e.specific++;
        if (e.specificHits.length) e.specificHits.push(h);
        else e.specificHits = [h];
      }
      if (own) e.own++;
    }
  }

  const already = out.length ? new Set(out.map((x) => x.claimId)) : (NO_CLAIMS as Set<string>);
  const candidates: Candidate[] = [];
  // The claims with terms in the sentence, then those of the subjects its cues name, each once, in that order.
  if (cueSubjects.length) {
    const listed = listedBuffer(m);
    for (let i = 0; i < claimIndexes.length; i++) listed[claimIndexes[i] as number] = 1;
    for (let j = 0; j < cueSubjects.length; j++) {
      const claims = m.subjects[cueSubjects[j] as number]?.claims;
      if (!claims) continue;
      for (let i = 0; i < claims.length; i++) {
        const ci = claims[i] as number;
        if (listed[ci] === 1) continue;
        listed[ci] = 1;
        claimIndexes.push(ci);
      }
    }
    // (The buffer is the matcher's, cleared for the next sentence.)
    for (let i = 0; i < claimIndexes.length; i++) listed[claimIndexes[i] as number] = 0;
  }
  for (let cii = 0; cii < claimIndexes.length; cii++) {
    const ci = claimIndexes[cii] as number;
    const c = m.claims[ci];
    if (!c) continue;
    const terms = termsOf(ev, ci);
    const cues = cuesOf(ev, c.subject);
    // (A statement with none of its terms here is passed over below unless a cue is one of its own words: told first, as it is most of them.)
    if (!terms && !c.claim.quantity && !anyStatementCue(cues?.specificHits, c)) continue;
    if (already.has(c.claim.id) || factClaims?.has(c.claim.id)) continue;
    const info = m.subjects[c.subject] as SubjectInfo;
    const isQuantity = !!c.claim.quantity;
    // A quantity subject is "related" only when the sentence has no number it
    // could be about: when it has one, the numbers already said which subject
    // the sentence is about (compared above, or assigned to another subject).
    if (isQuantity && (comparedSubjects.has(c.subject) || anyFits(info, quantities))) continue;
    let termWeight = terms?.weight ?? 0;
    const ownSpecific = terms ? oneLanguage(terms, c) : 0;
    let termSpecific = ownSpecific;
    // Cues its own statement uses count as terms of the claim, unless they are
    // the very words a term already counted ("Tren de Aragua" is both).
    const cueHits = cues?.specificHits ?? NO_HITS;
    for (let i = 0; i < cueHits.length; i++) {
      const h = cueHits[i] as PhraseHit;
      if (c.statementCues.has(h.phrase) && !overlapsAny(terms?.hits, h)) {
        termWeight += STATEMENT_CUE;
        termSpecific++;
      }
    }
    // A statement none of whose own words occur: nothing specific points at it and nothing names it
    // (naming needs its terms), so it is passed over here rather than after weighing its cues.
    if (!isQuantity && !terms && termSpecific === 0) continue;
    // Only the names of the people it involves ("Donald Trump", "Nayib Bukele"): the page names them, it does
    // not say what the claim says. Related at most, and only through a name no other claim has ("Flores-Macías").
    const namesOnly = !isQuantity && !!terms && termSpecific === ownSpecific && onlyNames(terms, c);
    if (namesOnly && !uniqueName(m, terms, c)) continue;
    // Words that are both a term of the claim and a cue of its subject count once.
    let cueSum = 0;
    if (cues) {
      for (let i = 0; i < cues.weighted.length; i++) {
        const x = cues.weighted[i] as CueEvidence['weighted'][number];
        if (!overlapsAny(terms?.hits, x.hit)) cueSum += x.weight;
      }
    }
    const cueWeight = Math.min(cueSum, 1.2);
    // Quantity claims' terms are mostly numbers, left out of the index: their subject's cues are their words.
    const evidence = termWeight + cueWeight * (isQuantity ? 1 : 0.6) + (s.anchored ? 0.3 : 0);
    // Something specific must point at the claim: a specific term of its own, or
    // (for the many quantity claims whose terms are all numbers) a specific cue of its subject.
    const specific = termSpecific + (isQuantity ? (cues?.specific ?? 0) : 0);
    // The page says the same thing when it uses several of the claim's own
    // words, or most of the few the curator gave it ("concentration camp").
    // (One term is enough only if it belongs to this claim alone: "Tren de Aragua" is in several.)
    const covered = coverage(terms, c);
    // A name the claim is about, right after its subject's own words ("known as Terrorism Confinement Center"),
    // is said, not merely used: every page names the topic, few say what it is called.
    const naming = !terms?.named.length ? NO_HITS : namingHits(m, terms.named, cues?.specificHits ?? NO_HITS);
    const named = !isQuantity && naming.length > 0;
    // The people and places a claim names (its entities) say who or where, not what was said: a sentence
    // that shares only those ("Donald Trump praised Nayib Bukele", against a quote that names both) relates to it.
    const says =
      !isQuantity &&
      !namesOnly &&
      (named ||
        ((termSpecific >= 2 ? termWeight >= AGREE_TERMS_MIN : termSpecific >= 1 && (terms?.unique ?? 0) >= 1 && covered >= AGREE_COVERAGE) && (!terms || ownTermSaid(terms, c) || termSpecific > oneLanguage(terms, c))));
    // Otherwise it is related when the evidence is strong enough: for a quantity subject with no
    // number, one specific cue ("population", "capacidad"); a statement needs more, since its
    // words are more often shared with neighbouring claims.
    // "Related" needs something specific besides the topic's own words (CECOT, El Salvador, the deal).
    const own = (terms?.own ?? 0) + (cues?.own ?? 0);
    if ((specific === 0 && !named) || (!says && (own === 0 || evidence < (isQuantity ? RELATED_QUANTITY_MIN : RELATED_MIN)))) continue;
    // A figure's subject without the figure is related through its own words ("the deportation flights") or a
    // name of its claim alone ("Cristosal"), not through a name many claims share ("the Trump administration sent Abrego to CECOT").
    if (isQuantity && !(cues?.specific ?? 0) && !(terms?.unique ?? 0)) continue;
    // Nor through a cue that only tells which subject a number is ("landed", "hay", "a la vez"): without the
    // number, only the words naming what it measures ("capacity", "deportation flights") are about it.
    if (isQuantity && info.namedBy && !(terms?.unique ?? 0) && !namesSubject(info.namedBy, cues)) continue;
    let relation: Relation = 'related';
    // Terms often carry their own negation ("not been convicted"), so only a
    // negation the page puts before a term of a positive claim counts.
    if (says) relation = terms?.negatedHit && !c.negated ? 'conflicts' : 'agrees';
    // "Suspected gang members" reports a suspicion, not the flat statement ("they are gang members"):
    // related to it, never the same (nor a repetition of a flat statement the curator flagged).
    if (relation === 'agrees' && c.claim.category !== 'attribution' && terms?.hits.some((h) => HEDGE_BEFORE.test(before(s, h.start)))) relation = 'related';
    candidates.push({ ci, relation, score: round(Math.min(0.95, evidence / 2.5)), terms, cues, ownWords: own > 0, naming });
  }
  // What the sentence says before what it only touches on: beside other claims a "related" is listed, never painted,
  // so it does not take the last place from a statement the sentence makes ("… por un acuerdo entre Washington y San Salvador").
  if (candidates.length > 1) candidates.sort((a, b) => Number(a.relation === 'related') - Number(b.relation === 'related') || b.score - a.score);
  // Explanations are written only for the matches kept.
  // The prison's right name ("Centro de Confinamiento del Terrorismo (Cecot)") is how the page names the topic,
  // a part only when nothing else is: it takes no place from a claim the sentence makes besides.
  let taken = 0;
  for (let i = 0; i < out.length; i++) if (!((out[i] as DatasetMatch).kind === 'name' && (out[i] as DatasetMatch).relation === 'agrees')) taken++;
  for (const k of candidates.slice(0, Math.max(0, MAX_MATCHES - taken))) {
    const c = m.claims[k.ci] as ClaimInfo;
    const info = m.subjects[c.subject] as SubjectInfo;
    const hits = [...(k.terms?.hits ?? []), ...(k.cues?.specificHits ?? [])].filter((h) => !within_(s.topicSpans, h));
    const spanHits = hits.length ? hits : [...(k.terms?.hits ?? []), ...(k.cues?.weighted.map((w) => w.hit) ?? [])];
    const span: [number, number] = spanHits.length
      ? [Math.min(...spanHits.map((h) => h.start)), Math.max(...spanHits.map((h) => h.end))]
      : [s.start, s.end];
    // "known as Terrorism Confinement Center": the name the claim is about, right beside its words, is in its span.
    for (const h of k.naming) {
      if (h.start >= span[1] && h.start - span[1] <= NAMED_GAP) span[1] = h.end;
      else if (h.end <= span[0] && span[0] - h.end <= NAMED_GAP) span[0] = h.start;
    }
    // The claim's own terms, the topic's words too ("vuelos de deportación"): where the part goes when other parts took the span.
    const shared = (k.terms?.hits ?? []).map((h) => [h.start, h.end] as [number, number]);
    const detail: ExplainDetail = {
      type: 'statement',
      subject: { en: info.subject.label, es: info.subject.labelEs },
      words: evidenceWords(s.text, hits.length ? hits : spanHits),
      says: k.relation !== 'related',
      negated: k.relation === 'conflicts',
      noFigure: !!c.claim.quantity,
    };
    // Keys in a fixed order, the optional ones only when set.
    const match = {
      claimId: c.claim.id,
      statement: c.claim.statement,
      statementEs: c.claim.statementEs,
      relation: k.relation,
      score: k.score,
      explanation: explain(detail, k.relation, locale),
      subject: info.subject.key,
      kind: 'statement',
      span,
    } as DatasetMatch;
    if (shared.length) match.shared = shared;
    match.slot = info.subject.label;
    match.detail = detail;
    if (!k.ownWords) match.topicWordsOnly = true;
    out.push(match);
  }
  // Agreeing with what the curator marked as an error is repeating the error,
  // unless the page hedges what the article stated as fact: then it says what the article's own hedged claim says.
  for (let i = out.length - 1; i >= 0; i--) {
    const x = out[i] as DatasetMatch;
    if (x.relation !== 'agrees') continue;
    const claim = m.claims[m.claimIndex.get(x.claimId) ?? -1]?.claim;
    const status = claim?.assessment.status;
    if (!claim || !status || !FLAGGED.has(status)) continue;
    if (claim.attributedAs && hedged(s, folded, x.span)) {
      const ci = m.claimIndex.get(claim.attributedAs);
      const target = ci === undefined ? undefined : m.claims[ci];
      if (target && !out.some((o) => o.claimId === target.claim.id && o.relation !== 'related')) {
        const info = m.subjects[target.subject] as SubjectInfo;
        const detail: ExplainDetail = x.detail.type === 'statement' ? { ...x.detail, subject: { en: info.subject.label, es: info.subject.labelEs } } : x.detail;
        const prev = out.findIndex((o) => o.claimId === target.claim.id);
        if (prev >= 0) out.splice(prev, 1);
        out.splice(out.indexOf(x), 1, {
          ...x,
          claimId: target.claim.id,
          statement: target.claim.statement,
          statementEs: target.claim.statementEs,
          subject: info.subject.key,
          detail,
          explanation: explain(detail, 'agrees', locale),
        });
      } else out.splice(out.indexOf(x), 1);
      continue;
    }
    {
      x.relation = 'repeats-error';
      x.flagged = status as 'erroneous' | 'inconsistent';
      x.explanation = explain(x.detail, x.relation, locale, x.flagged);
    }
  }
  // Conflicts and repeated errors first; then what was compared value by value; then the strongest.
  if (out.length < 2) return out;
  return out.sort((a, b) => RELATIONS.indexOf(a.relation) - RELATIONS.indexOf(b.relation) || matchRank(s.text, a) - matchRank(s.text, b) || b.score - a.score);
}

/**
 * `kindRank`, except that the prison's full name written alone ("toured the Terrorism Confinement Center")
 * only says how the page names the place: it comes after what the sentence claims of it.
 */
function matchRank(text: string, m: DatasetMatch): number {
  return m.kind === 'name' && m.page !== undefined && text.slice(m.span[0], m.span[1]).trim() === m.page.trim() ? 3 : kindRank(m.kind);
}

/** How far after an event's words the next event told of the same people may start ("… were released"). */
const NEXT_REACH = 30;

/** Right after `span`, in the same clause, a word of the subject's `otherEvents` tells what happened next to the people of the event. */
function toldNext(info: SubjectInfo, s: SentenceInput, folded: string, span: readonly [number, number]): boolean {
  if (!info.otherEvents) return false;
  const to = Math.min(s.end, span[1] + NEXT_REACH);
  return info.otherEvents.findAll(folded, span[1], to).some((h) => !/[.;:,()]/.test(folded.slice(span[1], h.start)));
}

/** The flagged claim that states as fact what claim `id` reports as someone's claim (`attributedAs`). */
function flaggedRestating(m: Matcher, id: string): ClaimInfo | undefined {
  return m.claims.find((c) => c.claim.attributedAs === id && FLAGGED.has(c.claim.assessment.status));
}

/** A money fact of one of the subject's claims sees another figure of its deal in `q`. */
function otherSumOf(m: Matcher, subject: number, s: SentenceInput, folded: string, q: ParsedQuantity): boolean {
  if (q.category !== 'money') return false;
  for (const ci of m.subjects[subject]?.quantityClaims ?? []) {
    const mf = moneyFactOf(m, ci);
    if (mf && readMoney(m, mf.index, mf.fact, s, folded, q).otherSum) return true;
  }
  return false;
}

const moneyFacts = new WeakMap<Matcher, Map<number, { index: number; fact: MoneyFact }>>();
/** The money fact a claim carries, if any (looked up once per matcher). */
function moneyFactOf(m: Matcher, claim: number): { index: number; fact: MoneyFact } | undefined {
  let map = moneyFacts.get(m);
  if (!map) {
    const built = new Map<number, { index: number; fact: MoneyFact }>();
    m.facts.forEach((f, index) => {
      if (f.fact.kind === 'money') built.set(f.claim, { index, fact: f.fact });
    });
    moneyFacts.set(m, (map = built));
  }
  return map.get(claim);
}

/** The page reports it as someone's claim or with a hedge, not as fact. */
function hedged(s: SentenceInput, folded: string, span: readonly [number, number]): boolean {
  if (s.attributed) return true;
  return HEDGE_NEAR.test(folded.slice(Math.max(s.start, span[0] - 30), span[1]));
}

/** Values compared slot by slot first (they carry the narrowest span), then events, then shared words. */
function kindRank(kind: PartKind): number {
  return kind === 'statement' ? 2 : kind === 'event' ? 1 : 0;
}

function partKind(q: ParsedQuantity): PartKind {
  switch (q.category) {
    case 'count':
      return 'count';
    case 'money':
      return 'money';
    case 'percent':
    case 'fraction':
      return 'percent';
    case 'duration':
      return 'duration';
    default:
      return 'quantity';
  }
}

/** The names among `named` of two words or more standing right after one of the subject's cues (a function, not a closure in the claim loop). */
function namingHits(m: Matcher, named: readonly PhraseHit[], cues: readonly PhraseHit[]): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (let i = 0; i < named.length; i++) {
    const h = named[i] as PhraseHit;
    if (termContentWords(m, h.phrase) < 2) continue;
    for (let j = 0; j < cues.length; j++) {
      const c = cues[j] as PhraseHit;
      if (h.start >= c.end && h.start - c.end <= NAMED_GAP) {
        out.push(h);
        break;
      }
    }
  }
  return out;
}

/** Whether one of the subject's cue hits names what it measures (`SubjectInfo.namedBy`). */
function namesSubject(named: Uint8Array, cues: CueEvidence | undefined): boolean {
  if (!cues) return false;
  for (let i = 0; i < cues.weighted.length; i++) if (named[(cues.weighted[i] as CueEvidence['weighted'][number]).hit.phrase] === 1) return true;
  return false;
}

/** Whether one of the cues `hits` is a word of the claim's own statement. */
function anyStatementCue(hits: readonly PhraseHit[] | undefined, c: ClaimInfo): boolean {
  if (!hits) return false;
  for (let i = 0; i < hits.length; i++) if (c.statementCues.has((hits[i] as PhraseHit).phrase)) return true;
  return false;
}

/** Whether the units of one of `quantities` fit the subject's. */
function anyFits(info: SubjectInfo, quantities: readonly ParsedQuantity[]): boolean {
  for (let i = 0; i < quantities.length; i++) if (unitsFit(info, quantities[i] as ParsedQuantity)) return true;
  return false;
}

const listedBuffers = new WeakMap<Matcher, Uint8Array>();
/** One zeroed byte per claim, reused by every sentence (each clears what it set). */
function listedBuffer(m: Matcher): Uint8Array {
  let b = listedBuffers.get(m);
  if (!b || b.length !== m.claims.length) listedBuffers.set(m, (b = new Uint8Array(m.claims.length)));
  return b;
}

/** Whether `h` overlaps one of `spans` (`spans.some(…)` without a closure per hit). */
/** The topic's anchor spans, with the spans of the right full names found in the sentence (`kind: 'name'`, agreeing). */
function withNames(anchors: SentenceInput['anchorSpans'], out: readonly DatasetMatch[]): SentenceInput['anchorSpans'] {
  let names: Array<{ start: number; end: number }> | null = null;
  for (let i = 0; i < out.length; i++) {
    const x = out[i] as DatasetMatch;
    if (x.kind === 'name' && x.relation === 'agrees') (names ??= []).push({ start: x.span[0], end: x.span[1] });
  }
  return names ? [...(anchors ?? []), ...names] : anchors;
}

function overlapsAny(spans: ReadonlyArray<{ start: number; end: number }> | undefined, h: { start: number; end: number }): boolean {
  if (!spans) return false;
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i] as { start: number; end: number };
    if (a.start < h.end && h.start < a.end) return true;
  }
  return false;
}

/** Whether `h` lies inside one of `spans` (sorted by start, not overlapping): a binary search, since long sentences have many of both. */
function within_(spans: ReadonlyArray<{ start: number; end: number }> | undefined, h: { start: number; end: number }): boolean {
  if (!spans?.length) return false;
  let lo = 0;
  let hi = spans.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as { start: number }).start <= h.start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at >= 0 && h.end <= (spans[at] as { end: number }).end;
}

interface TermEvidence {
  /** The sentence it is evidence for (`Evidence.gen`): evidence of an earlier one is none. */
  gen: number;
  weight: number;
  specific: number;
  /** Specific terms that are not the topic's own words. */
  own: number;
  /** Terms no other claim has. */
  unique: number;
  seen: number[];
  hits: PhraseHit[];
  /** The claim's terms that name the topic itself ("Terrorism Confinement Center"): no evidence, but part of what is said where they touch its words. */
  named: PhraseHit[];
  negatedHit: boolean;
  /** The specific terms counted, with what each counted (`specific` is their sum). */
  specificPhrases: Array<[phrase: number, strength: number]>;
}

/**
 * The specific terms of a claim, counted in one language: a page that says it in both ("guards —
 * custodios", a translation set beside the original) says one thing, not two. When both the claim's
 * English and its Spanish terms occur (and not only words both lists share, such as a name), the
 * larger of the two counts stands.
 */
function oneLanguage(terms: TermEvidence, c: ClaimInfo): number {
  let en = 0;
  let es = 0;
  let both = 0;
  let onlyEn = false;
  let onlyEs = false;
  for (let i = 0; i < terms.specificPhrases.length; i++) {
    const t = terms.specificPhrases[i] as [number, number];
    const phrase = t[0];
    const strength = t[1];
    const inEn = c.termsEn.includes(phrase);
    const inEs = c.termsEs.includes(phrase);
    if (inEn && !inEs) {
      en += strength;
      onlyEn = true;
    } else if (inEs && !inEn) {
      es += strength;
      onlyEs = true;
    } else both += strength;
  }
  return onlyEn && onlyEs ? both + Math.max(en, es) : terms.specific;
}

/** One of the specific terms found is the claim's own (`terms`), not only a name of its entities. */
function ownTermSaid(terms: TermEvidence, c: ClaimInfo): boolean {
  for (let i = 0; i < terms.specificPhrases.length; i++) {
    const phrase = (terms.specificPhrases[i] as [number, number])[0];
    if (c.termsEn.includes(phrase) || c.termsEs.includes(phrase)) return true;
  }
  return false;
}

interface CueEvidence {
  gen: number;
  weight: number;
  specific: number;
  /** Specific cues that are not the topic's own words. */
  own: number;
  seen: number[];
  specificHits: PhraseHit[];
  weighted: Array<{ hit: PhraseHit; weight: number }>;
}

/**
 * A matcher's evidence, one object per claim (terms) and per subject (cues), refilled by each
 * sentence (`gen` counts the sentences) rather than made anew: a sentence names a few claims'
 * terms, each with several owners, and the objects and their lists stay as they grew. Nothing
 * of them outlives the `matchSentence` call that fills them, which never calls itself.
 */
interface Evidence {
  gen: number;
  terms: Array<TermEvidence | undefined>;
  cues: Array<CueEvidence | undefined>;
}
const evidences = new WeakMap<Matcher, Evidence>();
function evidenceOf(m: Matcher): Evidence {
  let ev = evidences.get(m);
  if (!ev) evidences.set(m, (ev = { gen: 0, terms: [], cues: [] }));
  return ev;
}

/** Claim `ci`'s term evidence in this sentence, if any. */
function termsOf(ev: Evidence, ci: number): TermEvidence | undefined {
  const e = ev.terms[ci];
  return e && e.gen === ev.gen ? e : undefined;
}

function cuesOf(ev: Evidence, subject: number): CueEvidence | undefined {
  const e = ev.cues[subject];
  return e && e.gen === ev.gen ? e : undefined;
}

/** Claim `ci`'s term evidence for this sentence, with its first phrase in. */
function freshTerms(ev: Evidence, ci: number, h: PhraseHit): TermEvidence {
  let e = ev.terms[ci];
  if (!e) ev.terms[ci] = e = { gen: 0, weight: 0, specific: 0, own: 0, unique: 0, seen: [h.phrase], hits: [h], named: NONE_NAMED, negatedHit: false, specificPhrases: NO_SPECIFIC_PHRASES };
  e.gen = ev.gen;
  e.weight = 0;
  e.specific = 0;
  e.own = 0;
  e.unique = 0;
  // (Cut back to the first entry, not emptied: an array emptied lets go of its room, and the next one is made anew.)
  e.seen[0] = h.phrase;
  e.seen.length = 1;
  e.hits[0] = h;
  e.hits.length = 1;
  e.named = NONE_NAMED;
  e.negatedHit = false;
  e.specificPhrases = NO_SPECIFIC_PHRASES;
  return e;
}

/** A subject's cue evidence for this sentence, with its first cue in. */
function freshCues(ev: Evidence, subject: number, h: PhraseHit, w: number, generic: boolean, own: boolean): CueEvidence {
  let e = ev.cues[subject];
  const weighted = { hit: h, weight: w };
  if (!e) ev.cues[subject] = e = { gen: 0, weight: 0, specific: 0, own: 0, seen: [h.phrase], specificHits: NONE_NAMED, weighted: [weighted] };
  e.gen = ev.gen;
  e.weight = w;
  e.specific = generic ? 0 : 1;
  e.own = own ? 1 : 0;
  e.seen[0] = h.phrase;
  e.seen.length = 1;
  e.specificHits = generic ? NONE_NAMED : [h];
  e.weighted[0] = weighted;
  e.weighted.length = 1;
  return e;
}

/** Every specific term of the claim the sentence uses is the name of a person it involves. */
function onlyNames(terms: TermEvidence, c: ClaimInfo): boolean {
  if (!terms.specificPhrases.length || !c.personNames.size) return false;
  for (let i = 0; i < terms.specificPhrases.length; i++) if (!c.personNames.has((terms.specificPhrases[i] as [number, number])[0])) return false;
  return true;
}

/** One of those names is this claim's alone. */
function uniqueName(m: Matcher, terms: TermEvidence, c: ClaimInfo): boolean {
  for (let i = 0; i < terms.specificPhrases.length; i++) {
    const phrase = (terms.specificPhrases[i] as [number, number])[0];
    if (c.personNames.has(phrase) && (m.termOwners[phrase]?.length ?? 0) === 1) return true;
  }
  return false;
}

/** Share of the claim's own terms, in the better-covered language, that the sentence uses. */
function coverage(terms: TermEvidence | undefined, c: ClaimInfo): number {
  if (!terms) return 0;
  return Math.max(shareSeen(c.termsEn, terms.seen), shareSeen(c.termsEs, terms.seen));
}

function shareSeen(list: readonly number[], seen: readonly number[]): number {
  if (!list.length) return 0;
  let n = 0;
  for (let j = 0; j < list.length; j++) if (seen.includes(list[j] as number)) n++;
  return n / list.length;
}

/** Words inside an event found for a claim of another subject (`events`) are that event's. */
function othersEvent(m: Matcher, events: ReadonlyArray<{ span: [number, number]; subject: string }>, h: PhraseHit, owner: number): boolean {
  if (!events.length) return false;
  const subject = m.subjects[m.claims[owner]?.subject ?? -1]?.subject.key;
  return events.some((e) => e.subject !== subject && e.span[0] <= h.start && h.end <= e.span[1]);
}

/** A value of a quantity comparison's detail; with the group named ("238 Venezuelans"), without the unit. */
function detailValue(v: { qualifier: ParsedQuantity['qualifier']; value?: number; min?: number; max?: number }, withUnit: boolean, unit: string | undefined) {
  const out: { qualifier: ParsedQuantity['qualifier']; value?: number; min?: number; max?: number; unit?: string } = { qualifier: v.qualifier };
  if (v.value !== undefined) out.value = v.value;
  if (v.min !== undefined) out.min = v.min;
  if (v.max !== undefined) out.max = v.max;
  if (withUnit) out.unit = unit;
  return out;
}

function firstName(t: { en: string[]; es: string[] }): { en: string; es: string } {
  return { en: t.en[0] ?? '', es: t.es[0] ?? t.en[0] ?? '' };
}

const factsById = new WeakMap<Matcher, Map<string, Matcher['facts'][number]['fact']>>();
/** The first typed fact with an id (`m.facts.find`, looked up once per matcher). */
function factById(m: Matcher, id: string | undefined): Matcher['facts'][number]['fact'] | undefined {
  let map = factsById.get(m);
  if (!map) {
    map = new Map();
    for (const x of m.facts) if (!map.has(x.fact.id)) map.set(x.fact.id, x.fact);
    factsById.set(m, map);
  }
  return id === undefined ? undefined : map.get(id);
}

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'by', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'that', 'from',
  'el', 'la', 'los', 'las', 'un', 'una', 'de', 'del', 'al', 'en', 'por', 'para', 'y', 'o', 'que', 'es', 'son', 'con', 'su', 'sus',
]);

const termWords = new WeakMap<Matcher, number[]>();
/** `contentWords` of each term phrase (counted once per matcher). */
function termContentWords(m: Matcher, phrase: number): number {
  let list = termWords.get(m);
  if (!list) termWords.set(m, (list = m.terms.phrases.map((p) => contentWords(p))));
  return list[phrase] ?? contentWords('');
}

function contentWords(phrase: string): number {
  let n = 0;
  for (const w of phrase.split(/[\s-]+/)) if (w && !FUNCTION_WORDS.has(w)) n++;
  return n;
}

interface Candidate {
  ci: number;
  relation: Relation;
  score: number;
  terms: TermEvidence | undefined;
  cues: CueEvidence | undefined;
  /** Something besides the topic's own words was shared. */
  ownWords: boolean;
  /** The topic's full names the sentence gives right after the subject's words ("known as …"). */
  naming: readonly PhraseHit[];
}

function evidenceWords(text: string, hits: readonly PhraseHit[]): string[] {
  const words = [...hits].sort((a, b) => a.start - b.start).map((h) => text.slice(h.start, h.end));
  return [...new Set(words)].slice(0, 3);
}

/** Up to 40 folded characters before `at`, within the sentence. */
function before(s: SentenceInput, at: number): string {
  const from = Math.max(s.start, at - 40);
  return s.folded ? s.folded.slice(from, at) : s.text.slice(from, at).toLowerCase();
}

interface Assignment {
  index: number;
  score: number;
}

/**
 * The quantity subject a number is about: the subject whose cues are nearest,
 * each cue counting only for the number it is closest to, among subjects whose
 * unit fits the number's.
 */
function assignSubject(m: Matcher, s: SentenceInput, q: ParsedQuantity, all: readonly ParsedQuantity[]): Assignment | null {
  const scores = new Map<number, number>();
  for (let hi = 0; hi < s.cueHits.length; hi++) {
    const h = s.cueHits[hi] as PhraseHit;
    // The hedge before the number is not a cue ("as many as" says nothing about capacity).
    if (h.start >= q.start && h.end <= q.numberStart) continue;
    const owners = m.cueOwners[h.phrase];
    if (!owners) continue;
    const gap = distance(h, q) - asideBetween(s.folded ?? s.text.toLowerCase(), q, h);
    // (Most cues have no nearer number: only then is each owner asked about the numbers nearer it.)
    const nearer = nearerNumber(all, q, h, gap, null);
    for (let oi = 0; oi < owners.length; oi++) {
      const o = owners[oi] as (typeof owners)[number];
      const info = m.subjects[o.owner];
      if (!info?.category || !info.quantityClaims.length || !unitsFit(info, q)) continue;
      // A cue counts for the nearest number of its kind or its subject's units: "are being held at the nearly
      // two-year-old facility" speaks for the 15,000 held, not for the facility's age ("with 256 cells" still for the cells).
      if (nearer && nearerNumber(all, q, h, gap, info)) continue;
      // "…, nearly half the number of inmates in the UK": the subject's word said of another population.
      if (info.scopeWider && widerScope(info, s, s.folded ?? s.text.toLowerCase(), h, all)) continue;
      const v = o.weight / (1 + gap / DECAY);
      scores.set(o.owner, (scores.get(o.owner) ?? 0) + v);
    }
  }
  const folded = s.folded ?? s.text.toLowerCase();
  // A table row's label glued to the number ("Capacity40,000") is a cue right at it.
  if (q.label) {
    for (const h of m.cues.findAll(folded.slice(q.label[0], q.label[1]))) {
      for (const o of m.cueOwners[h.phrase] ?? []) {
        const info = m.subjects[o.owner];
        if (info?.category && info.quantityClaims.length && unitsFit(info, q)) scores.set(o.owner, (scores.get(o.owner) ?? 0) + o.weight);
      }
    }
  }
  // A narrower group named right after the number ("250 suspected Tren de Aragua members") says whose count it is.
  for (const index of groupSubjects(m)) {
    const info = m.subjects[index] as SubjectInfo;
    if (!unitsFit(info, q)) continue;
    const reading = groupCounted(info, folded, s.end, q);
    // Only for a number of the subject's size: "five Venezuelan men detained in Texas" is someone else's count.
    if (reading?.specific && plausibility(m, index, q) === 1) scores.set(index, (scores.get(index) ?? 0) + GROUP_CUE);
  }
  // The words of another figure of a deal ("set aside", "maintenance fee", "per prisoner") tie a sum to that deal.
  if (q.category === 'money') {
    for (let index = 0; index < m.subjects.length; index++) {
      const info = m.subjects[index] as SubjectInfo;
      if (info.category === 'money' && unitsFit(info, q) && otherSumOf(m, index, s, folded, q)) scores.set(index, (scores.get(index) ?? 0) + GROUP_CUE);
    }
  }
  let best: Assignment | null = null;
  for (const [index, raw] of scores) {
    if (measuresOther(m.subjects[index], s, folded, q)) continue;
    // "El Salvador's prison population of 110,000": a count of a wider population than the subject's.
    if (widerScope(m.subjects[index] as SubjectInfo, s, folded, q, all)) continue;
    // A rate or a saving ("$20,000 per prisoner") is far smaller than the deal's sum, and still about the deal.
    const score = raw * (otherSumOf(m, index, s, folded, q) ? 1 : plausibility(m, index, q));
    if (!best || score > best.score) best = { index, score };
  }
  return best && best.score >= MIN_ASSIGN ? best : null;
}

/** Another of `all` than `q` stands nearer the cue `h` than `gap`; with `info`, only one of `q`'s kind or of the subject's units. */
function nearerNumber(all: readonly ParsedQuantity[], q: ParsedQuantity, h: PhraseHit, gap: number, info: SubjectInfo | null): boolean {
  for (let i = 0; i < all.length; i++) {
    const other = all[i] as ParsedQuantity;
    if (other !== q && distance(h, other) < gap && (!info || other.category === q.category || unitsFit(info, other))) return true;
  }
  return false;
}

/** How far before a number the thing it measures may be named ("lights blaze 24 hours a day"). */
const MEASURED_REACH = 40;

/** The words right before the number, in its clause, name another thing it measures (`subjects[].otherMeasures`). */
function measuresOther(info: SubjectInfo | undefined, s: SentenceInput, folded: string, q: ParsedQuantity): boolean {
  if (!info?.otherMeasures) return false;
  const from = Math.max(s.start, q.start - MEASURED_REACH);
  return info.otherMeasures.findAll(folded, from, q.start).some((h) => !/[,;:]/.test(folded.slice(h.end, q.start)));
}

const groupSubjectLists = new WeakMap<Matcher, number[]>();
/** Indexes of the subjects with named groups and quantity claims, in order (listed once per matcher). */
function groupSubjects(m: Matcher): number[] {
  let list = groupSubjectLists.get(m);
  if (!list) {
    list = [];
    for (const [index, info] of m.subjects.entries()) if (info.groupNames && info.quantityClaims.length) list.push(index);
    groupSubjectLists.set(m, list);
  }
  return list;
}

/**
 * A sanity check, not a decision: a number ten times larger or smaller than
 * every value the dataset holds for a subject (60 prisoners against a prison
 * population of 10,000–20,000) is probably about something else, so that
 * subject's cues count for less. Conflicts of ordinary size are untouched.
 */
function plausibility(m: Matcher, subject: number, q: ParsedQuantity): number {
  const claims = m.subjects[subject]?.quantityClaims ?? [];
  const v = q.qualifier === 'range' ? ((q.min ?? 0) + (q.max ?? 0)) / 2 : (q.value ?? 0);
  if (v <= 0 || !claims.length) return 1;
  for (const ci of claims) {
    const dq = m.claims[ci]?.claim.quantity;
    if (!dq) continue;
    const d = dq.qualifier === 'range' ? ((dq.min ?? 0) + (dq.max ?? 0)) / 2 : (dq.value ?? 0);
    if (d > 0 && v / d < MAGNITUDE && d / v < MAGNITUDE) return 1;
  }
  return 0.3;
}

/** Characters between a cue and a number (with its hedge and unit); 0 when they touch or overlap. */
/**
 * "Some 250 people, accused of crimes, were deported": an aside set off by commas between the count and
 * a cue after it says something of the people counted; the cue's distance leaves it out. (An aside with a
 * figure of its own, "261 people, 23 of them Salvadorans, were sent", is a count of its own and stays.)
 */
const ASIDE = /^[^,;:.()]{0,40}?,[^,;:.()\d]{3,80},\s*/;
function asideBetween(folded: string, q: ParsedQuantity, h: { start: number }): number {
  if (h.start <= q.end) return 0;
  const a = ASIDE.exec(folded.slice(q.end, h.start));
  return a && q.end + a[0].length <= h.start ? a[0].length - (a[0].indexOf(',')) : 0;
}

function distance(h: { start: number; end: number }, q: ParsedQuantity): number {
  if (h.end <= q.start) return q.start - h.end;
  if (h.start >= q.end) return h.start - q.end;
  return 0;
}

function unitsFit(info: SubjectInfo, q: ParsedQuantity): boolean {
  const cat = info.category;
  const qc = q.category === 'fraction' ? 'percent' : q.category;
  const sc = cat === 'fraction' ? 'percent' : cat;
  if (qc !== sc) return false;
  if (!q.unit || !info.baseUnit) return true;
  if (qc === 'money') return q.unit.toLowerCase() === info.baseUnit.toLowerCase();
  return q.unit === info.baseUnit;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
