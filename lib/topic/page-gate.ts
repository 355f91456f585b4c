import { gate as topicGate } from '../../seeds/topic.json';
import { foldText } from '../text/fold';
import { PhraseSet } from '../text/phrase-set';
import { documentText, gateSample } from './gate';

let compiled: PhraseSet | null = null;
let extraCompiled: { key: string; set: PhraseSet } | null = null;

/**
 * `gateDocument` as the always-on content script runs it: the same sample of
 * the page, but only the gate's phrases are bundled and compiled (a named JSON
 * import keeps the rest of topic.json, and Zod, out of that script).
 */
export function pageGate(doc: Document, url: string, extraPhrases: readonly string[] = []): boolean {
  compiled ??= new PhraseSet(topicGate.phrases);
  const sample = foldText(gateSample(documentText(doc, url, topicGate.maxChars), topicGate.maxChars));
  if (compiled.findFirst(sample) !== null) return true;
  // The reader's own recognition terms (added on the Dataset page), compiled once per list.
  if (!extraPhrases.length) return false;
  const key = extraPhrases.join('\n');
  if (extraCompiled?.key !== key) extraCompiled = { key, set: new PhraseSet(extraPhrases) };
  return extraCompiled.set.findFirst(sample) !== null;
}
