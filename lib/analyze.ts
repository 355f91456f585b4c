/**
 * The analysis engine's entry points.
 *
 *   analyzeText({ text, title?, url?, language? }, dataset, topic)  → Analysis
 *   analyzeDocument(doc, url, dataset, topic, { readability? })    → DocumentAnalysis (adds text + DOM map)
 *   analyzePage(doc, url, dataset, topic)                            → gate first, then Readability loaded
 *                                                                      on demand; null for unrelated pages
 *
 * `dataset` is the validated `Dataset` (or a `buildMatcher(dataset)` result),
 * `topic` the validated `seeds/topic.json` (see `bundledTopic()`); both are
 * compiled once and cached per object, so calling these per page is cheap.
 * Every offset (claims, quantities) is into the extracted main text; in the
 * browser, `rangeToDomPoints(result.map, start, end)` turns one into DOM positions.
 */
import { extractMainText, type ExtractOptions, type ExtractedText } from './extract/extract-main-text';
import { loadReadability } from './extract/readability-content';
import type { TextMap } from './extract/text-map';
import { buildMatcher, type Matcher, type MatcherDataset } from './match/build-matcher';
import { claimParts, type ClaimPart } from './match/claim-parts';
import { carriedReferences, ParagraphPlace, type CarriedHit, type Place } from './match/carried-reference';
import { distributiveCue } from './match/distributive';
import type { Locale } from './match/explain';
import { matchSentence, type DatasetMatch, type Relation } from './match/match-sentence';
import { checkWorthiness, FEATURE_PHRASES, reportsOnly, sentenceFeatures, type ClaimFeatures } from './text/claim-features';
import { detectLanguage } from './text/detect-language';
import { foldText } from './text/fold';
import { parseQuantities, type ParsedQuantity } from './text/parse-quantities';
import { phraseScanner } from './text/phrase-scan';
import type { PhraseHit } from './text/phrase-set';
import { withGapHits } from './text/phrase-gaps';
import { segmentSentences } from './text/segment-sentences';
import { compileTopic, type CompiledTopic } from './topic/compile-topic';
import { gateDocument } from './topic/gate';
import { recognizeTopic, type TopicReason, type TopicVerdict } from './topic/recognize';
import type { Topic } from './topic/schema';

export type { DatasetMatch, Relation, PartKind } from './match/match-sentence';
export type { ClaimPart } from './match/claim-parts';
export type { Locale } from './match/explain';
export type { TopicVerdict } from './topic/recognize';
export type { ClaimFeatures } from './text/claim-features';
export type { TextMap } from './extract/text-map';
export { offsetToDomPoint, rangeToDomPoints, domPiecesForRange } from './extract/text-map';

/** A quantity inside a claim; offsets are into the main text. */
export type ClaimQuantity = Pick<ParsedQuantity, 'text' | 'start' | 'end' | 'value' | 'min' | 'max' | 'qualifier' | 'unit' | 'category'>;

/** A check-worthy sentence. */
export interface AnalyzedClaim {
  text: string;
  /** [start, end) in the main text. */
  start: number;
  end: number;
  /** In [0, 1]; only sentences at or above `minCheckWorthiness` are listed. */
  checkWorthiness: number;
  features: ClaimFeatures;
  quantities: ClaimQuantity[];
  /** Dataset claims it agrees with, conflicts with or relates to, conflicts and repeated errors first; empty means "not in dataset". */
  matches: DatasetMatch[];
  /** The things the sentence claims, each with its own span and relation (a count, a title, a year, a clause). */
  parts: ClaimPart[];
}

export interface Analysis {
  title: string;
  language: string;
  topic: TopicVerdict;
  claims: AnalyzedClaim[];
}

export interface DocumentAnalysis extends Analysis {
  /** The extracted main text every offset refers to. */
  text: string;
  /** Offsets to DOM positions in the document analysed. */
  map: TextMap | null;
  extraction: ExtractedText['method'];
}

export interface AnalyzeOptions {
  /** Sentences scoring below this are not listed as claims. Default 0.35. */
  minCheckWorthiness?: number;
  /** Compare claims with the dataset even when the page is off topic. Default false. */
  matchOffTopic?: boolean;
  /** Language of the explanations. Default 'en'. */
  locale?: Locale;
}

