import type { PhraseHit } from '../text/phrase-set';
import type { ParsedQuantity } from '../text/parse-quantities';
import type { ClaimInfo, Matcher, SubjectInfo } from './build-matcher';
import { compareQuantities, describeQuantity } from './compare-quantities';

export type Relation = 'agrees' | 'conflicts' | 'related';

/** One dataset claim a page sentence bears on. */
export interface DatasetMatch {
  claimId: string;
  statement: string;
  relation: Relation;
  /** Confidence in [0, 1]. */
  score: number;
  /** For a person: "CECOT capacity: page says more than 50,000 people ("more than 50,000"); dataset says up to 40,000 people — incompatible". */
  explanation: string;
  /** The subject key both are about. */
  subject: string;
  /** For quantity comparisons: the page quantity's [start, end) in the main text. */
  quantitySpan?: [number, number];
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
}

/** Cue evidence decays with distance from the number: halved 25 characters away. */
const DECAY = 25;
const MIN_ASSIGN = 0.25;
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
  const comparedSubjects = new Set<number>();

  const quantities = s.quantities.filter((q) => q.category !== 'year');
  for (const q of quantities) {
    const subject = assignSubject(m, s, q, quantities);
    if (!subject) continue;
    comparedSubjects.add(subject.index);
    const info = m.subjects[subject.index] as SubjectInfo;
    for (const ci of info.quantityClaims) {
      const c = m.claims[ci];
      const dq = c?.claim.quantity;
      if (!c || !dq) continue;
      const cmp = compareQuantities(q, dq);
      const page = describeQuantity({ ...q, unit: info.subject.unit ?? q.unit });
      const data = describeQuantity(dq);
      const relation = cmp.compatible ? 'agrees' : 'conflicts';
      const score = round(Math.min(0.99, 0.45 + 0.35 * Math.min(1, subject.score) + (cmp.compatible ? 0.2 * cmp.closeness : 0.2)));
      out.push({
        claimId: c.claim.id,
        statement: c.claim.statement,
        relation,
        score,
        explanation: `${info.subject.label}: page says ${page} ("${q.text}"); dataset says ${data} ("${dq.text}") — ${cmp.compatible ? 'compatible' : 'incompatible'}`,
        subject: info.subject.key,
        quantitySpan: [q.start, q.end],
      });
    }
  }

  // Statements, and quantity subjects the sentence is about without a number to compare.
  const termEvidence = new Map<number, TermEvidence>();
  // Terms that name the topic itself ("CECOT", shared by half the claims) come
  // last and only add to claims other evidence already points at: they never
  // make a match on their own, and skipping them saves most of the work.
  const topicTerms: PhraseHit[] = [];
  for (const h of s.termHits) {
    if (s.anchorSpans?.some((a) => a.start < h.end && h.start < a.end)) {
      topicTerms.push(h);
      continue;
    }
    const phrase = m.terms.phrases[h.phrase] ?? '';
    // A long phrase found word for word ("the treatment is completely identical") says as much as two terms.
    const strength = contentWords(phrase) >= 4 ? 2 : 1;
    let negated: boolean | null = null;
    for (const o of m.termOwners[h.phrase] ?? []) {
      let e = termEvidence.get(o.owner);
      if (!e) termEvidence.set(o.owner, (e = { weight: 0, specific: 0, unique: 0, seen: [], hits: [], negatedHit: false }));
      if (e.seen.includes(h.phrase)) continue;
      e.seen.push(h.phrase);
      e.hits.push(h);
      e.weight += o.weight;
      if ((m.termOwners[h.phrase]?.length ?? 0) === 1) e.unique++;
      if (o.weight >= SPECIFIC_TERM && !m.termGeneric[h.phrase]) e.specific += strength;
      negated ??= NEGATION_BEFORE.test(before(s, h.start));
      if (negated) e.negatedHit = true;
    }
  }
  for (const h of topicTerms) {
    for (const o of m.termOwners[h.phrase] ?? []) {
      const e = termEvidence.get(o.owner);
      if (e && !e.seen.includes(h.phrase)) {
        e.seen.push(h.phrase);
        e.weight += o.weight * 0.3;
      }
    }
  }
  const cueEvidence = new Map<number, CueEvidence>();
  for (const h of s.cueHits) {
    const generic = m.cueGeneric[h.phrase] === true || s.anchorSpans?.some((a) => a.start < h.end && h.start < a.end) === true;
    for (const o of m.cueOwners[h.phrase] ?? []) {
      let e = cueEvidence.get(o.owner);
      if (!e) cueEvidence.set(o.owner, (e = { weight: 0, specific: 0, seen: [], specificHits: [], weighted: [] }));
      if (e.seen.includes(h.phrase)) continue;
      e.seen.push(h.phrase);
      const w = generic ? o.weight * 0.3 : o.weight;
      e.weight += w;
      e.weighted.push({ hit: h, weight: w });
      if (!generic) {
        e.specific++;
        e.specificHits.push(h);
      }
    }
  }

  const already = new Set(out.map((x) => x.claimId));
  const candidates: Candidate[] = [];
  const claimIndexes = new Set<number>(termEvidence.keys());
  for (const subject of cueEvidence.keys()) for (const ci of m.subjects[subject]?.claims ?? []) claimIndexes.add(ci);
  for (const ci of claimIndexes) {
    const c = m.claims[ci];
    if (!c || already.has(c.claim.id)) continue;
    const terms = termEvidence.get(ci);
    const cues = cueEvidence.get(c.subject);
    const info = m.subjects[c.subject] as SubjectInfo;
    const isQuantity = !!c.claim.quantity;
    // A quantity subject is "related" only when the sentence has no number it
    // could be about: when it has one, the numbers already said which subject
    // the sentence is about (compared above, or assigned to another subject).
    if (isQuantity && (comparedSubjects.has(c.subject) || quantities.some((q) => unitsFit(info, q)))) continue;
    let termWeight = terms?.weight ?? 0;
    let termSpecific = terms?.specific ?? 0;
    // Cues its own statement uses count as terms of the claim, unless they are
    // the very words a term already counted ("Tren de Aragua" is both).
    for (const h of cues?.specificHits ?? []) {
      if (c.statementCues.has(h.phrase) && !terms?.hits.some((t) => t.start < h.end && h.start < t.end)) {
        termWeight += STATEMENT_CUE;
        termSpecific++;
      }
    }
    // Words that are both a term of the claim and a cue of its subject count once.
    let cueSum = 0;
    for (const x of cues?.weighted ?? []) if (!terms?.hits.some((t) => t.start < x.hit.end && x.hit.start < t.end)) cueSum += x.weight;
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
    const says =
      !isQuantity &&
      (termSpecific >= 2 ? termWeight >= AGREE_TERMS_MIN : termSpecific >= 1 && (terms?.unique ?? 0) >= 1 && covered >= AGREE_COVERAGE);
    // Otherwise it is related when the evidence is strong enough: for a quantity subject with no
    // number, one specific cue ("population", "capacidad"); a statement needs more, since its
    // words are more often shared with neighbouring claims.
    if (specific === 0 || (!says && evidence < (isQuantity ? RELATED_QUANTITY_MIN : RELATED_MIN))) continue;
    let relation: Relation = 'related';
    // Terms often carry their own negation ("not been convicted"), so only a
    // negation the page puts before a term of a positive claim counts.
    if (says) relation = terms?.negatedHit && !c.negated ? 'conflicts' : 'agrees';
    candidates.push({ ci, relation, score: round(Math.min(0.95, evidence / 2.5)), terms, cues });
  }
  candidates.sort((a, b) => b.score - a.score);
  // Explanations are written only for the matches kept.
  for (const k of candidates.slice(0, Math.max(0, MAX_MATCHES - out.length))) {
    const c = m.claims[k.ci] as ClaimInfo;
    const info = m.subjects[c.subject] as SubjectInfo;
    const words = `mentions ${describeEvidence(k.terms, k.cues, m)}`;
    const why =
      k.relation === 'agrees'
        ? `says the same: ${words}`
        : k.relation === 'conflicts'
          ? `${words}, but the page denies it`
          : c.claim.quantity
            ? `${words}; no figure to compare`
            : words;
    out.push({
      claimId: c.claim.id,
      statement: c.claim.statement,
      relation: k.relation,
      score: k.score,
      explanation: `${info.subject.label}: ${why}`,
      subject: info.subject.key,
    });
  }
  return out;
}

