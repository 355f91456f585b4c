import { foldText } from '../text/fold';
import type { PhraseHit, PhraseSet } from '../text/phrase-set';
import { compileTopic, type CompiledComparison, type CompiledTopic } from './compile-topic';
import { urlWords, type PageText } from './gate';
import type { Topic } from './schema';

export interface TopicVerdict {
  onTopic: boolean;
  /** In [0, 1): raw / (raw + threshold), so 0.5 exactly at the topic's threshold. */
  score: number;
  /** Why, for a person: "names CECOT 4 times", "speaks of El Salvador's mega-prison", "speaks of bitcoin, which points away from the topic". */
  reasons: string[];
  /** The same reasons, in the same order, as data: the interface words them in its language. */
  reasonParts: TopicReason[];
}

/**
 * One reason as data: which term, combination or near-miss counted, with the
 * topic file's labels (`labelEs` when it has one), so that a catalog template
 * renders it in the reader's language.
 */
export type TopicReason =
  | { kind: 'term'; verb: 'names' | 'mentions'; label: string; labelEs?: string; count: number; inTitle: boolean }
  | { kind: 'combo'; label: string; labelEs?: string }
  | { kind: 'negative'; label: string; labelEs?: string };

export interface RecognizeOptions {
  /** `foldText(page.text)` when the caller already has it (the analyzer does), to skip folding twice. */
  foldedText?: string;
  /**
   * `compileTopic(topic).phrases.findAll(foldedText)` when the caller already has it (the analyzer
   * scans the body once for both the verdict and its sentences); must be the hits of `foldedText`.
   */
  bodyHits?: PhraseHit[];
}

interface Contribution {
  reason: string;
  part: TopicReason;
  value: number;
}

const labels = (x: { label: string; labelEs?: string | undefined }) => (x.labelEs ? { label: x.label, labelEs: x.labelEs } : { label: x.label });

/**
 * Decides whether a page is about the topic, from weighted terms, terms that
 * occur together (combos) and near-miss contexts (negatives), all read from
 * the topic file. One regex pass over the text; cost grows linearly with length.
 */
export function recognizeTopic(page: PageText, topic: Topic | CompiledTopic, options: RecognizeOptions = {}): TopicVerdict {
  const t = compileTopic(topic);
  const { terms, negatives, combos } = t.topic;
  const title = foldText(page.title ?? '');
  const url = foldText(urlWords(page.url));
  const body = options.foldedText ?? foldText(page.text);

  const termCount = new Float64Array(terms.length);
  const termInTitle = new Uint8Array(terms.length);
  const negCount = new Float64Array(negatives.length);
  // Positions of each term in the body, for combos that need their terms close together.
  const positions: number[][] = terms.map(() => []);

  const tally = (hits: PhraseHit[], boost: number, where: 'title' | 'url' | 'body'): void => {
    for (const h of hits) {
      for (const owner of t.owners[h.phrase] ?? []) {
        if (owner >= 0) {
          termCount[owner] = (termCount[owner] ?? 0) + boost;
          if (where === 'title') termInTitle[owner] = 1;
          if (where === 'body') positions[owner]?.push(h.start);
        } else {
          negCount[~owner] = (negCount[~owner] ?? 0) + boost;
        }
      }
    }
  };
  tally(t.phrases.findAll(title), t.topic.titleBoost, 'title');
  tally(t.phrases.findAll(url), t.topic.urlBoost, 'url');
  const bodyHits = options.bodyHits ?? t.phrases.findAll(body);
  // A name of the topic said only in a bracketed aside ("(como el CECOT, que tuvo un costo…)") is a passing mention, not what the page is about.
  tally(withoutAsides(t, body, bodyHits), 1, 'body');

  const parts: Contribution[] = [];
  terms.forEach((term, i) => {
    const n = termCount[i] ?? 0;
    if (n <= 0 || term.weight === 0) return;
    const occurrences = Math.round(n);
    const times = occurrences <= 1 ? 'once' : `${occurrences} times`;
    const inTitle = termInTitle[i] ? ', in the title too' : '';
    parts.push({
      reason: `${term.verb} ${term.label} ${times}${inTitle}`,
      part: { kind: 'term', verb: term.verb, ...labels(term), count: occurrences, inTitle: termInTitle[i] === 1 },
      value: term.weight * (1 + Math.log(n)),
    });
  });

  const strongestOfGroup = new Map<string, Contribution>();
  const comboAt = new Float64Array(combos.length).fill(-1);
  for (const [c, combo] of combos.entries()) {
    const members = combo.all.map((id) => t.termIndex.get(id) ?? -1);
    if (members.some((m) => m < 0 || (termCount[m] ?? 0) <= 0)) continue;
    // Where the combo first holds in the body, for the comparison rule's sentences (0: the title, or anywhere).
    const at =
      combo.within === undefined || members.every((m) => termInTitle[m])
        ? Math.max(0, ...members.map((m) => positions[m]?.[0] ?? 0))
        : windowEnd(members.map((m) => positions[m] ?? []), combo.within);
    if (at < 0) continue;
    comboAt[c] = at;
    const part: Contribution = { reason: `speaks of ${combo.label}`, part: { kind: 'combo', ...labels(combo) }, value: combo.weight };
    if (combo.group === undefined) parts.push(part);
    else if ((strongestOfGroup.get(combo.group)?.value ?? -Infinity) < combo.weight) strongestOfGroup.set(combo.group, part);
  }
  parts.push(...strongestOfGroup.values());

  negatives.forEach((neg, i) => {
    const n = negCount[i] ?? 0;
    if (n <= 0) return;
    if (neg.unless.some((id) => (termCount[t.termIndex.get(id) ?? -1] ?? 0) > 0)) return;
    parts.push({ reason: `speaks of ${neg.label}, which points away from the topic`, part: { kind: 'negative', ...labels(neg) }, value: -neg.weight * (1 + Math.log(n)) });
  });

  let raw = parts.reduce((sum, p) => sum + p.value, 0);
  let nearMiss: Contribution | undefined;
  const threshold = t.topic.threshold;
  if (raw >= threshold) {
    const seen: Seen = { title, url, body, termCount, termInTitle, positions, comboAt, titleBoost: t.topic.titleBoost, urlBoost: t.topic.urlBoost };
    const comparison = t.comparisons.find((c) => onlyAModel(c, seen));
    if (comparison) {
      // Another country's model: what the page scored for the topic is outweighed, whatever it was.
      const positive = parts.reduce((sum, p) => sum + Math.max(p.value, 0), 0);
      const rule = comparison.rule;
      nearMiss = { reason: `speaks of ${rule.label}, which points away from the topic`, part: { kind: 'negative', ...labels(rule) }, value: -positive };
      raw -= positive;
    }
  }
  const score = raw > 0 ? raw / (raw + threshold) : 0;
  parts.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  // What decided the verdict comes first.
  if (nearMiss) parts.unshift(nearMiss);
  return {
    onTopic: raw >= threshold,
    score: Math.round(score * 1000) / 1000,
    reasons: parts.map((p) => p.reason),
    reasonParts: parts.map((p) => p.part),
  };
}