export interface TextInput {
  text: string;
  title?: string;
  url?: string;
  /** "en" or "es"; detected from the text when absent. */
  language?: string;
}

const DEFAULT_MIN_CHECK_WORTHINESS = 0.35;
/** Hedges that, like "officials said", report a claim rather than state it. */
const HEDGED = /\b(?:alleg\w*|claim(?:s|ed)?|reportedly|purported(?:ly)?|accus\w*|presunt[oa]s?|supuest[oa]s?|acus\w*|asegur\w*|afirm\w*|sostien\w*|segun)\b/;

function asMatcher(dataset: MatcherDataset | Matcher): Matcher {
  return 'cueOwners' in dataset ? dataset : buildMatcher(dataset);
}

/** An analysis reduced to the documented, serialisable shape (what `scan --json` and the extension's messages carry). */
export interface PublicAnalysis {
  title: string;
  language: string;
  topic: { onTopic: boolean; score: number; reasons: string[]; reasonParts: TopicReason[] };
  claims: {
    text: string;
    start: number;
    end: number;
    checkWorthiness: number;
    matches: { claimId: string; statement: string; statementEs: string; relation: Relation; score: number; explanation: string }[];
    parts: PublicPart[];
  }[];
}

/** A part of a claim as `scan --json` prints it. */
export type PublicPart = Pick<ClaimPart, 'start' | 'end' | 'text' | 'kind' | 'relation' | 'claimId' | 'slot' | 'page' | 'dataset' | 'explanation' | 'detail' | 'flagged'>;

function publicPart(p: ClaimPart): PublicPart {
  // Keys in the documented order: where, what, how it stands, then the values and the words.
  const out: PublicPart = { start: p.start, end: p.end, text: p.text, kind: p.kind, relation: p.relation, claimId: p.claimId } as PublicPart;
  if (p.slot !== undefined) out.slot = p.slot;
  if (p.page !== undefined) out.page = p.page;
  if (p.dataset !== undefined) out.dataset = p.dataset;
  out.explanation = p.explanation;
  out.detail = p.detail;
  if (p.flagged) out.flagged = p.flagged;
  return out;
}

export function publicAnalysis(a: Analysis): PublicAnalysis {
  return {
    title: a.title,
    language: a.language,
    topic: { onTopic: a.topic.onTopic, score: a.topic.score, reasons: a.topic.reasons, reasonParts: a.topic.reasonParts },
    claims: a.claims.map((c) => ({
      text: c.text,
      start: c.start,
      end: c.end,
      checkWorthiness: c.checkWorthiness,
      matches: c.matches.map((m) => ({ claimId: m.claimId, statement: m.statement, statementEs: m.statementEs, relation: m.relation, score: m.score, explanation: m.explanation })),
      parts: c.parts.map(publicPart),
    })),
  };
}

