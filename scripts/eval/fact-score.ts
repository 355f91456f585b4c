/**
 * Scores what the engine shows over each labelled fact's evidence span: the
 * figures `npm run eval` prints for written and real pages alike (facts
 * flagged, relation shown first right, any relation right, agreeing facts
 * shown as conflicts, page errors caught, precision of "related").
 *
 * The engine is read through its public shape (`scan --json`: each claim's
 * span and ordered matches). `shownUnits` is the one place that knows how a
 * claim is split into what the reader sees; adjust it when the claim shape grows.
 */
import { foldText } from '../../lib/text/fold';
import { parseQuantities } from '../../lib/text/parse-quantities';

export type Expect = 'agrees' | 'conflicts' | 'related' | 'none' | 'error-repeated';
export type ShownRelation = 'agrees' | 'conflicts' | 'related' | 'error-repeated';

/** One labelled fact, located in the analysed text. */
export interface LabelledFact {
  id: string;
  page: string;
  language: string;
  /** [start, end) in the analysed text; null when the evidence could not be located (scored as not flagged). */
  span: [number, number] | null;
  expect: Expect;
  claimIds: string[];
  failureKind?: number;
  values?: { page: string; dataset: string };
}

export interface ShownMatch {
  claimId: string;
  relation: ShownRelation;
  explanation: string;
}

/** What the reader sees as one row: a span and its dataset matches, best first. */
export interface ShownUnit {
  start: number;
  end: number;
  matches: ShownMatch[];
}

type Loose = Record<string, unknown>;
const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** A match's relation, reading the curator's-verdict flag however the engine spells it. */
export function shownRelation(m: Loose): ShownRelation | null {
  const r = str(m.relation);
  if (r === 'error-repeated' || r === 'repeats-error' || r === 'flagged-error' || m.repeatsError === true || m.errorRepeated === true) return 'error-repeated';
  if (r === 'agrees' || r === 'conflicts' || r === 'related') return r;
  return null;
}

function toMatches(list: unknown): ShownMatch[] {
  if (!Array.isArray(list)) return [];
  const out: ShownMatch[] = [];
  for (const m of list as Loose[]) {
    const relation = shownRelation(m);
    if (relation && typeof m.claimId === 'string') out.push({ claimId: m.claimId, relation, explanation: str(m.explanation) });
  }
  return out;
}

/**
 * The adapter from the engine's claim shape to rows the reader sees. A claim
 * may carry `parts` (sub-claims with their own span and relation: `{ start,
 * end, relation, claimId, explanation? }` or `{ start, end, matches: [...] }`);
 * each part is then a row. Otherwise the claim itself is the row, with its
 * `matches` in the order shown.
 */
export function shownUnits(claim: Loose): ShownUnit[] {
  const parts = claim.parts;
  if (Array.isArray(parts) && parts.length) {
    const units: ShownUnit[] = [];
    for (const p of parts as Loose[]) {
      if (!num(p.start) || !num(p.end)) continue;
      const matches = Array.isArray(p.matches) ? toMatches(p.matches) : toMatches([p]);
      units.push({ start: p.start, end: p.end, matches });
    }
    if (units.length) return units;
  }
  if (!num(claim.start) || !num(claim.end)) return [];
  return [{ start: claim.start, end: claim.end, matches: toMatches(claim.matches) }];
}

export interface FactOutcome {
  id: string;
  page: string;
  language: string;
  expect: Expect;
  claimIds: string[];
  failureKind: number | null;
  /** Some row overlaps the evidence. */
  flagged: boolean;
  /** The first relation of the row that covers most of the evidence. */
  shown: ShownMatch | null;
  firstRight: boolean;
  anyRight: boolean;
  /** An agreeing fact shown (first, or for its claim) as a conflict. */
  agreeShownAsConflict: boolean;
  /** For conflicts and repeated errors: flagged as such for its claim, the explanation naming both values. */
  caught: boolean | null;
  /** The first explanation shown reads as a sentence, not as the matcher's debug output (null when none is shown). */
  readable: boolean | null;
}

/**
 * Debug phrasing issue 8 lists under failure kind 7: matched-term lists, the
 * raw topic score, "article 000" for a source, "no figure to compare".
 */
