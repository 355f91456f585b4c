import { foldText } from '../text/fold';
import type { PhraseHit } from '../text/phrase-set';
import { compileTopic, type CompiledTopic } from './compile-topic';
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
  tally(options.bodyHits ?? t.phrases.findAll(body), 1, 'body');

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
  for (const combo of combos) {
    const members = combo.all.map((id) => t.termIndex.get(id) ?? -1);
    if (members.some((m) => m < 0 || (termCount[m] ?? 0) <= 0)) continue;
    const together =
      combo.within === undefined ||
      members.every((m) => termInTitle[m]) ||
      withinWindow(members.map((m) => positions[m] ?? []), combo.within);
    if (!together) continue;
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

  const raw = parts.reduce((sum, p) => sum + p.value, 0);
  const threshold = t.topic.threshold;
  const score = raw > 0 ? raw / (raw + threshold) : 0;
  parts.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  return {
    onTopic: raw >= threshold,
    score: Math.round(score * 1000) / 1000,
    reasons: parts.map((p) => p.reason),
    reasonParts: parts.map((p) => p.part),
  };
}

/**
 * True when some window of `size` characters holds at least one position from
 * every list (lists sorted ascending): the smallest-window-covering-all-kinds
 * sweep, linear in the total number of positions.
 */
export function withinWindow(lists: number[][], size: number): boolean {
  const k = lists.length;
  const merged: Array<[number, number]> = [];
  lists.forEach((list, kind) => list.forEach((pos) => merged.push([pos, kind])));
  merged.sort((a, b) => a[0] - b[0]);
  const have = new Int32Array(k);
  let kinds = 0;
  let left = 0;
  for (const [pos, kind] of merged) {
    const before = have[kind] ?? 0;
    have[kind] = before + 1;
    if (before === 0) kinds++;
    while (kinds === k) {
      const first = merged[left];
      if (!first) break;
      if (pos - first[0] <= size) return true;
      const left1 = (have[first[1]] ?? 1) - 1;
      have[first[1]] = left1;
      if (left1 === 0) kinds--;
      left++;
    }
  }
  return false;
}
