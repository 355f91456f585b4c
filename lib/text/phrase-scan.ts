import type { PhraseHit, PhraseSet } from './phrase-set';
import { APOSTROPHE_OR_NOT, atBoundary, BOUNDARY, isSpaceCode, isWordCode, QUOTE, SEPARATOR_OR_NOT, SPACE_RUN, TABLE_MIN, WORD_RUN, matchEnd, type Step, type WalkNode } from './phrase-trie';

/**
 * Several phrase sets scanned over one text in a single pass: `findAll(folded)[k]` is exactly
 * `sets[k].findAll(folded)`, but each position of the text is walked once for all the sets
 * instead of once per set (the analyzer scans every page with five sets: topic, claim features,
 * cues, terms, fact phrases; each walk reads the same word again).
 *
 * The walk runs one trie read off the sets' own tries (`ScanTrie`), whose nodes say which sets'
 * phrases end there (`ends`) and which sets go on below (`reach`); its nodes are made as walks
 * first reach them, and where only one set goes on, that set's own walk takes over. A set's own walk
 * (`matchEnd`) is a depth-first search that stops at the first end of a phrase it meets, trying a
 * node's branches in a fixed order (the literal child, then its wildcards as inserted, then the
 * word boundary, then the end of a phrase). The combined walk tries the same branches in an order
 * that agrees with every set's own order, and goes on past the first end it meets until every set
 * still looked for has met its own first end (or cannot meet one below): restricted to one set's
 * branches it is that set's walk, so it finds, for each set, the end the set's own walk finds.
 * Where two sets order a node's wildcards differently ("u.s.-" before "u.s. " in one set, after it
 * in another), no single order agrees with both: there each group of sets that agree is walked
 * through the wildcards in its own order, the others left out meanwhile (`groups`).
 *
 * Which positions a set's scan tries is then followed per set: after a match it goes on at the
 * match's end, and a position is walked only for the sets that may start a match there (each set's
 * `StartFilter`) and whose last match has ended. Texts shorter than `JOINT_MIN` are scanned set by set.
 */
export class PhraseScanner {
  private readonly sets: readonly PhraseSet[];
  /** The sets the combined walk serves, by their bit (bit k: `sets[joined[k]]`). */
  private readonly joined: number[] = [];
  /** The sets scanned on their own (no phrases, or past the bits of a mask). */
  private readonly alone: number[] = [];
  private readonly root: ScanNode | null = null;
  /** Which joined sets may start a match at a character below 128: after a non-word character at 0–127, after a word character at 128–255. */
  private readonly ascii = new Int32Array(256);
  /** The same for the other characters, after a non-word and after a word character. */
  private readonly wide: [Map<number, number>, Map<number, number>] = [new Map(), new Map()];

  /** Texts shorter than this are scanned by each set on its own (see `JOINT_MIN`). */
  private readonly jointMin: number;

  constructor(sets: readonly PhraseSet[], jointMin = JOINT_MIN) {
    this.sets = sets;
    this.jointMin = jointMin;
    sets.forEach((set, k) => {
      if (set.walkParts && this.joined.length < MAX_SETS) this.joined.push(k);
      else this.alone.push(k);
    });
    if (this.joined.length) this.root = new ScanTrie(this.joined.map((k) => (sets[k] as PhraseSet).walkParts?.walk as WalkNode)).root;
    this.joined.forEach((k, bit) => {
      const starts = (sets[k] as PhraseSet).walkParts?.starts;
      if (!starts) return;
      for (const prevWord of [false, true]) {
        const row = prevWord ? 128 : 0;
        for (let c = 0; c < 128; c++) if (starts.accepts(prevWord, c)) this.ascii[row + c] = (this.ascii[row + c] as number) | (1 << bit);
        const wide = this.wide[prevWord ? 1 : 0];
        for (const c of starts.wideCodes(prevWord)) wide.set(c, (wide.get(c) ?? 0) | (1 << bit));
      }
    });
  }