function isAnchorHit(t: CompiledTopic, h: PhraseHit): boolean {
  for (const o of t.owners[h.phrase] ?? []) if (o >= 0 && t.anchors.has(o)) return true;
  return false;
}

/** The body's hits less the topic's names said in an aside (`inAside`); the same array when there are none. */
function withoutAsides(t: CompiledTopic, body: string, hits: readonly PhraseHit[]): PhraseHit[] {
  let out: PhraseHit[] | null = null;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as PhraseHit;
    if (isAnchorHit(t, h) && inAside(body, hits, i)) out ??= hits.slice(0, i);
    else out?.push(h);
  }
  return out ?? (hits as PhraseHit[]);
}

/** How far from a name its aside's brackets may stand, and how many words of its own make a bracket an aside. */
const ASIDE_REACH = 160;
const ASIDE_WORDS = 4;
const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * Whether `hits[i]` stands in brackets that say something else besides the topic's names: an aside
 * ("(such as CECOT, which cost more than $100 million)"), not a gloss ("(CECOT)", "(Centro de
 * Confinamiento del Terrorismo, CECOT)", "(known as CECOT)").
 */
function inAside(body: string, hits: readonly PhraseHit[], i: number): boolean {
  const h = hits[i] as PhraseHit;
  // The bracket open before the name, and its close after it, each within reach (a bounded walk, not a search of the page).
  let open = -1;
  for (let k = h.start - 1, stop = Math.max(0, h.start - ASIDE_REACH); k >= stop && open < 0; k--) {
    const c = body.charCodeAt(k);
    if (c === 0x29) return false;
    if (c === 0x28) open = k;
  }
  if (open < 0) return false;
  let close = -1;
  for (let k = h.end, stop = Math.min(body.length, h.end + ASIDE_REACH); k < stop && close < 0; k++) {
    const c = body.charCodeAt(k);
    if (c === 0x28) return false;
    if (c === 0x29) close = k;
  }
  if (close < 0) return false;
  // The bracket's words, less those of the topic's phrases in it.
  let words = 0;
  let at = open + 1;
  const count = (a: number, b: number) => {
    if (b > a) words += body.slice(a, b).match(WORDS)?.length ?? 0;
  };
  for (let j = 0; j < hits.length; j++) {
    const x = hits[j] as PhraseHit;
    if (x.end <= open || x.start >= close) continue;
    count(at, x.start);
    at = Math.max(at, x.end);
  }
  count(at, close);
  return words >= ASIDE_WORDS;
}

