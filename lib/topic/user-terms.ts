import type { UserTerm } from '../dataset/user-term';
import type { Topic } from './schema';

/** The browser.storage.local key under which the background leaves the reader's terms for the page scripts. */
export const USER_TOPIC_KEY = 'userTopic';

/** What that key holds: the terms' phrases for the always-on gate, and the terms for the page session. */
export interface UserTopicStore {
  gatePhrases: string[];
  terms: UserTerm[];
}

export function userTopicStore(terms: readonly UserTerm[]): UserTopicStore {
  return { gatePhrases: [...new Set(terms.flatMap((t) => t.phrases))], terms: [...terms] };
}

const cache = new WeakMap<Topic, { key: string; topic: Topic }>();

/**
 * The topic with the reader's recognition terms added: each is a term of the
 * recognizer (a strong one scores the threshold alone, so a page naming it is
 * on topic; a supporting one a third of it) and its phrases join the gate.
 * The result is cached per topic and term list, so compiled phrase sets are reused.
 */
export function topicWithUserTerms(topic: Topic, terms: readonly UserTerm[]): Topic {
  if (!terms.length) return topic;
  const key = JSON.stringify(terms);
  const hit = cache.get(topic);
  if (hit?.key === key) return hit.topic;
  const taken = new Set(topic.terms.map((t) => t.id));
  const extra = terms
    .filter((t) => !taken.has(`user.${t.id}`))
    .map((t) => ({
      id: `user.${t.id}`,
      label: t.label,
      verb: t.kind === 'name' ? ('names' as const) : ('mentions' as const),
      phrases: t.phrases,
      weight: t.strength === 'strong' ? topic.threshold : topic.threshold / 3,
    }));
  const next: Topic = {
    ...topic,
    gate: { ...topic.gate, phrases: [...topic.gate.phrases, ...extra.flatMap((t) => t.phrases)] },
    terms: [...topic.terms, ...extra],
    // A strong term names the topic: sentences naming it are compared with the dataset like those naming CECOT.
    anchors: [...topic.anchors, ...terms.filter((t) => t.strength === 'strong' && !taken.has(`user.${t.id}`)).map((t) => `user.${t.id}`)],
  };
  cache.set(topic, { key, topic: next });
  return next;
}