  /** `sets[k].findAll(folded)` for every set k, in one pass over `folded` (a `foldText` result). */
  findAll(folded: string): PhraseHit[][] {
    const root = this.root;
    if (!root || folded.length < this.jointMin) return this.sets.map((set) => set.findAll(folded));
    const out: PhraseHit[][] = new Array<PhraseHit[]>(this.sets.length);
    for (const k of this.alone) out[k] = (this.sets[k] as PhraseSet).findAll(folded);
    const count = this.joined.length;
    // Per joined set: its matches' starts and ends, and where its scan goes on (its last match's end).
    const found: number[][] = [];
    for (let b = 0; b < count; b++) found.push([]);
    const resume = new Int32Array(count);
    // The sets whose scan has reached the position (all but those inside a match of their own), and
    // the first position where one of the others does.
    let active = (1 << count) - 1;
    let wake = Infinity;
    const ascii = this.ascii;
    const wide = this.wide;
    let prevWord = false;
    const n = folded.length;
    for (let i = 0; i < n; i++) {
      const c = folded.charCodeAt(i);
      let may: number;
      if (c < 128) {
        may = ascii[prevWord ? 128 + c : c] as number;
        prevWord = isWordCode(c);
      } else {
        may = wide[prevWord ? 1 : 0].get(c) ?? 0;
        prevWord = false;
      }
      if (may === 0) continue;
      if (i >= wake) {
        wake = Infinity;
        active = 0;
        for (let b = 0; b < count; b++) {
          const r = resume[b] as number;
          if (r <= i) active |= 1 << b;
          else if (r < wake) wake = r;
        }
      }
      const asked = may & active;
      if (asked === 0) continue;
      want = asked;
      walk(root, folded, i);
      // The sets that met an end (an empty match is passed over, as a set's own scan passes it).
      let met = asked & ~want;
      while (met !== 0) {
        const b = 31 - Math.clz32(met);
        met &= ~(1 << b);
        const end = endAt[b] as number;
        if (end <= i) continue;
        (found[b] as number[]).push(i, end);
        resume[b] = end;
        active &= ~(1 << b);
        if (end < wake) wake = end;
      }
    }
    this.joined.forEach((k, b) => {
      out[k] = (this.sets[k] as PhraseSet).adoptScan(folded, found[b] as number[]);
    });
    return out;
  }
}

/**
 * From how many characters a text is walked once for all the sets. Below, each set's own walk
 * (warm from building the sets) is cheaper on a fresh service worker: the combined walk's first page
 * runs unoptimised code and makes the nodes it reaches (a 1,250-word page, about 7,500 characters:
 * 85 -> 125 ms for the first analysis, to save 1-2 ms on each later one). A 20,000-word page saves
 * some 6 ms on each analysis.
 */
const JOINT_MIN = 12_000;

/** How many sets one walk serves (one bit each of a 32-bit mask, the sign bit left alone). */
const MAX_SETS = 31;

/** The scanners made for a list of sets, by its sets in order (the analyzer asks for the same few lists again and again). */
const made = new WeakMap<PhraseSet, { scanner?: PhraseScanner; more: WeakMap<PhraseSet, unknown> }>();

/** The scanner of `sets`, made on the first call for these sets in this order and kept while they live. */
export function phraseScanner(sets: readonly PhraseSet[]): PhraseScanner {
  let level: WeakMap<PhraseSet, { scanner?: PhraseScanner; more: WeakMap<PhraseSet, unknown> }> = made;
  let entry: { scanner?: PhraseScanner; more: WeakMap<PhraseSet, unknown> } | undefined;
  for (const set of sets) {
    entry = level.get(set);
    if (!entry) level.set(set, (entry = { more: new WeakMap() }));
    level = entry.more as typeof level;
  }
  if (!entry) return new PhraseScanner(sets);
  return (entry.scanner ??= new PhraseScanner(sets));
}

/**
 * A node of the combined trie: a `WalkNode` (see lib/text/phrase-trie.ts) whose end of a phrase
 * says whose. Made when a walk first reaches it (`pending` holds what it is made of until then), so
 * that a page pays only for the part of the trie its words lead to.
 */
