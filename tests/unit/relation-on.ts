/**
 * Analysing a written page with the bundled dataset and topic, as the matching tests need it.
 */
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

const dataset = bundledDataset();
const topic = bundledTopic();

/** The relation the page shows for `claimId` on the sentence that contains `contains`, or 'none'. */
export function relationOn(text: string, language: 'en' | 'es', contains: string, claimId: string): string {
  const a = analyzeText({ text, title: 'A written page', language }, dataset, topic);
  const c = a.claims.find((x) => x.text.includes(contains));
  return c?.matches.find((m) => m.claimId === claimId)?.relation ?? 'none';
}
