import { gate as topicGate } from '../../seeds/topic.json';
import { foldKey, foldText } from '../text/fold';
import { PhraseSet } from '../text/phrase-set';
import { documentText, gateSample } from './gate';

let compiled: PhraseSet | null = null;
let extraCompiled: { key: string; set: PhraseSet } | null = null;
let needles: string[] | null = null;

/**
 * The longest run of literal characters in a gate phrase ("tren de aragua" →
 * "aragua"): any text the phrase matches contains it verbatim, once folded.
 * Empty when the phrase has none, which disables the shortcut.
 */
export function literalCore(phrase: string): string {
  return foldKey(phrase)
    .split(/[\s'*-]+/)
    .reduce((best, part) => (part.length > best.length ? part : best), '');
}

/**
 * `gateDocument` as the always-on script runs it: the same sample of the page,
 * but only the gate's phrases are bundled (a named JSON import keeps the rest
 * of topic.json, and Zod, out of that script). Most pages contain none of the
 * phrases' literal cores, and for them the answer is no without building the
 * phrase expression at all (building it is the largest part of the gate's
 * cost in a fresh content script); the others get the exact test.
 */
export function pageGate(doc: Document, url: string, extraPhrases: readonly string[] = []): boolean {
  const folded = foldText(gateSample(documentText(doc, url, topicGate.maxChars), topicGate.maxChars));
  needles ??= topicGate.phrases.map(literalCore);
  if (needles.some((n) => n === '' || folded.includes(n))) {
    compiled ??= new PhraseSet(topicGate.phrases);
    if (compiled.findFirst(folded) !== null) return true;
  }
  // The reader's own recognition terms (added on the Dataset page), compiled once per list.
  if (!extraPhrases.length) return false;
  const key = extraPhrases.join('\n');
  if (extraCompiled?.key !== key) extraCompiled = { key, set: new PhraseSet(extraPhrases) };
  return extraCompiled.set.findFirst(folded) !== null;
}
