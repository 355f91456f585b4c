import { PhraseSet } from '../text/phrase-set';
import type { Topic, TopicComparison } from './schema';

/** A comparison rule with its phrases compiled; its phrase sets run only on pages that would be on topic. */
export interface CompiledComparison {
  readonly rule: TopicComparison;
  /** Term indexes of its models and of the place the subject must outnumber. */
  readonly models: readonly number[];
  readonly outnumbers: readonly number[];
  readonly cues: PhraseSet;
  readonly subjects: PhraseSet;
  /** Each fact's term indexes, combo indexes and phrases (null when it has none). */
  readonly facts: ReadonlyArray<{ terms: readonly number[]; combos: readonly number[]; phrases: PhraseSet | null }>;
}

/** A topic with its phrases compiled once into the phrase sets (tries) the gate and recognizer run. */
export interface CompiledTopic {
  readonly topic: Topic;
  /** Phrases of the gate, in one phrase set. */
  readonly gate: PhraseSet;
  /** Phrases of every term and negative, in one phrase set. */
  readonly phrases: PhraseSet;
  /** For each phrase index of `phrases`: the terms (index >= 0) and negatives (~index) it belongs to. */
  readonly owners: number[][];
  readonly termIndex: ReadonlyMap<string, number>;
  /** Term indexes marked as anchors. */
  readonly anchors: ReadonlySet<number>;
  /** Negative indexes marked as rivals. */
  readonly rivals: ReadonlySet<number>;
  readonly comparisons: readonly CompiledComparison[];
}

const cache = new WeakMap<Topic, CompiledTopic>();

export function isCompiledTopic(t: Topic | CompiledTopic): t is CompiledTopic {
  return 'phrases' in t && t.phrases instanceof PhraseSet;
}

/** Compiles a validated topic; the result is cached per topic object. */
export function compileTopic(topic: Topic | CompiledTopic): CompiledTopic {
  if (isCompiledTopic(topic)) return topic;
  const cached = cache.get(topic);
  if (cached) return cached;

  const all: string[] = [];
  for (const t of topic.terms) all.push(...t.phrases);
  for (const n of topic.negatives) all.push(...n.phrases);
  const phrases = new PhraseSet(all);
  const owners: number[][] = phrases.phrases.map(() => []);
  const own = (phrase: string, owner: number): void => {
    const i = phrases.indexOf(phrase);
    const list = owners[i];
    if (list && !list.includes(owner)) list.push(owner);
  };
  topic.terms.forEach((t, i) => t.phrases.forEach((p) => own(p, i)));
  topic.negatives.forEach((n, i) => n.phrases.forEach((p) => own(p, ~i)));
  // A match is reported under one phrase; it counts for the owners of every phrase that also matches
  // there, or inside it ("sent to el salvador" is about deportations and about El Salvador).
  const extra = phrases.phrases.map((_, i) => phrases.overlapping(i, true));
  extra.forEach((others, i) => {
    for (const o of others) for (const owner of owners[o] ?? []) if (!owners[i]?.includes(owner)) owners[i]?.push(owner);
  });

  const termIndex = new Map(topic.terms.map((t, i) => [t.id, i] as const));
  const anchors = new Set(topic.anchors.map((id) => termIndex.get(id)).filter((i): i is number => i !== undefined));
  const rivals = new Set(topic.negatives.flatMap((n, i) => (n.rival ? [i] : [])));

  const comboIndex = new Map(topic.combos.map((c, i) => [c.id, i] as const));
  const indexes = (ids: readonly string[], of: ReadonlyMap<string, number>) => ids.map((id) => of.get(id)).filter((i): i is number => i !== undefined);
  const comparisons = topic.comparisons.map(
    (rule): CompiledComparison => ({
      rule,
      models: indexes(rule.models, termIndex),
      outnumbers: indexes(rule.outnumbers, termIndex),
      cues: new PhraseSet(rule.cues),
      subjects: new PhraseSet(rule.subjects),
      facts: rule.facts.map((f) => ({
        terms: indexes(f.terms, termIndex),
        combos: indexes(f.combos, comboIndex),
        phrases: f.phrases.length ? new PhraseSet(f.phrases) : null,
      })),
    }),
  );

  const compiled: CompiledTopic = {
    topic,
    gate: new PhraseSet(topic.gate.phrases),
    phrases,
    owners,
    termIndex,
    anchors,
    rivals,
    comparisons,
  };
  cache.set(topic, compiled);
  return compiled;
}
