import { gate as topicGate } from '../../seeds/topic.json';
import { foldText } from '../text/fold';
import { PhraseSet } from '../text/phrase-set';
import { documentText, gateSample } from './gate';

let compiled: PhraseSet | null = null;

/**
 * `gateDocument` as the always-on content script runs it: the same sample of
 * the page, but only the gate's phrases are bundled and compiled (a named JSON
 * import keeps the rest of topic.json, and Zod, out of that script).
 */
export function pageGate(doc: Document, url: string): boolean {
  compiled ??= new PhraseSet(topicGate.phrases);
  return compiled.findFirst(foldText(gateSample(documentText(doc, url, topicGate.maxChars), topicGate.maxChars))) !== null;
}