/** Topic verdict, claims and dataset matches for a text. */
export function analyzeText(
  input: TextInput,
  dataset: MatcherDataset | Matcher,
  topic: Topic | CompiledTopic,
  options: AnalyzeOptions = {},
): Analysis {
  const { text } = input;
  const t = compileTopic(topic);
  const m = asMatcher(dataset);
  const folded = foldText(text);
  // One pass over the body for the five phrase sets scanned whole (see `PhraseScanner`): the topic's
  // phrases, for the verdict and for the sentences, and the others for the sentences.
  const [topicBodyHits, featureBodyHits, cueBodyHits, termBodyHits, factBodyHits] = phraseScanner([t.phrases, FEATURE_PHRASES, m.cues, m.terms, m.factPhrases]).findAll(folded) as [PhraseHit[], PhraseHit[], PhraseHit[], PhraseHit[], PhraseHit[]];
  const verdict = recognizeTopic({ url: input.url, title: input.title, text }, t, { foldedText: folded, bodyHits: topicBodyHits });
  const language = input.language ?? detectLanguage(text);
  const minCw = options.minCheckWorthiness ?? DEFAULT_MIN_CHECK_WORTHINESS;
  const doMatch = verdict.onTopic || options.matchOffTopic === true;

  const sentences = segmentSentences(text, language);
  // The phrase sets' hits over the whole text (above) and the quantities; sentences then walk the sorted hits.
  const features = new Cursor(featureBodyHits);
  const quantities = new Cursor(parseQuantities(text, { folded }));
  const cues = new Cursor(doMatch ? cueBodyHits : []);
  const terms = new Cursor(doMatch ? termBodyHits : []);
  const topicHits = new Cursor(doMatch ? topicBodyHits : []);
  const allFactHits = doMatch ? factBodyHits : [];
  const factHits = new Cursor(allFactHits);
  const named = new NamedNear(m, allFactHits);
  // Title facts the page has already given a wrong title ("South Dakota Governor Kristi Noem"): its "the governor" is that person.
  const wrongTitles = new Set<string>();

  const claims: AnalyzedClaim[] = [];
  // The previous sentence's fact hits: "she", "they", "there" in this one may stand for what it named.
  let previousHits: readonly PhraseHit[] = [];
  // The previous sentence: "en cada una", "in each" at the start of this one may stand for each of its plurals.
  let previousSentence: { start: number; end: number } | null = null;
  // The prison the paragraph last named: "the prison", "la cárcel" in a later sentence of it stands for that one.
  const paragraph = new ParagraphPlace(text, t.topic.prisonNouns);
  for (const s of sentences) {
    const fHits = features.take(s.start, s.end);
    const qs = quantities.take(s.start, s.end);
    const ownCues = cues.take(s.start, s.end);
    // "En cada una conviven 100 reos" after "32 celdas": the pronoun carries the cue "cada celda".
    const each = doMatch ? distributiveCue(m.cues, folded, s, previousSentence) : null;
    const cHits = each ? [each, ...ownCues] : ownCues;
    previousSentence = s;
    const tHits = terms.take(s.start, s.end);
    const pHits = topicHits.take(s.start, s.end);
    // A fact's phrase written with words put inside it ("were quickly sent to", "sin su debido proceso"): see `withGapHits`.
    const xHits = withGapHits(m.factPhrases, folded, s.start, s.end, factHits.take(s.start, s.end)) as PhraseHit[];
    // What is carried fills a role of a typed fact: only a sentence with fact phrases of its own can use it.
    const carried = doMatch && xHits.length ? carriedReferences(m, { text, folded, start: s.start, end: s.end }, previousHits) : [];
    previousHits = xHits;
    const refersTo = doMatch ? paragraph.refersTo(s, folded, namedPlace(t, pHits)) : null;
    const f = sentenceFeatures(text, s.start, s.end, fHits, qs);
    f.topical = distinctPhrases(tHits) + (cHits.length ? 1 : 0);
    // Only a finished statement's score uses it.
    f.specific = f.complete ? specificTerms(t, pHits, tHits, cHits) : 0;
    let cw = checkWorthiness(f, countWords(text, s.start, s.end));

    let matches: DatasetMatch[] = [];
    // What the sentence was compared with, for its other clauses (`restOf`).
    let rest: RestContext | null = null;
    // Words a typed fact uses ("said", "visited") are common: alone, only a name or a dated law makes a sentence worth comparing.
    // A duration may be time out of the cell, told without any of the subject's words ("30 minutes a day of exercise").
    // "Ellos permanecen allí": a reference to what the previous sentence named, with an event's words, is compared too.
    if (doMatch && (tHits.length || cHits.length || xHits.some((h) => m.factAnchor[h.phrase]) || (carried.length && xHits.length) || qs.some((q) => q.label || q.category === 'duration'))) {
      const { anchored, rival, anchorSpans, ownWords } = topicContext(t, pHits);
      const nearFacts = named.near(s.start, s.end);
      // A sentence about another prison (and not about this one) is not compared with the dataset;
      // nor is one whose "the prison" stands for another prison or country its paragraph named.
      if ((!rival || anchored) && refersTo !== 'other') {
        // "Confirmed", "reconoció" vouch for what follows: only a verb that merely reports hedges it.
        const attributed = reportsOnly(fHits) || HEDGED.test(folded.slice(s.start, s.end));
        matches = matchSentence(m, {
          text,
          folded,
          start: s.start,
          end: s.end,
          quantities: qs,
          cueHits: cHits,
          termHits: tHits,
          anchored: anchored || refersTo === 'own',
          anchorSpans,
          topicSpans: ownWords,
          factHits: xHits,
          attributed,
          nearFacts,
          wrongTitles,
          carried,
          locale: options.locale ?? 'en',
        });
        for (const x of matches) if (x.kind === 'title' && x.relation === 'conflicts' && x.factId) wrongTitles.add(x.factId);
        rest = { qs, cHits, tHits, anchored, anchorSpans, ownWords, xHits, attributed, nearFacts, wrongTitles, carried };
      }
      // The dataset is a list of claims worth checking: a sentence that restates one is worth checking too.
      const best = matches[0];
      if (best) cw = Math.max(cw, best.relation === 'related' ? 0.4 : Math.max(0.5, best.score * 0.8));
    }
    if (cw < minCw) continue;
    const parts = claimParts(text, matches);
    claims.push({
      text: text.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      checkWorthiness: cw,
      features: f,
      quantities: qs.map(toClaimQuantity),
      matches,
      parts,
    });
    if (!parts.length || !rest) continue;
    // The parts are the sentence's strongest claims; a clause beside them may claim something else.
    for (const [a, b] of restClauses(text, s, parts)) {
      const rh = inside(fHits, a, b);
      const rt = inside(tHits, a, b);
      const rc = inside(cHits, a, b);
      const rq = inside(qs, a, b);
      const matchable = rt.length > 0 || rc.length > 0 || rq.length > 0 || xHits.some((h) => h.start >= a && h.end <= b);
      // Names alone never make a clause worth listing.
      if (!matchable && !rh.length) continue;
      const rf = sentenceFeatures(text, a, b, rh, rq);
      rf.topical = distinctPhrases(rt) + (rc.length ? 1 : 0);
      rf.specific = specificTerms(t, inside(pHits, a, b), rt, rc);
      // A clause is not a statement of its own: only its numbers, names, attributions and terms count.
      rf.complete = false;
      // "Rubio told reporters in San Salvador": the frame of the sentence's claim, not a claim of its own.
      const frame = rf.attribution && !rf.quantities && !rf.legal && rf.specific === 0;
      let rcw = frame ? 0 : checkWorthiness(rf, countWords(text, a, b));
      // What it says, not a mere "related" on shared words (which beside the sentence's parts is noise);
      // a related typed fact (a year, a title, an event reported another way) still says something checkable.
      // The prison's name the sentence compared and left out of its parts (a number speaks for where the
      // people counted are, "… el Centro de Confinamiento del Terrorismo, una cárcel que albergará a 40.000")
      // is not brought back by the clause it stands in.
      const found = matchable
        ? restOf(m, text, folded, rest, a, b, options.locale ?? 'en').filter((x) => (x.relation !== 'related' || (x.kind !== 'statement' && !x.topicWordsOnly)) && !(x.kind === 'name' && matches.some((y) => y.kind === 'name' && y.claimId === x.claimId)))
        : [];
      const best = found[0];
      if (best) rcw = Math.max(rcw, Math.max(0.5, best.score * 0.8));
      if (rcw < minCw) continue;
      // A clause that matches nothing but carries the words of a claim a part of its sentence shows is that
      // claim's own context ("three planes landed …, carrying 261 men"; "known as the Alien Enemies Act" beside
      // its year): listed on its own, it would stand over the part as a claim the dataset does not know.
      if (!best && continuesAPart(m, parts, rc, rt, inside(xHits, a, b))) continue;
      claims.push({ text: text.slice(a, b), start: a, end: b, checkWorthiness: rcw, features: rf, quantities: rq.map(toClaimQuantity), matches: found, parts: claimParts(text, found) });
    }
  }
  return { title: input.title ?? '', language, topic: verdict, claims };
}

