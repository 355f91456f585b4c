import type { PhraseHit, PhraseSet } from './phrase-set';

/**
 * Phrases matched with words inserted inside them: a post-step over one sentence's hits, after the
 * page's one scan (`PhraseSet.findAll`), that finds the phrases a page writes with a word or two put
 * in between their own words: an adverb or a time phrase inside a verb ("were quickly sent to", "was
 * deported in March to", "fueron trasladados el domingo al"), an adjective or a determiner inside a
 * noun phrase ("the fight against the gangs", "surging gang violence", "sin su debido proceso").
 *
 * How: the sentence is copied with every run of insertable words left out (at most `MAX_GAP_WORDS`
 * words in a run; the kinds are grammar data below: adverbs, time phrases, determiners and
 * possessives, a few adjectives of emphasis), the copy is scanned with the same phrase set, and a
 * match of the copy that spans a gap is mapped back onto the page. A run is only ever taken out
 * between two words separated by spaces: a comma, a dash, a bracket or a full stop stays, so a
 * phrase is never matched across a clause boundary. What the page's own scan found is kept as it
 * is; a gapped match only replaces the hits it covers whole (the shorter phrases inside it).
 *
 * Bounded and cheap: only a sentence that already has hits of the set is looked at, only when it
 * holds an insertable word, and only the sentence is scanned (never the page).
 */

/** The first characters of a word that say which word it may be (a word of a phrase ending in `*` is its beginning). */
const KEY = 4;

/** The most words one gap may hold ("in March", "earlier this week", "el pasado domingo"). */
export const MAX_GAP_WORDS = 3;

// Grammar data, folded (lower case, no accents). Never a negator ("not", "never", "no", "sin", "nunca"),
// which changes what a phrase says, nor a noun or a verb.
const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));
/** Words one may put inside a phrase alone: adverbs, determiners and possessives, adjectives of emphasis, days as adverbs. */
const SINGLE = words(`
  also already still just again then now soon once even often later
  ya tambien aun todavia incluso luego ahora recien
  the a an any their its his her our all these those
  el la los las un una unos unas su sus este esta estos estas dicho dicha dichos dichas
  notorious infamous controversial so-called alleged surging rising growing rampant widespread endemic brutal violent new huge massive sprawling vast sweeping feared dreaded
  polemica polemico polemicas polemicos controvertida controvertido temida temido temidas temidos famosa famoso infame infames nueva nuevo nuevas nuevos
  enorme enormes gigantesca gigantesco supuesta supuesto supuestas supuestos presunta presunto presuntas presuntos creciente crecientes brutales
  yesterday today tonight ayer hoy anoche`);
