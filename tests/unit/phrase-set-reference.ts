import { readFileSync } from 'node:fs';
import { buildMatcher } from '../../lib/match/build-matcher';
import { FEATURE_PHRASES } from '../../lib/text/claim-features';
import { foldKey } from '../../lib/text/fold';
import { PhraseSet, type PhraseHit } from '../../lib/text/phrase-set';
import { compileTopic } from '../../lib/topic/compile-topic';
import { parseTopic } from '../../lib/topic/schema';
import { loadSeedsFromDir } from '../../scripts/load-seeds';

/**
 * The regular expression a phrase set used to be matched with, built here on its own: the phrases'
 * trie written as nested alternations, literal branches first, then wildcards, then the word
 * boundary, then the end of a phrase. `PhraseSet` now walks its trie instead; these helpers check
 * that the walk finds exactly what this expression finds (tests/unit/phrase-set-walk.test.ts, and
 * `npx tsx scripts/phrase-walk-check.ts` over the real pages, which stay out of the repository).
 */
export function referenceSource(phrases: Iterable<string>): string {
  interface Node {
    kids: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { kids: new Map(), end: false };
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const folded = foldKey(phrase);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    let node = root;
    for (const atom of referenceAtoms(folded)) {
      let kid = node.kids.get(atom);
      if (!kid) node.kids.set(atom, (kid = { kids: new Map(), end: false }));
      node = kid;
    }
    node.end = true;
  }
  const rank = (atom: string) => (atom === '\\b' ? 2 : ['"?\\s+"?', '[\\s-]?', "'?", '\\w*'].includes(atom) ? 1 : 0);
  const emit = (node: Node): string => {
    const branches = [...node.kids].sort((x, y) => rank(x[0]) - rank(y[0])).map(([atom, kid]) => atom + emit(kid));
    if (node.end) branches.push('');
    return branches.length === 0 ? '' : branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  };
  return emit(root);
}

/** One folded phrase as regex pieces: a space is `"?\s+"?`, a hyphen `[\s-]?`, an apostrophe `'?`, `*` is `\w*`, words whole. */
function referenceAtoms(folded: string): string[] {
  const atoms: string[] = [];
  if (/\w/.test(folded.charAt(0))) atoms.push('\\b');
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charAt(i);
    const wildcard = { ' ': '"?\\s+"?', '-': '[\\s-]?', "'": "'?", '*': '\\w*' }[c];
    atoms.push(wildcard ?? c.replace(/[.*+?^${}()|[\]\\/]/, '\\$&'));
  }
  const last = folded.charAt(folded.length - 1);
  if (last !== '*' && /\w/.test(last)) atoms.push('\\b');
  return atoms;
}

/** The matches a global search with `re` finds from `from`, up to the first that ends after `to`, empty ones passed over. */
function referenceScan(re: RegExp, text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    if (m[0].length === 0) re.lastIndex++;
    else out.push([m.index, end]);
  }
  return out;
}

export interface Reference {
  set: PhraseSet;
  source: string;
  sticky: RegExp;
  global: RegExp;
  /** Each wildcard phrase alone: its own expression, and a phrase set of it alone (the walk `identify` runs). */
  wild: Array<{ phrase: number; re: RegExp; alone: PhraseSet }>;
}

/** The reference of a phrase set (its folded phrases make the same trie as the phrases it was given). */
export function reference(set: PhraseSet): Reference {
  const source = referenceSource(set.phrases);
  const wild = set.phrases.flatMap((p, phrase) => (p.includes('*') ? [{ phrase, re: new RegExp(referenceAtoms(p).join(''), 'y'), alone: new PhraseSet([p]) }] : []));
  return { set, source, sticky: new RegExp(source, 'y'), global: new RegExp(source, 'g'), wild };
}

/** The phrase set's hits for the spans the expression found (which phrase a span is stays the set's own decision). */
function named(set: PhraseSet, text: string, spans: Array<[number, number]>): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const [start, end] of spans) {
    const phrase = set.matchAt(text, start)?.phrase ?? -1;
    if (phrase >= 0) out.push({ phrase, start, end });
  }
  return out;
}

const show = (x: unknown) => JSON.stringify(x);

/**
 * Every difference between the phrase set and its reference expression on `text`: the match at
 * every position, the whole-text and stretch searches (`cuts`), and the wildcard phrases alone
 * wherever the expression matches (where the set asks them which phrase a match is).
 */
