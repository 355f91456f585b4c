import { gate as topicGate } from '../../seeds/topic.json';
import { foldText } from '../text/fold';
import { PhraseSet } from '../text/phrase-set';
import { leadingText, urlWords } from './gate';

/**
 * The gate as the always-on content script runs it: only the gate's phrases
 * are bundled and compiled (a named JSON import keeps the rest of topic.json
 * out of the bundle), and nothing else of the recognizer is loaded.
 * It answers the same as `gateDocument` (a unit test holds them equal).
 */
let compiled: PhraseSet | null = null;

export function pageGate(doc: Document, url: string): boolean {
  compiled ??= new PhraseSet(topicGate.phrases);
  const max = topicGate.maxChars;
  const metas: string[] = [];
  for (const sel of ['meta[name="description"]', 'meta[property="og:title"]', 'meta[property="og:description"]']) {
    const content = doc.querySelector(sel)?.getAttribute('content');
    if (content) metas.push(content);
  }
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.body ?? doc.documentElement;
  const text = root ? leadingText(root, max) : '';
  const sample = `${doc.title ?? ''}\n${metas.join('\n')}\n${urlWords(url)}\n${text}`;
  return compiled.findFirst(foldText(sample)) !== null;
}
