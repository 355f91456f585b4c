import { foldText } from '../text/fold';
import { PhraseSet } from '../text/phrase-set';
import { documentText, gateSample } from './gate';
import { GATE_GROUPS, GATE_MAX_CHARS } from './gate-expression';

/** Each group's expression, compiled on the first page that holds its needle. */
const compiled: (RegExp | undefined)[] = [];
let extraCompiled: { key: string; set: PhraseSet } | null = null;

/**
 * `gateDocument` as the always-on script runs it: the same sample of the page
 * and the same answer, but the gate's phrases arrive already compiled into
 * their one expression (lib/topic/gate-expression.ts, generated at build from
 * seeds/topic.json), so the script neither bundles the topic file nor builds
 * the expression on each page (in a fresh content script that building cost
 * more than reading and scanning the page). Most pages contain none of the
 * phrases' literal cores (the needles of `GATE_GROUPS`), and for them the answer
 * is no after a few plain string searches; the others get the expression of the
 * phrases whose needle they hold, not all of it. Only yes or no is needed here,
 * so one `test` replaces finding which phrase matched.
 */
export function pageGate(doc: Document, url: string, extraPhrases: readonly string[] = []): boolean {
  const folded = foldText(gateSample(documentText(doc, url, GATE_MAX_CHARS), GATE_MAX_CHARS));
  for (let i = 0; i < GATE_GROUPS.length; i++) {
    const [needle, expression] = GATE_GROUPS[i] as readonly [string, string];
    if (folded.includes(needle) && (compiled[i] ??= new RegExp(expression)).test(folded)) return true;
  }
  // The reader's own recognition terms (added on the Dataset page), compiled once per list.
  if (!extraPhrases.length) return false;
  const key = extraPhrases.join('\n');
  if (extraCompiled?.key !== key) extraCompiled = { key, set: new PhraseSet(extraPhrases) };
  return extraCompiled.set.findFirst(folded) !== null;
}