interface TermEvidence {
  weight: number;
  specific: number;
  /** Terms no other claim has. */
  unique: number;
  seen: number[];
  hits: PhraseHit[];
  negatedHit: boolean;
}

interface CueEvidence {
  weight: number;
  specific: number;
  seen: number[];
  specificHits: PhraseHit[];
  weighted: Array<{ hit: PhraseHit; weight: number }>;
}

/** Share of the claim's own terms, in the better-covered language, that the sentence uses. */
function coverage(terms: TermEvidence | undefined, c: ClaimInfo): number {
  if (!terms) return 0;
  const share = (list: number[]) => (list.length ? list.filter((i) => terms.seen.includes(i)).length / list.length : 0);
  return Math.max(share(c.termsEn), share(c.termsEs));
}

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'by', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'that', 'from',
  'el', 'la', 'los', 'las', 'un', 'una', 'de', 'del', 'al', 'en', 'por', 'para', 'y', 'o', 'que', 'es', 'son', 'con', 'su', 'sus',
]);

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
}

function describeEvidence(terms: { seen: number[] } | undefined, cues: { seen: number[] } | undefined, m: Matcher): string {
  const words = [...(terms?.seen ?? [])].map((p) => m.terms.phrases[p]);
  for (const p of cues?.seen ?? []) words.push(m.cues.phrases[p]?.replace(/\*$/, '…'));
  return [...new Set(words)]
    .filter(Boolean)
    .slice(0, 4)
    .map((w) => `"${w}"`)
    .join(', ');
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
  for (const h of s.cueHits) {
    // The hedge before the number is not a cue ("as many as" says nothing about capacity).
    if (h.start >= q.start && h.end <= q.numberStart) continue;
    const gap = distance(h, q);
    if (all.some((other) => other !== q && distance(h, other) < gap)) continue;
    for (const o of m.cueOwners[h.phrase] ?? []) {
      const info = m.subjects[o.owner];
      if (!info?.category || !info.quantityClaims.length || !unitsFit(info, q)) continue;
      const v = o.weight / (1 + gap / DECAY);
      scores.set(o.owner, (scores.get(o.owner) ?? 0) + v);
    }
  }
  let best: Assignment | null = null;
  for (const [index, raw] of scores) {
    const score = raw * plausibility(m, index, q);
    if (!best || score > best.score) best = { index, score };
  }
  return best && best.score >= MIN_ASSIGN ? best : null;
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