/** Words ending in -ly or -mente that are no adverbs to leave out. */
const NOT_ADVERBS = words('only family italy july ally rally tally supply reply apply rely imply comply multiply assembly anomaly monopoly belly bully jelly lily fly sly holy ugly kelly emily shelly sully reilly daly mente demente');
/** Words that start a time phrase, and are left out only with the time word they lead to ("in March", "el pasado domingo"). */
const TIME_HEAD = words('in on last this next earlier early mid late el este esta la pasado pasada proximo en de del');
/** What a time phrase names. */
const TIME_WORD = words(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday week month year weekend morning night
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
  lunes martes miercoles jueves viernes sabado domingo semana mes ano pasada pasado manana tarde noche`);

/** Whether a word may be left out alone. */
function single(w: string): boolean {
  if (SINGLE.has(w)) return true;
  if (w.length >= 5 && w.endsWith('ly')) return !NOT_ADVERBS.has(w);
  if (w.length >= 8 && w.endsWith('mente')) return !NOT_ADVERBS.has(w);
  return false;
}

function timeWord(w: string): boolean {
  return TIME_WORD.has(w) || (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57 && /^\d{1,4}(?:st|nd|rd|th)?$/.test(w));
}

/** The most words a gap of time may hold ("el pasado 15 de marzo"). */
const MAX_TIME_WORDS = 5;

/**
 * Whether the words form one gap: each may be left out alone, or stands in a time phrase (a time word after a
 * head or another time word, a head before a time word).
 */
function isGap(run: readonly string[]): boolean {
  let time = false;
  for (let i = 0; i < run.length; i++) {
    const w = run[i] as string;
    const prev = i > 0 ? (run[i - 1] as string) : null;
    if (timeWord(w) && prev !== null && (TIME_HEAD.has(prev) || timeWord(prev))) {
      time = true;
      continue;
    }
    if (TIME_HEAD.has(w) && i + 1 < run.length) {
      // A head only counts with a time word after it, somewhere in the run.
      if (run.slice(i + 1).some(timeWord)) continue;
    }
    if (!single(w)) return false;
  }
  return run.length <= (time ? MAX_TIME_WORDS : MAX_GAP_WORDS);
}

/** The keys of the words left out alone, and of the heads of time phrases. */
const SINGLE_KEYS = new Set([...SINGLE].map((w) => packedKey(w, 0, w.length)));
const HEAD_KEYS = new Set([...TIME_HEAD].map((w) => packedKey(w, 0, w.length)));

/** The keys of the time words (the numbers are told by their first digit). */
const TIME_KEYS = new Set([...TIME_WORD].map((w) => packedKey(w, 0, w.length)));

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The word [start, end) of `s` may be left out, alone or leading a time phrase (told by its key: the phrase set decides). */
function mayInsert(s: string, start: number, end: number): boolean {
  const key = packedKey(s, start, end);
  return SINGLE_KEYS.has(key) || HEAD_KEYS.has(key) || adverbEnding(s, start, end);
}

/**
 * Word `i` of `s` may start a gap: it may be left out alone, or it leads a time phrase ("in", "de", "el"
 * before a time word or another head: "in March", "el pasado domingo", "el 15 de marzo").
 */
function mayStart(s: string, i: number): boolean {
  const ws = starts[i] as number;
  const we = ends[i] as number;
  const key = packedKey(s, ws, we);
  if (SINGLE_KEYS.has(key) || adverbEnding(s, ws, we)) return true;
  if (!HEAD_KEYS.has(key)) return false;
  const ns = starts[i + 1] as number;
  const nk = packedKey(s, ns, ends[i + 1] as number);
  return TIME_KEYS.has(nk) || HEAD_KEYS.has(nk) || isDigit(s.charCodeAt(ns));
}

/** The word [start, end) of `s` ends as an adverb does: -ly, -mente. */
function adverbEnding(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len >= 5 && s.charCodeAt(end - 1) === 121 && s.charCodeAt(end - 2) === 108) return true;
  return len >= 8 && s.endsWith('mente', end);
}

/** A word of a Spanish plural (adjective or noun) before a gap: an article after it starts a new noun phrase. */
const ARTICLES_ES = words('el la los las un una unos unas');
const NOT_PLURAL = words('tras mas todas todos');

/** Sentences at least this long are left alone (a sentence that long is a list or a table). */
const MAX_SENTENCE = 1500;

/** Reused per call: where each word of the sentence starts and ends, and whether only spaces stand before it. */
let starts = new Int32Array(256);
let ends = new Int32Array(256);
let spacedBefore = new Uint8Array(256);

/** Finds the words of `s` in [from, to) (letters, digits, an inner hyphen) into the arrays above; returns how many. */
function wordsIn(s: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  let lastEnd = -1;
  while (i < to) {
    if (!isWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && (isWordChar(s.charCodeAt(i)) || (s.charCodeAt(i) === 45 && i + 1 < to && isWordChar(s.charCodeAt(i + 1))))) i++;
    let spaced = lastEnd >= 0 && start > lastEnd;
    for (let k = lastEnd; spaced && k < start; k++) if (s.charCodeAt(k) !== 32) spaced = false;
    if (n === starts.length) {
      const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      starts = grow(starts);
      ends = grow(ends);
      const sp = new Uint8Array(spacedBefore.length * 2);
      sp.set(spacedBefore);
      spacedBefore = sp;
    }
    starts[n] = start;
    ends[n] = i;
    spacedBefore[n] = spaced ? 1 : 0;
    n++;
    lastEnd = i;
  }
  return n;
}

/**
 * The hits of `set` in the sentence [start, end) of `folded`, `hits` being what the page's scan found
 * there (sorted): with the phrases matched across inserted words added. Returns `hits` itself when
 * nothing is added.
 */
export function withGapHits(set: PhraseSet, folded: string, start: number, end: number, hits: readonly PhraseHit[]): readonly PhraseHit[] {
  if (!hits.length || end - start > MAX_SENTENCE || end <= start) return hits;
  // (Read in place: the positions are the page's.)
  const n = wordsIn(folded, start, end);
  const pairs = pairsOf(set);
  // The gaps: runs of words between two words that stand side by side in a phrase, only spaces around
  // them, [first word, word after the last).
  let runs: Array<[number, number]> | null = null;
  for (let i = 1; i < n - 1; i++) {
    if (!spacedBefore[i]) continue;
    // (Keyed without copying the words out: most words may start no gap, or stand before no phrase's next word.)
    if (!mayStart(folded, i)) continue;
    const head = pairs.get(packedKey(folded, starts[i - 1] as number, ends[i - 1] as number));
    if (!head) continue;
    // The longest run from here that is a gap and is followed by the phrase's next word.
    let found = -1;
    for (let j = i + 1; j < n && j <= i + MAX_TIME_WORDS; j++) {
      if (!spacedBefore[j]) break;
      const js = starts[j] as number;
      const je = ends[j] as number;
      if (mayFollow(head, folded, js, je)) {
        const run: string[] = [];
        let articles = true;
        for (let k = i; k < j; k++) {
          const w = folded.slice(starts[k], ends[k]);
          run.push(w);
          if (!ARTICLES_ES.has(w)) articles = false;
        }
        const before = folded.slice(starts[i - 1], ends[i - 1]);
        // A Spanish article never stands between an adjective and its noun: "calificó de inhumanas las condiciones"
        // calls the conditions inhumane, it is no noun phrase "inhumanas condiciones" with a word put inside.
        if (isGap(run) && !(articles && /(?:as|os|es)$/.test(before) && !NOT_PLURAL.has(before))) found = j;
      }
      // A word no gap may hold ends the runs from here.
      if (!mayInsert(folded, js, je) && !TIME_KEYS.has(packedKey(folded, js, je)) && !isDigit(folded.charCodeAt(js))) break;
    }
    if (found < 0) continue;
    (runs ??= []).push([i, found]);
    i = found - 1;
  }
  if (!runs) return hits;
  // The copy without the gaps, and per character of it where it stands in the page.
  let copy = '';
  const at: number[] = [];
  /** Per gap: its place in the copy (the gap stood right before the copy's character there). */
  const gaps: number[] = [];
  let last = start;
  for (const [i, j] of runs) {
    const from = starts[i] as number;
    copy += folded.slice(last, from);
    for (let k = last; k < from; k++) at.push(k);
    gaps.push(copy.length);
    last = starts[j] as number;
  }
  copy += folded.slice(last, end);
  for (let k = last; k < end; k++) at.push(k);
  at.push(end);
  // Only a match that spans a gap is new (the others the page's scan found already): it starts a few
  // words before the gap.
  const found: PhraseHit[] = [];
  for (const g of gaps) {
    for (let p = Math.max(0, g - WINDOW); p < g; p++) {
      if (p > 0 && isWordChar(copy.charCodeAt(p - 1))) continue;
      if (!isWordChar(copy.charCodeAt(p))) continue;
      const h = set.matchAt(copy, p);
      if (h && h.end > g && !found.some((f) => f.start === h.start && f.end === h.end)) found.push(h);
    }
  }
  let out: PhraseHit[] | null = null;
  for (const h of found) {
    const s = at[h.start] as number;
    const e = (at[h.end - 1] as number) + 1;
    const list: PhraseHit[] = out ?? [...hits];
    // A hit it overlaps in part is another reading of those words: the page's own stays.
    if (list.some((o) => o.start < e && o.end > s && (o.start < s || o.end > e))) continue;
    out = list.filter((o) => !(o.start >= s && o.end <= e));
    out.push({ phrase: h.phrase, start: s, end: e });
  }
  if (!out) return hits;
  return out.sort((a, b) => a.start - b.start);
}

/** How far before a gap a phrase spanning it may start (in characters of the copy). */
const WINDOW = 48;


function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * A word's key: its first KEY characters (7 bits each) and how many it has, up to KEY, packed in one small
 * integer (a key two words share only makes the filter let one more through: the phrase set decides).
 */
function packedKey(s: string, start: number, end: number): number {
  const len = Math.min(end - start, KEY);
  let h = len - 1;
  for (let k = 0; k < len; k++) h = (h << 7) | (s.charCodeAt(start + k) & 127);
  return h;
}

/**
 * Per phrase set: per key of a phrase's word, the keys of the words that follow it in a phrase, and the
 * beginnings shorter than a key of those that end in `*` ("war*").
 */
interface Follow {
  keys: Set<number>;
  short: string[];
}
const PAIRS = new WeakMap<PhraseSet, Map<number, Follow>>();

function pairsOf(set: PhraseSet): Map<number, Follow> {
  let pairs = PAIRS.get(set);
  if (pairs) return pairs;
  pairs = new Map();
  const stem = (w: string) => w.replace(/[^a-z0-9].*$/, '');
  for (const p of set.phrases) {
    const list = p.split(' ');
    for (let i = 0; i + 1 < list.length; i++) {
      const a = stem(list[i] as string);
      const b = stem(list[i + 1] as string);
      if (!a || !b) continue;
      const ak = packedKey(a, 0, a.length);
      let f = pairs.get(ak);
      if (!f) pairs.set(ak, (f = { keys: new Set(), short: [] }));
      // A next word ending in `*` shorter than a key ("war*"): a text's word is it when it begins with it.
      if (b.length < KEY && b !== list[i + 1]) {
        if (!f.short.includes(b)) f.short.push(b);
      }
      else f.keys.add(packedKey(b, 0, b.length));
    }
  }
  PAIRS.set(set, pairs);
  return pairs;
}

/** Whether the text's word [start, end) of `s` may be one of the words that follow in a phrase. */
function mayFollow(f: Follow, s: string, start: number, end: number): boolean {
  if (f.keys.has(packedKey(s, start, end))) return true;
  for (const k of f.short) if (s.startsWith(k, start)) return true;
  return false;
}