interface Seen {
  title: string;
  url: string;
  body: string;
  termCount: Float64Array;
  termInTitle: Uint8Array;
  positions: number[][];
  /** Where each combo holds in the body (0 for the title), -1 where it does not. */
  comboAt: Float64Array;
  titleBoost: number;
  urlBoost: number;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether the page names the topic only as another country's model: a model term with a cue
 * within `within` characters (or both in the title), another country named up front or at least as
 * often as the topic's own place, and no more than `maxFacts` of the topic's own facts (or sentences holding them). The cheap tests
 * come first; the rule's own phrase sets run only on a page that passed them.
 */
function onlyAModel(c: CompiledComparison, s: Seen): boolean {
  const { rule } = c;
  if (!c.models.some((m) => (s.termCount[m] ?? 0) > 0)) return false;
  // Where each of the topic's own facts is first seen (0: in the title or URL only); phrase facts wait.
  const factAt: number[] = [];
  const phraseFacts: PhraseSet[] = [];
  for (const f of c.facts) {
    const at = [
      ...f.terms.filter((i) => (s.termCount[i] ?? 0) > 0).map((i) => s.positions[i]?.[0] ?? 0),
      ...f.combos.map((i) => s.comboAt[i] ?? -1).filter((p) => p >= 0),
    ];
    if (at.length) factAt.push(Math.min(...at));
    else if (f.phrases) phraseFacts.push(f.phrases);
  }
  if (factCount(factAt, s.body, rule.countFactsBy, rule.maxFacts) > rule.maxFacts) return false;

  const compared =
    c.models.some((m) => s.termInTitle[m] === 1 && c.cues.test(s.title)) ||
    c.models.some((m) =>
      (s.positions[m] ?? []).some((at) => {
        let from = Math.max(0, at - rule.within);
        while (from > 0 && WORD.test(s.body[from - 1] ?? '')) from--;
        let to = Math.min(s.body.length, at + rule.within);
        while (to < s.body.length && WORD.test(s.body[to] ?? '')) to++;
        return c.cues.test(s.body, from, to);
      }),
    );
  if (!compared) return false;

  const inTitle = c.subjects.findAll(s.title).length;
  const inBody = c.subjects.findAll(s.body);
  const named = inTitle * s.titleBoost + c.subjects.findAll(s.url).length * s.urlBoost + inBody.length;
  if (named === 0 || named < rule.minMentions) return false;
  const upFront = inTitle > 0 || (inBody[0] !== undefined && inBody[0].start < rule.lead);
  if (!upFront && named < c.outnumbers.reduce((sum, i) => sum + (s.termCount[i] ?? 0), 0)) return false;

  for (const set of phraseFacts) {
    const at = set.test(s.title) ? 0 : (set.findFirst(s.body)?.start ?? -1);
    if (at < 0) continue;
    factAt.push(at);
    if (factCount(factAt, s.body, rule.countFactsBy, rule.maxFacts) > rule.maxFacts) return false;
  }
  return true;
}

/** Where a sentence ends: a full stop, question or exclamation mark before a space (an abbreviation splits too, to the safe side). */
const SENTENCE_END = /[.!?]["'”»)]*\s/;

/**
 * How many of the topic's own facts the page carries, by their first positions: one each, or with
 * `by` "sentence" one per sentence holding some (counted up to `max` + 1, which is enough to decide).
 */
function factCount(positions: readonly number[], body: string, by: 'fact' | 'sentence', max: number): number {
  if (by === 'fact' || positions.length <= max) return positions.length;
  const sorted = [...positions].sort((a, b) => a - b);
  let count = 1;
  for (let i = 1; i < sorted.length && count <= max; i++) {
    const a = sorted[i - 1] as number;
    const b = sorted[i] as number;
    if (b > a && SENTENCE_END.test(body.slice(a, b))) count++;
  }
  return count;
}

/**
 * True when some window of `size` characters holds at least one position from
 * every list (lists sorted ascending): the smallest-window-covering-all-kinds
 * sweep, linear in the total number of positions.
 */
export function withinWindow(lists: number[][], size: number): boolean {
  return windowEnd(lists, size) >= 0;
}

/** Where the first such window is complete (its rightmost position), or -1 when there is none (positions: offsets, whole numbers from 0). */
export function windowEnd(lists: number[][], size: number): number {
  const k = lists.length;
  let n = 0;
  for (const list of lists) {
    // A list without positions: no window holds one of each.
    if (!list.length) return -1;
    n += list.length;
  }
  // Every position with its list as one number (position × k + list), sorted: by position, then by
  // list, the order the lists were read in (a typed array sorts numbers without a pair per position).
  const merged = new Float64Array(n);
  let m = 0;
  for (let kind = 0; kind < k; kind++) for (const pos of lists[kind] as number[]) merged[m++] = pos * k + kind;
  merged.sort();
  const have = new Int32Array(k);
  let kinds = 0;
  let left = 0;
  for (let i = 0; i < n; i++) {
    const v = merged[i] as number;
    const kind = v % k;
    const pos = (v - kind) / k;
    const before = have[kind] ?? 0;
    have[kind] = before + 1;
    if (before === 0) kinds++;
    while (kinds === k && left < n) {
      const first = merged[left] as number;
      const firstKind = first % k;
      if (pos - (first - firstKind) / k <= size) return pos;
      const left1 = (have[firstKind] ?? 1) - 1;
      have[firstKind] = left1;
      if (left1 === 0) kinds--;
      left++;
    }
  }
  return -1;
}
