import type { PhraseHit } from '../text/phrase-set';
import type { SubjectInfo } from './build-matcher';

/**
 * Whose count a number is, read from its noun phrase and its clause (`subjects[].scope`): "El
 * Salvador's prison population of 110,000", "la población carcelaria del país", "more than 85,000
 * people arrested under the state of exception" count a wider population than CECOT's inmates or
 * the deportees, while "CECOT, the largest prison in the country, can hold 40,000" is CECOT's. The
 * words are data; only the grammar is here:
 *
 * - the words that speak for a number stand in its clause: after it up to the next comma (its noun
 *   phrase, "110,000 inmates nationwide"), before it back to the clause's start, leaving out a
 *   stretch set off by commas (", the largest prison in the country,");
 * - a word belongs to the number nearest it ("CECOT holds 15,000 of the country's 110,000
 *   prisoners": CECOT speaks for the 15,000, "the country's" for the 110,000);
 * - the subject's own place or people, standing for the number, keep it the subject's whatever
 *   wider place the clause names besides.
 */

/** How far before the number, and after it, the clause is read. */
const BEFORE = 90;
const AFTER = 70;

/** A clause break at `i` (a "." or "," inside "15,000" or "40.000" is none); `comma`: a comma ends it too. */
function breakAt(folded: string, i: number, comma: boolean): boolean {
  const c = folded.charAt(i);
  if (c === '.' || c === ',') {
    if (/\d/.test(folded.charAt(i - 1)) && /\d/.test(folded.charAt(i + 1))) return false;
    return c === '.' || comma;
  }
  return c === ';' || c === ':' || c === '!' || c === '?' || c === '(' || c === ')' || c === '\u2014';
}

type Span = { start: number; end: number };

const gap = (h: Span, q: Span) => (h.end <= q.start ? q.start - h.end : h.start >= q.end ? h.start - q.end : 0);

/**
 * True when the words beside `at` (a number with its noun phrase, or a cue of the subject) name
 * a wider population than the subject's and none of its own: it counts someone else. `others` are
 * the sentence's other numbers, which may claim the words nearer them.
 */
export function widerScope(info: SubjectInfo, s: Span, folded: string, at: Span, others: readonly Span[] = []): boolean {
  const wider = info.scopeWider;
  if (!wider) return false;
  // A cue is asked about once per number of its sentence: read it once (per subject, sentence and numbers).
  // (One memo per subject, emptied for each new sentence: no map made per sentence; a sentence asks about a few spans.)
  let memo = memos.get(info);
  if (!memo) memos.set(info, (memo = { folded, start: s.start, end: s.end, others, keys: [], found: [], n: 0 }));
  else if (memo.folded !== folded || memo.start !== s.start || memo.end !== s.end || memo.others !== others) {
    memo.folded = folded;
    memo.start = s.start;
    memo.end = s.end;
    memo.others = others;
    memo.n = 0;
  }
  const key = at.start * 65536 + (at.end - at.start);
  for (let i = 0; i < memo.n; i++) if (memo.keys[i] === key) return memo.found[i] as boolean;
  const found = readScope(info, wider, s, folded, at, others);
  memo.keys[memo.n] = key;
  memo.found[memo.n] = found;
  memo.n++;
  return found;
}

const memos = new WeakMap<SubjectInfo, { folded: string; start: number; end: number; others: readonly Span[]; keys: number[]; found: boolean[]; n: number }>();

function readScope(info: SubjectInfo, wider: NonNullable<SubjectInfo['scopeWider']>, s: Span, folded: string, at: Span, others: readonly Span[]): boolean {
  const from = clauseStart(folded, Math.max(s.start, at.start - BEFORE), at.start);
  const to = phraseEnd(folded, at.end, Math.min(s.end, at.end + AFTER));
  // (Most clauses name no wider population: no closure made for them.)
  const found = wider.findAll(folded, from, to);
  if (!found.length) return false;
  const mine = (h: PhraseHit) => others.every((o) => (o.start === at.start && o.end === at.end) || gap(h, o) > gap(h, at)) && !setOff(folded, from, h, at);
  const wide = found.filter(mine);
  if (!wide.length) return false;
  // "Prison" in "prison population" is the population's word, not the prison's own name.
  const own = info.scopeOwn?.findAll(folded, from, to).filter((h) => mine(h) && !wide.some((w) => w.start < h.end && h.start < w.end)) ?? [];
  return own.length === 0;
}

/**
 * True when the number's clause names a part of what the subject measures (`scope.narrower`: "el
 * mantenimiento del Cecot cuesta casi 150 millones" beside the prison system's cost) and none of the
 * subject's own words ("the prison system", "CECOT y las demás cárceles"): the figure is a part's.
 */
export function narrowerScope(info: SubjectInfo, s: Span, folded: string, at: Span, others: readonly Span[] = []): boolean {
  const narrower = info.scopeNarrower;
  if (!narrower) return false;
  // "El Salvador holds 109,519 inmates and CECOT's upkeep costs $150 million": "and the", "y el" opens the figure's own clause.
  const start = clauseStart(folded, Math.max(s.start, at.start - BEFORE), at.start);
  let from = start;
  for (const j of folded.slice(start, at.start).matchAll(NEW_CLAUSE)) from = start + (j.index ?? 0);
  const to = phraseEnd(folded, at.end, Math.min(s.end, at.end + AFTER));
  const inClause = others.filter((o) => o.start >= from && o.end <= to);
  const mine = (h: PhraseHit) => inClause.every((o) => (o.start === at.start && o.end === at.end) || gap(h, o) > gap(h, at)) && !setOff(folded, from, h, at);
  const part = narrower.findAll(folded, from, to).filter(mine);
  if (!part.length) return false;
  const own = info.scopeOwn?.findAll(folded, from, to).filter((h) => mine(h) && !part.some((w) => w.start < h.end && h.start < w.end)) ?? [];
  return own.length === 0;
}

/** "and the", "y el": a conjunction and an article, where a clause of its own begins. */
const NEW_CLAUSE = /\b(?:and|y|e)\s+(?:the|el|la|los|las)\s/g;

/** After the last clause break in [from, to): where the number's clause begins. */
function clauseStart(folded: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (breakAt(folded, i, false)) return i + 1;
  return from;
}

/** The first comma or clause break in [from, to): where the number's noun phrase ends. */
function phraseEnd(folded: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (breakAt(folded, i, true)) return i;
  return to;
}

/** A word before the number inside a stretch set off by commas (", the largest prison in the country,"). */
function setOff(folded: string, from: number, h: Span, at: Span): boolean {
  if (h.start >= at.start) return false;
  return commaIn(folded, from, h.start) && commaIn(folded, h.end, at.start);
}

/** A comma that breaks the clause in [a, b). */
function commaIn(folded: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (folded.charAt(i) === ',' && breakAt(folded, i, true)) return true;
  return false;
}