interface ScanNode {
  run: string;
  codes: number[];
  kids: ScanNode[];
  table: Array<ScanNode | undefined> | null;
  steps: Step[];
  next: ScanNode[];
  /** The sets (bits) with a phrase that ends here. */
  ends: number;
  /** The sets with a phrase that ends here or further on (every place of a set's trie leads to an end of one of its phrases). */
  reach: number;
  literalOnly: boolean;
  boundaryOnly: boolean;
  /** Where the sets order the steps here differently: each group of sets that agree (a mask) and the indices of the steps in its order. */
  groups: Array<{ sets: number; order: number[] }> | null;
  /** Not made yet: the places in the sets' tries it stands for, and the trie it belongs to. */
  pending: { places: Place[]; trie: ScanTrie } | null;
  /** Where only one set (`reach`) goes on, at the start of a node of its trie: that node (its own walk, `matchEnd`, goes on from there). */
  solo: WalkNode | null;
}

const NONE: never[] = [];

const EMPTY: ScanNode = { run: '', codes: NONE, kids: NONE, table: null, steps: NONE, next: NONE, ends: 0, reach: 0, literalOnly: false, boundaryOnly: false, groups: null, pending: null, solo: null };

/** A place in one set's trie: in `node`, after `at` characters of its run. */
interface Place {
  set: number;
  node: WalkNode;
  at: number;
}

/**
 * The combined trie of the sets' tries (bit k: `roots[k]`), read off the tries themselves: each of
 * its nodes stands for the places the sets' tries are at after the same characters and steps (so
 * each set keeps its own trie's branches, in its own order), and is made once for the same places.
 */
class ScanTrie {
  readonly root: ScanNode;
  private readonly ids = new Map<WalkNode, number>();
  private readonly made = new Map<string, ScanNode>();
  private readonly alone: Array<Map<WalkNode, ScanNode> | undefined> = [];

  constructor(roots: readonly WalkNode[]) {
    this.root = this.node(roots.map((node, set) => ({ set, node, at: 0 })));
  }

  /** The node for `places` (made once), not filled in yet. */
  private node(places: Place[]): ScanNode {
    const only = places.length === 1 ? (places[0] as Place) : null;
    // One set at the start of one of its nodes (most of the trie: the phrases only one set has): that set's own walk goes on from there.
    if (only && only.at === 0) {
      const mine = (this.alone[only.set] ??= new Map());
      let node = mine.get(only.node);
      if (!node) mine.set(only.node, (node = { ...EMPTY, reach: 1 << only.set, solo: only.node }));
      return node;
    }
    let key = '';
    for (const p of places) key += `${p.set}.${this.id(p.node)}.${p.at}|`;
    const known = this.made.get(key);
    if (known) return known;
    let reach = 0;
    for (const p of places) reach |= 1 << p.set;
    const node: ScanNode = { ...EMPTY, reach, pending: { places, trie: this } };
    this.made.set(key, node);
    return node;
  }

  private id(n: WalkNode): number {
    let k = this.ids.get(n);
    if (k === undefined) this.ids.set(n, (k = this.ids.size));
    return k;
  }

  /** Fills in `node` from its places: the run all of them read, then the branches of each. */
  fill(node: ScanNode, initial: Place[]): void {
    this.fillShared(node, initial);
    node.literalOnly = node.codes.length > 0 && node.steps.length === 0 && node.ends === 0;
    node.boundaryOnly = node.steps.length === 1 && node.steps[0] === BOUNDARY && node.ends === 0;
    if (node.codes.length >= TABLE_MIN) {
      const table = new Array<ScanNode | undefined>(128).fill(undefined);
      node.codes.forEach((c, k) => {
        if (c < 128) table[c] = node.kids[k];
      });
      node.table = table;
    }
    node.pending = null;
  }