/** True when a term, cue or fact phrase in a clause belongs to a claim (or the subject of a claim) one of `parts` shows. */
function continuesAPart(m: Matcher, parts: readonly ClaimPart[], cues: readonly PhraseHit[], terms: readonly PhraseHit[], facts: readonly PhraseHit[]): boolean {
  const claims = new Set<number>();
  for (const p of parts) {
    const ci = m.claimIndex.get(p.claimId);
    if (ci !== undefined) claims.add(ci);
  }
  const subjects = new Set([...claims].map((ci) => (m.claims[ci] as Matcher['claims'][number]).subject));
  for (const h of terms) for (const o of m.termOwners[h.phrase] ?? []) if (claims.has(o.owner)) return true;
  for (const h of cues) for (const o of m.cueOwners[h.phrase] ?? []) if (subjects.has(o.owner)) return true;
  for (const h of facts) for (const o of m.factOwners[h.phrase] ?? []) if (claims.has((m.facts[o.fact] as Matcher['facts'][number]).claim)) return true;
  return false;
}

/** What a sentence was compared with, for comparing its other clauses on their own (`restOf`). */
interface RestContext {
  qs: readonly ParsedQuantity[];
  cHits: readonly PhraseHit[];
  tHits: readonly PhraseHit[];
  anchored: boolean;
  anchorSpans: readonly PhraseHit[];
  ownWords: readonly PhraseHit[];
  xHits: readonly PhraseHit[];
  attributed: boolean;
  nearFacts: ReadonlySet<number> | undefined;
  /** The page's wrong titles so far (the live set). */
  wrongTitles: ReadonlySet<string>;
  carried: readonly CarriedHit[];
}