const DEBUG_PHRASING = [/\bmentions\s+"/i, /says the same:/i, /no figure to compare/i, /topic score/i, /\barticle 0\d\d\b/i, /…$/];

export function readsAsSentence(explanation: string): boolean {
  return explanation.trim().length > 0 && !DEBUG_PHRASING.some((re) => re.test(explanation));
}

const overlap = (a: [number, number], u: ShownUnit): number => Math.max(0, Math.min(a[1], u.end) - Math.max(a[0], u.start));

/** Digits, letters and signs only, folded: "$4.76 million" and "4,76 millones" compare by their figures. */
export function valueKey(s: string): string {
  // "15 mil" is how Spanish writes 15,000: it names the same value as an explanation's "15,000".
  return foldText(s).replace(/(\d)\s*mil\b(?!\s+millones)/g, '$1000').replace(/[\s,.$'"\u00a0]/g, '').replace(/[-\u2013\u2014]/g, '-');
}

function namesBoth(explanation: string, values: { page: string; dataset: string }): boolean {
  const e = valueKey(explanation);
  if (e.includes(valueKey(values.page)) && e.includes(valueKey(values.dataset))) return true;
  // A figure named in the other language ("200 millones de dólares" for a label's "$200 million a year")
  // is the same value: compare the numbers the parser reads, when both labelled values are numbers.
  const page = numbersOf(values.page);
  const dataset = numbersOf(values.dataset);
  if (!page.length || !dataset.length) return false;
  const said = new Set(numbersOf(explanation));
  return [...page, ...dataset].every((n) => said.has(n));
}

/** The numbers a text states (a range gives both ends). */
function numbersOf(text: string): number[] {
  return parseQuantities(text).flatMap((q) => (q.value !== undefined ? [q.value] : [q.min, q.max].filter((n): n is number => n !== undefined)));
}

/** Scores one fact against the rows shown on its page. */
export function scoreFact(fact: LabelledFact, units: ShownUnit[]): FactOutcome {
  const over = fact.span ? units.filter((u) => overlap(fact.span!, u) > 0) : [];
  const best = over.slice().sort((a, b) => overlap(fact.span!, b) - overlap(fact.span!, a) || a.start - b.start)[0];
  const shown = best?.matches[0] ?? null;
  const wanted = (m: ShownMatch): boolean => (fact.claimIds.length ? fact.claimIds.includes(m.claimId) : true);
  const all = over.flatMap((u) => u.matches);

  let firstRight: boolean;
  let anyRight: boolean;
  if (fact.expect === 'none') {
    firstRight = !shown || !wanted(shown);
    anyRight = !all.some(wanted);
  } else {
    firstRight = !!shown && shown.relation === fact.expect && wanted(shown);
    anyRight = all.some((m) => m.relation === fact.expect && wanted(m));
  }
  const agreeShownAsConflict = fact.expect === 'agrees' && (shown?.relation === 'conflicts' || all.some((m) => m.relation === 'conflicts' && wanted(m)));
  let caught: boolean | null = null;
  if (fact.expect === 'conflicts' || fact.expect === 'error-repeated') {
    caught = all.some((m) => m.relation === fact.expect && wanted(m) && (!fact.values || namesBoth(m.explanation, fact.values)));
  }
  return {
    id: fact.id,
    page: fact.page,
    language: fact.language,
    expect: fact.expect,
    claimIds: fact.claimIds,
    failureKind: fact.failureKind ?? null,
    flagged: over.length > 0,
    shown,
    firstRight,
    anyRight,
    agreeShownAsConflict,
    caught,
    readable: shown ? readsAsSentence(shown.explanation) : null,
  };
}

export interface Ratio {
  n: number;
  of: number;
  rate: number;
}
const ratio = (n: number, of: number): Ratio => ({ n, of, rate: of === 0 ? 1 : n / of });

export interface TopicScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function topicScore(pages: Array<{ expected: boolean; got: boolean }>): TopicScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pages) {
    if (p.got && p.expected) tp++;
    else if (p.got) fp++;
    else if (p.expected) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

export interface FactSummary {
  pages: number;
  facts: number;
  topic: TopicScore;
  /** Facts bearing on the dataset (expect ≠ none) with some row over their evidence. */
  flagged: Ratio;
  firstRight: Ratio;
  anyRight: Ratio;
  /** "none" facts with no match to their claim. */
  noneLeftAlone: Ratio;
  agreeShownAsConflict: Ratio;
  errorsCaught: Ratio;
  /** Facts with something shown over them whose first explanation reads as a sentence (kind 7). */
  readableExplanations: Ratio;
  /** Rows shown "related" first over labelled evidence, and how many of them the labels call related to that claim. */
  relatedPrecision: Ratio & { unjudged: number };
  byKind: Record<string, { firstRight: Ratio; anyRight: Ratio; readable: Ratio }>;
  byExpect: Record<string, { firstRight: Ratio; anyRight: Ratio; readable: Ratio }>;
}

export interface PageScoreInput {
  page: string;
  language: string;
  expectedOnTopic: boolean;
  gotOnTopic: boolean;
  /** The recognizer's score and first reasons, shown when the verdict is wrong. */
  topicScore?: number;
  topicReasons?: string[];
  units: ShownUnit[];
  facts: LabelledFact[];
}

/** The outcomes and the "related" rows judged, for one page. */
export function scorePage(p: PageScoreInput): { outcomes: FactOutcome[]; relatedShown: number; relatedRight: number; relatedUnjudged: number } {
  const outcomes = p.facts.map((f) => scoreFact(f, p.units));
  let relatedShown = 0;
  let relatedRight = 0;
  let relatedUnjudged = 0;
  for (const u of p.units) {
    const first = u.matches[0];
    if (first?.relation !== 'related') continue;
    const facts = p.facts.filter((f) => f.span && overlap(f.span, u) > 0);
    if (!facts.length) {
      relatedUnjudged++;
      continue;
    }
    relatedShown++;
    if (facts.some((f) => f.expect === 'related' && (!f.claimIds.length || f.claimIds.includes(first.claimId)))) relatedRight++;
  }
  return { outcomes, relatedShown, relatedRight, relatedUnjudged };
}

/** Aggregates page results (already filtered to one set and, optionally, one language). */
export function summarize(pages: Array<PageScoreInput & ReturnType<typeof scorePage>>): FactSummary {
  const outcomes = pages.flatMap((p) => p.outcomes);
  const bearing = outcomes.filter((o) => o.expect !== 'none');
  const group = (key: (o: FactOutcome) => string | null): FactSummary['byKind'] => {
    const out: FactSummary['byKind'] = {};
    const keys = [...new Set(outcomes.map(key).filter((k): k is string => k !== null))].sort();
    for (const k of keys) {
      const os = outcomes.filter((o) => key(o) === k);
      out[k] = {
        firstRight: ratio(os.filter((o) => o.firstRight).length, os.length),
        anyRight: ratio(os.filter((o) => o.anyRight).length, os.length),
        readable: ratio(os.filter((o) => o.readable === true).length, os.filter((o) => o.readable !== null).length),
      };
    }
    return out;
  };
  const errors = outcomes.filter((o) => o.caught !== null);
  const agrees = outcomes.filter((o) => o.expect === 'agrees');
  const none = outcomes.filter((o) => o.expect === 'none');
  const shown = pages.reduce((n, p) => n + p.relatedShown, 0);
  return {
    pages: pages.length,
    facts: outcomes.length,
    topic: topicScore(pages.map((p) => ({ expected: p.expectedOnTopic, got: p.gotOnTopic }))),
    flagged: ratio(bearing.filter((o) => o.flagged).length, bearing.length),
    firstRight: ratio(outcomes.filter((o) => o.firstRight).length, outcomes.length),
    anyRight: ratio(outcomes.filter((o) => o.anyRight).length, outcomes.length),
    noneLeftAlone: ratio(none.filter((o) => o.anyRight).length, none.length),
    agreeShownAsConflict: ratio(agrees.filter((o) => o.agreeShownAsConflict).length, agrees.length),
    errorsCaught: ratio(errors.filter((o) => o.caught).length, errors.length),
    readableExplanations: ratio(outcomes.filter((o) => o.readable === true).length, outcomes.filter((o) => o.readable !== null).length),
    relatedPrecision: { ...ratio(pages.reduce((n, p) => n + p.relatedRight, 0), shown), unjudged: pages.reduce((n, p) => n + p.relatedUnjudged, 0) },
    byKind: group((o) => (o.failureKind === null ? null : String(o.failureKind))),
    byExpect: group((o) => o.expect),
  };
}
