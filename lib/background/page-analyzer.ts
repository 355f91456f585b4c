import { analyzeText, publicAnalysis } from '../analyze';
import type { Claim, Subject } from '../dataset/schema';
import { buildMatcher, type Matcher } from '../match/build-matcher';
import type { PageAnalysis } from '../messages/protocol';
import type { Topic } from '../topic/schema';

export interface DatasetSnapshot {
  version: string;
  claims: Claim[];
  subjects: Subject[];
}

/**
 * Analyses page texts against the dataset the database holds. The matcher is
 * built once per dataset version, not per page.
 */
export function makePageAnalyzer(readDataset: () => Promise<DatasetSnapshot>, currentVersion: () => Promise<string>, topic: () => Topic) {
  let cache: { version: string; matcher: Matcher } | null = null;
  return async (input: { url: string; title: string; language?: string; text: string }): Promise<PageAnalysis> => {
    const version = await currentVersion();
    if (!cache || cache.version !== version) {
      const snapshot = await readDataset();
      cache = { version: snapshot.version, matcher: buildMatcher({ claims: snapshot.claims, subjects: snapshot.subjects }) };
    }
    return publicAnalysis(analyzeText(input, cache.matcher, topic()));
  };
}
