import { storage } from 'wxt/utils/storage';
import { z } from '../lib/schema/zod';
import { UserTerm } from '../lib/dataset/user-term';
import { USER_TOPIC_KEY, userTopicStore, type UserTopicStore } from '../lib/topic/user-terms';

const Stored = z.object({ terms: z.array(UserTerm).max(2000) });

/** The reader's recognition terms as the background left them; malformed storage counts as none. */
export async function loadUserTerms(): Promise<UserTerm[]> {
  return userTermsFrom(await storage.getItem(`local:${USER_TOPIC_KEY}`));
}

/** The terms out of the stored value itself (read with others in one storage call); malformed counts as none. */
export function userTermsFrom(raw: unknown): UserTerm[] {
  const parsed = Stored.safeParse(raw);
  return parsed.success ? parsed.data.terms : [];
}

/** Written by the background whenever the layer's terms change, for the gate and the page session of the next page. */
export async function saveUserTerms(terms: readonly UserTerm[]): Promise<void> {
  const value: UserTopicStore = userTopicStore(terms);
  await storage.setItem(`local:${USER_TOPIC_KEY}`, value);
}