  private fillShared(node: ScanNode, initial: Place[]): void {
    let places = initial;
    const first = places[0] as Place;
    let len = 0;
    for (;;) {
      const at = first.at + len;
      if (at >= first.node.run.length) break;
      const c = first.node.run.charCodeAt(at);
      if (!places.every((p) => p.at + len < p.node.run.length && p.node.run.charCodeAt(p.at + len) === c)) break;
      len++;
    }
    node.run = first.node.run.slice(first.at, first.at + len);
    if (len > 0) places = places.map((p) => ({ set: p.set, node: p.node, at: p.at + len }));
    const byCode = new Map<number, Place[]>();
    const byStep = new Map<Step, Place[]>();
    const orders: Array<Step[] | undefined> = [];
    for (const p of places) {
      const n = p.node;
      if (p.at < n.run.length) {
        const c = n.run.charCodeAt(p.at);
        let list = byCode.get(c);
        if (!list) byCode.set(c, (list = []));
        list.push({ set: p.set, node: n, at: p.at + 1 });
        continue;
      }
      n.codes.forEach((c, k) => {
        let list = byCode.get(c);
        if (!list) byCode.set(c, (list = []));
        list.push({ set: p.set, node: n.kids[k] as WalkNode, at: 0 });
      });
      n.steps.forEach((step, k) => {
        let list = byStep.get(step);
        if (!list) byStep.set(step, (list = []));
        list.push({ set: p.set, node: n.next[k] as WalkNode, at: 0 });
      });
      if (n.steps.length > 0) orders[p.set] = n.steps;
      if (n.terminal) node.ends |= 1 << p.set;
    }
    if (byCode.size) {
      node.codes = [...byCode.keys()];
      node.kids = [...byCode.values()].map((list) => this.node(list));
    }
    if (byStep.size) {
      node.steps = [...byStep.keys()];
      node.next = [...byStep.values()].map((list) => this.node(list));
      if (node.steps.length > 1) orderSteps(node, orders);
    }
  }
}

/** Makes `node` if no walk has reached it yet. */
function fill(node: ScanNode): void {
  const pending = node.pending as { places: Place[]; trie: ScanTrie };
  pending.trie.fill(node, pending.places);
}

/**
 * Puts a node's steps in an order that keeps every set's own order (`orders`, by set; first come
 * first where the sets leave it open); where there is none, keeps each set's own order in `groups`.
 */
function orderSteps(node: ScanNode, orders: ReadonlyArray<readonly Step[] | undefined>): void {
  const placed: Step[] = [];
  const left = [...node.steps];
  // Whether every step a set puts before `step` is placed already.
  const ready = (step: Step): boolean =>
    orders.every((own) => {
      const p = own ? own.indexOf(step) : -1;
      return p < 0 || (own as readonly Step[]).slice(0, p).every((x) => placed.includes(x));
    });
  while (left.length) {
    const k = left.findIndex(ready);
    if (k < 0) {
      const groups = new Map<string, { sets: number; order: number[] }>();
      orders.forEach((own, set) => {
        if (!own) return;
        const key = own.join(',');
        const group = groups.get(key);
        if (group) group.sets |= 1 << set;
        else groups.set(key, { sets: 1 << set, order: own.map((step) => node.steps.indexOf(step)) });
      });
      node.groups = [...groups.values()];
      return;
    }
    placed.push(left.splice(k, 1)[0] as Step);
  }
  const next = placed.map((step) => node.next[node.steps.indexOf(step)] as ScanNode);
  node.steps = placed;
  node.next = next;
}

/** The sets a walk still looks for (bits); each one met is cleared, its end put in `endAt`. */
let want = 0;
const endAt = new Int32Array(32);

function literalChild(node: ScanNode, c: number): ScanNode | undefined {
  if (node.table !== null && c < 128) return node.table[c];
  const codes = node.codes;
  for (let k = 0; k < codes.length; k++) if (codes[k] === c) return node.kids[k];
  return undefined;
}