/** The items inside [a, b). */
function inside<T extends { start: number; end: number }>(xs: readonly T[], a: number, b: number): T[] {
  return xs.filter((x) => x.start >= a && x.end <= b);
}

/** The matches of one clause [a, b) of a sentence compared already (`RestContext`). */
function restOf(m: Matcher, text: string, folded: string, r: RestContext, a: number, b: number, locale: Locale): DatasetMatch[] {
  return matchSentence(m, {
    text,
    folded,
    start: a,
    end: b,
    quantities: inside(r.qs, a, b),
    cueHits: inside(r.cHits, a, b),
    termHits: inside(r.tHits, a, b),
    anchored: r.anchored,
    anchorSpans: inside(r.anchorSpans, a, b),
    topicSpans: inside(r.ownWords, a, b),
    factHits: inside(r.xHits, a, b),
    attributed: r.attributed,
    nearFacts: r.nearFacts,
    wrongTitles: r.wrongTitles,
    carried: inside(r.carried, a, b),
    locale,
  });
}

/** Extracts the main text of `doc` and analyses it; offsets map to `doc`'s own Text nodes through `map`. */
export function analyzeDocument(
  doc: Document,
  url: string,
  dataset: MatcherDataset | Matcher,
  topic: Topic | CompiledTopic,
  options: AnalyzeOptions & ExtractOptions = {},
): DocumentAnalysis {
  const extracted = extractMainText(doc, options);
  const analysis = analyzeText({ text: extracted.text, title: extracted.title, url, language: extracted.language }, dataset, topic, options);
  return { ...analysis, text: extracted.text, map: extracted.map, extraction: extracted.method };
}

/**
 * For the content script: runs the cheap gate and returns null at once for
 * unrelated pages; otherwise loads Readability (once, on demand) and analyses
 * the page. Pass `readability: null` to use only the built-in extractor.
 */
export async function analyzePage(
  doc: Document,
  url: string,
  dataset: MatcherDataset | Matcher,
  topic: Topic | CompiledTopic,
  options: AnalyzeOptions & ExtractOptions = {},
): Promise<DocumentAnalysis | null> {
  if (!gateDocument(doc, url, topic).pass) return null;
  const readability = options.readability === undefined ? await loadReadability().catch(() => null) : options.readability;
  return analyzeDocument(doc, url, dataset, topic, { ...options, readability });
}

/**
 * The topic's own words: its names (the strongest terms) and the background
 * every article shares (the weakest: El Salvador, prison, deportation, deal).
 * Terms in between name specific things (Tren de Aragua, the Alien Enemies Act).
 */
const OWN_WORD_MIN = 2;
const OWN_WORD_MAX = 0.3;

