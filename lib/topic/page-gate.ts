import { foldText } from '../text/fold';
import { PhraseSet } from '../text/phrase-set';
import { documentText, gateSample } from './gate';
import { GATE_EXPRESSION, GATE_MAX_CHARS, GATE_NEEDLES } from './gate-expression';

let compiled: RegExp | null = null;
let extraCompiled: { key: string; set: PhraseSet } | null = null;

/**
 * `gateDocument` as the always-on script runs it: the same sample of the page
 * and the same answer, but the gate's phrases arrive already compiled into
 * their one expression (lib/topic/gate-expression.ts, generated at build from
 * seeds/topic.json), so the script neither bundles the topic file nor builds
 * the expression on each page (in a fresh content script that building cost
 * more than reading and scanning the page). Most pages contain none of the
 * phrases' literal cores (`GATE_NEEDLES`), and for them the answer is no after
 * a few plain string searches; the others get the expression. Only yes or no
 * is needed here, so one `test` replaces finding which phrase matched.
 */
export function pageGate(doc: Document, url: string, extraPhrases: readonly string[] = []): boolean {
  const folded = foldText(gateSample(documentText(doc, url, GATE_MAX_CHARS), GATE_MAX_CHARS));
  if (GATE_NEEDLES.some((n) => folded.includes(n))) {
    compiled ??= new RegExp(GATE_EXPRESSION);
    if (compiled.test(folded)) return true;
  }
  // The reader's own recognition terms (added on the Dataset page), compiled once per list.
  if (!extraPhrases.length) return false;
  const key = extraPhrases.join('\n');
  if (extraCompiled?.key !== key) extraCompiled = { key, set: new PhraseSet(extraPhrases) };
  return extraCompiled.set.findFirst(folded) !== null;
}