export function differences(ref: Reference, text: string, cuts: ReadonlyArray<readonly [number, number]> = []): string[] {
  const { set, sticky, global } = ref;
  const out: string[] = [];
  for (let at = 0; at <= text.length; at++) {
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    const expected = m && m[0].length > 0 ? at + m[0].length : null;
    const hit = set.matchAt(text, at);
    if ((hit?.end ?? null) !== expected) out.push(`matchAt ${at}: ${hit?.end ?? null} instead of ${expected}`);
    if (out.length > 20) return out;
  }
  const spans = referenceScan(global, text, 0, text.length);
  const all = set.findAll(text);
  if (show(all) !== show(named(set, text, spans))) out.push(`findAll: ${show(all).slice(0, 300)}`);
  for (const [start] of spans) {
    for (const w of ref.wild) {
      w.re.lastIndex = start;
      const own = w.re.exec(text);
      const walked = w.alone.matchAt(text, start);
      if ((walked?.end ?? null) !== (own ? start + own[0].length : null)) out.push(`wildcard ${set.phrases[w.phrase]} at ${start}`);
    }
  }
  for (const [from, to] of cuts) {
    const within = set.findAll(text, from, to);
    const expected = named(set, text, referenceScan(global, text, from, to));
    if (show(within) !== show(expected)) out.push(`findAll ${from}-${to}: ${show(within).slice(0, 300)} instead of ${show(expected).slice(0, 300)}`);
    global.lastIndex = from;
    const m = global.exec(text);
    const found = set.findFirst(text, from, to);
    const first = m && m.index + m[0].length <= to ? { phrase: found?.phrase ?? -1, start: m.index, end: m.index + m[0].length } : null;
    // Which phrase an empty match is cannot be asked of `matchAt` (it reports none): only where it is, is compared.
    if (first && first.end > first.start) first.phrase = set.matchAt(text, first.start)?.phrase ?? -1;
    if (show(found) !== show(first)) out.push(`findFirst ${from}-${to}: ${show(found)} instead of ${show(first)}`);
    if (set.test(text, from, to) !== (first !== null)) out.push(`test ${from}-${to}`);
  }
  return out;
}

/** `overlapping(i)` and `overlapping(i, true)` as the expression and the wildcard phrases' own expressions decide them. */
export function referenceOverlapping(ref: Reference, i: number, contained: boolean): number[] {
  const { set, global } = ref;
  const phrase = set.phrases[i] as string;
  if (phrase.includes('*')) return [];
  const out: number[] = [];
  for (const w of ref.wild) {
    if (w.phrase === i) continue;
    w.re.lastIndex = 0;
    const m = w.re.exec(phrase);
    if (m && m[0].length === phrase.length) out.push(w.phrase);
  }
  if (!contained) return out;
  for (let k = 0; k < phrase.length; k++) {
    if (k > 0 && /\w/.test(phrase.charAt(k - 1))) continue;
    // At the phrase's own start, the shorter phrases it begins with: the expression on all but its last character.
    const subject = k === 0 ? phrase.slice(0, -1) : phrase;
    global.lastIndex = k;
    const m = global.exec(subject);
    if (!m || m.index !== k || m[0].length === 0) continue;
    const p = set.matchAt(subject, k)?.phrase ?? -1;
    if (p !== i && p >= 0 && !out.includes(p)) out.push(p);
  }
  return out;
}

/** Every phrase set the engine builds from the seeds (the matcher's, the topic's, the claim features), by name. */
export function seedPhraseSets(dir = 'seeds'): Array<[string, PhraseSet]> {
  const matcher = buildMatcher(loadSeedsFromDir(dir));
  const topic = compileTopic(parseTopic(JSON.parse(readFileSync(`${dir}/topic.json`, 'utf8'))));
  const perSubject = matcher.subjects.flatMap((s) =>
    (['groupNames', 'otherEvents', 'otherMeasures'] as const).flatMap((k) => {
      const set = s[k];
      return set ? [[`${s.subject.key} ${k}`, set] as [string, PhraseSet]] : [];
    }),
  );
  return [
    ['cues', matcher.cues],
    ['terms', matcher.terms],
    ['fact phrases', matcher.factPhrases],
    ['topic phrases', topic.phrases],
    ['gate', topic.gate],
    ['claim features', FEATURE_PHRASES],
    ...perSubject,
  ];
}