function topicContext(t: CompiledTopic, hits: readonly PhraseHit[]): { anchored: boolean; rival: boolean; anchorSpans: PhraseHit[]; ownWords: PhraseHit[] } {
  let rival = false;
  const anchorSpans: PhraseHit[] = [];
  const ownWords: PhraseHit[] = [];
  for (const h of hits) {
    for (const owner of t.owners[h.phrase] ?? []) {
      if (owner >= 0 && t.anchors.has(owner)) anchorSpans.push(h);
      if (owner < 0 && t.rivals.has(~owner)) rival = true;
      const w = owner >= 0 ? t.topic.terms[owner]?.weight : undefined;
      if (w !== undefined && (w >= OWN_WORD_MIN || w <= OWN_WORD_MAX) && ownWords[ownWords.length - 1] !== h) ownWords.push(h);
    }
  }
  return { anchored: anchorSpans.length > 0, rival, anchorSpans, ownWords };
}

/** The place a sentence names itself: the topic's own (an anchor: CECOT; or its country, `places`), or another prison or country (a negative marked `place`). */
function namedPlace(t: CompiledTopic, hits: readonly PhraseHit[]): Place | null {
  let other = false;
  let country = false;
  for (const h of hits) {
    for (const owner of t.owners[h.phrase] ?? []) {
      if (owner >= 0 && t.anchors.has(owner)) return 'own';
      if (owner >= 0 && t.topic.places.includes(t.topic.terms[owner]?.id ?? '')) country = true;
      if (owner < 0 && t.topic.negatives[~owner]?.place) other = true;
    }
  }
  // "The Salvadoran prison, by contrast, …" speaks of the topic's country; beside another country it does not say which.
  return other ? 'other' : country ? 'own' : null;
}

/**
 * Distinct dataset terms (and, as one, subject cues) outside the topic's
 * background words: what says the sentence is about something the dataset claims.
 */
function specificTerms(t: CompiledTopic, topicHits: readonly PhraseHit[], termHits: readonly PhraseHit[], cueHits: readonly PhraseHit[]): number {
  if (!termHits.length && !cueHits.length) return 0;
  // (A sentence has a few hits: the background's are looked up where needed, and the phrases counted pairwise, no list or set built.)
  if (termHits.length > 16) {
    const distinct = new Set<number>();
    for (const h of termHits) if (!inBackground(t, topicHits, h)) distinct.add(h.phrase);
    return distinct.size + (cueHits.some((h) => !inBackground(t, topicHits, h)) ? 1 : 0);
  }
  let phrases = 0;
  for (let i = 0; i < termHits.length; i++) {
    const h = termHits[i] as PhraseHit;
    if (inBackground(t, topicHits, h)) continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) {
      const g = termHits[j] as PhraseHit;
      seen = g.phrase === h.phrase && !inBackground(t, topicHits, g);
    }
    if (!seen) phrases++;
  }
  return phrases + (cueHits.some((h) => !inBackground(t, topicHits, h)) ? 1 : 0);
}

/** `h` lies inside a hit of the topic's background words (El Salvador, prison, deportation, deal). */
function inBackground(t: CompiledTopic, topicHits: readonly PhraseHit[], h: PhraseHit): boolean {
  for (let i = 0; i < topicHits.length; i++) {
    const b = topicHits[i] as PhraseHit;
    if (b.start > h.start || h.end > b.end) continue;
    const owners = t.owners[b.phrase];
    if (!owners) continue;
    for (let k = 0; k < owners.length; k++) {
      const o = owners[k] as number;
      if (o >= 0 && (t.topic.terms[o]?.weight ?? 1) <= OWN_WORD_MAX) return true;
    }
  }
  return false;
}