/** Every set's first end of a phrase from `node` at `i` on, in each set's order of the branches (`matchEnd`, for all the sets in `want` at once). */
function walk(start: ScanNode, s: string, at: number): void {
  let node = start;
  let i = at;
  for (;;) {
    if ((node.reach & want) === 0) return;
    if (node.solo !== null) {
      // The first end this set's own walk meets from here is its first in the whole walk (it was still looked for).
      const end = matchEnd(node.solo, s, i);
      if (end >= 0) {
        want &= ~node.reach;
        endAt[31 - Math.clz32(node.reach)] = end;
      }
      return;
    }
    if (node.pending !== null) fill(node);
    const run = node.run;
    if (run.length > 0) {
      if (i + run.length > s.length) return;
      for (let k = 0; k < run.length; k++) if (s.charCodeAt(i + k) !== run.charCodeAt(k)) return;
      i += run.length;
    }
    if (node.codes.length > 0) {
      const child = i < s.length ? literalChild(node, s.charCodeAt(i)) : undefined;
      if (node.literalOnly) {
        if (child === undefined) return;
        node = child;
        i++;
        continue;
      }
      if (child !== undefined) {
        walk(child, s, i + 1);
        if (want === 0) return;
      }
    }
    if (!node.boundaryOnly) {
      otherSteps(node, s, i);
      return;
    }
    if (!atBoundary(s, i)) return;
    node = node.next[0] as ScanNode;
  }
}

/** The branches of `node` after its literal child, for the sets in `want`: its steps in their order (each group's, see `groups`), then the ends of phrases. */
function otherSteps(node: ScanNode, s: string, i: number): void {
  const groups = node.groups;
  if (groups === null) {
    for (let k = 0; k < node.steps.length; k++) {
      tryStep(node, k, s, i);
      if (want === 0) return;
    }
  } else {
    for (const g of groups) {
      // The others are left out while this group walks, then looked for again.
      const others = want & ~g.sets;
      want &= g.sets;
      for (let j = 0; j < g.order.length && want !== 0; j++) tryStep(node, g.order[j] as number, s, i);
      want |= others;
    }
  }
  let ends = node.ends & want;
  if (ends !== 0) {
    want &= ~ends;
    while (ends !== 0) {
      const b = 31 - Math.clz32(ends);
      ends &= ~(1 << b);
      endAt[b] = i;
    }
  }
}

/** Step `k` of `node` at `i`, as `matchEnd` tries it (each quantifier longest first), for the sets in `want`. */
function tryStep(node: ScanNode, k: number, s: string, i: number): void {
  const next = node.next[k] as ScanNode;
  if ((next.reach & want) === 0) return;
  switch (node.steps[k]) {
    case BOUNDARY:
      if (atBoundary(s, i)) walk(next, s, i);
      break;
    case SPACE_RUN:
      // `"?\s+"?`: the opening quote tried with first.
      if (i < s.length && s.charCodeAt(i) === QUOTE) spacesThenQuote(next, s, i + 1);
      spacesThenQuote(next, s, i);
      break;
    case WORD_RUN: {
      let j = i;
      while (j < s.length && isWordCode(s.charCodeAt(j))) j++;
      for (; j >= i && (next.reach & want) !== 0; j--) walk(next, s, j);
      break;
    }
    case SEPARATOR_OR_NOT: {
      const c = s.charCodeAt(i);
      if (i < s.length && (c === 45 || isSpaceCode(c))) walk(next, s, i + 1);
      walk(next, s, i);
      break;
    }
    case APOSTROPHE_OR_NOT:
      if (i < s.length && s.charCodeAt(i) === 39) walk(next, s, i + 1);
      walk(next, s, i);
      break;
  }
}

/** `\s+"?` from `i` on, as `matchEnd` reads it: the run of spaces longest first, at each length the closing quote tried with, then without. */
function spacesThenQuote(next: ScanNode, s: string, i: number): void {
  let j = i;
  while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
  for (; j > i && (next.reach & want) !== 0; j--) {
    if (j < s.length && s.charCodeAt(j) === QUOTE) walk(next, s, j + 1);
    walk(next, s, j);
  }
}