/** Where a sentence's clauses break: a comma (not inside "15,000"), semicolon, colon, dash (not in "80 - 100") or bracket. */
const CLAUSE_BREAK = /(?<!\d),|,(?!\d)|[;:()\u2014]|(?<!\d)\s[-\u2013]\s(?!\d)/g;
const CLAUSE_MIN_WORDS = 4;
const CLAUSE_TRIMMED = /[\s"“”«»'’.]/;

/** The clauses of a sentence no part touches, each long enough to claim something. */
function restClauses(text: string, s: { start: number; end: number }, parts: readonly ClaimPart[]): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  const body = text.slice(s.start, s.end);
  CLAUSE_BREAK.lastIndex = 0;
  for (let mm = CLAUSE_BREAK.exec(body); mm; mm = CLAUSE_BREAK.exec(body)) cuts.push([s.start + mm.index, s.start + mm.index + mm[0].length]);
  cuts.push([s.end, s.end]);
  const out: Array<[number, number]> = [];
  let at = s.start;
  for (const [a, b] of cuts) {
    let x = at;
    let y = a;
    while (x < y && CLAUSE_TRIMMED.test(text.charAt(x))) x++;
    while (y > x && CLAUSE_TRIMMED.test(text.charAt(y - 1))) y--;
    if (y > x && !parts.some((p) => p.start < y && x < p.end) && countWords(text, x, y) >= CLAUSE_MIN_WORDS) out.push([x, y]);
    at = b;
  }
  return out;
}

function toClaimQuantity(q: ParsedQuantity): ClaimQuantity {
  const out: ClaimQuantity = { text: q.text, start: q.start, end: q.end, qualifier: q.qualifier, unit: q.unit, category: q.category };
  if (q.value !== undefined) out.value = q.value;
  if (q.min !== undefined) out.min = q.min;
  if (q.max !== undefined) out.max = q.max;
  return out;
}

/** How many different phrases the hits are of (a sentence has a few: compared pairwise, no set built). */
function distinctPhrases(hits: readonly PhraseHit[]): number {
  if (hits.length > 16) return new Set(hits.map((h) => h.phrase)).size;
  let n = 0;
  for (let i = 0; i < hits.length; i++) {
    const p = (hits[i] as PhraseHit).phrase;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = (hits[j] as PhraseHit).phrase === p;
    if (!seen) n++;
  }
  return n;
}

function countWords(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Walks items sorted by `start`, handing each sentence the ones inside it. */
/** How far before a sentence, and after it, the page may name a thing for "the law", "esta ley" to stand for it. */
const NAMED_BEFORE = 1500;
const NAMED_AFTER = 300;
/** How far before a sentence a person named may be "the secretary", "la secretaria" in it. */
const PERSON_BEFORE = 600;

/** Where the page names the things typed facts date (`of` phrases): per sentence, the facts named near it, walked in order. */
class NamedNear {
  private readonly hits: Array<{ start: number; fact: number; person: boolean }> = [];
  private i = 0;
  constructor(m: Matcher, all: readonly { start: number; phrase: number }[]) {
    for (const h of all) {
      for (const o of m.factOwners[h.phrase] ?? []) {
        if (o.role === 'of') this.hits.push({ start: h.start, fact: o.fact, person: false });
        else if (o.role === 'person') this.hits.push({ start: h.start, fact: o.fact, person: true });
      }
    }
  }
  /** Things named from a little before the sentence to a little after; people named shortly before it ("the secretary" after "Noem"). */
  near(start: number, end: number): ReadonlySet<number> | undefined {
    const hits = this.hits;
    if (!hits.length) return undefined;
    while (this.i < hits.length && (hits[this.i] as { start: number }).start < start - NAMED_BEFORE) this.i++;
    let out: Set<number> | undefined;
    for (let j = this.i; j < hits.length && (hits[j] as { start: number }).start < end + NAMED_AFTER; j++) {
      const h = hits[j] as { start: number; fact: number; person: boolean };
      if (h.person && (h.start >= start || h.start < start - PERSON_BEFORE)) continue;
      (out ??= new Set()).add(h.fact);
    }
    return out;
  }
}

class Cursor<T extends { start: number; end: number }> {
  private i = 0;
  constructor(private readonly items: readonly T[]) {}
  take(start: number, end: number): T[] {
    const items = this.items;
    while (this.i < items.length && (items[this.i] as T).start < start) this.i++;
    const from = this.i;
    let j = from;
    let inside = 0;
    while (j < items.length && (items[j] as T).start < end) {
      if ((items[j] as T).end <= end) inside++;
      j++;
    }
    this.i = j;
    // (Most often none or all of them: a list of just their size, not one grown from empty with room for 16.)
    if (inside === j - from) return items.slice(from, j);
    const out: T[] = [];
    for (let k = from; k < j; k++) if ((items[k] as T).end <= end) out.push(items[k] as T);
    return out;
  }
}
