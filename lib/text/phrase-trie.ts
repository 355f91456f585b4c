/**
 * The trie of a phrase set's regular-expression pieces, and two ways to run it: as the source of
 * one regular expression (`emitSource`, what the every-page gate ships prebuilt) and as a walk
 * that needs no regular expression at all (`matchEnd`).
 *
 * The walk exists because V8 compiles an expression on its first run, and the one for the fact
 * phrases (ten thousand inflected phrases, a source of over 100 KB) took about 600 ms to compile:
 * a cost paid again on every wake-up of the extension's service worker. The walk gives the same
 * match as the expression at every position, because it tries the same alternatives in the same
 * order as the backtracking engine: the branches of a node in the order `emitSource` writes them
 * (literal characters, then wildcards as inserted, then the word boundary, then the end of a
 * phrase), each quantifier longest first, and the first alternative that reaches the end of a
 * phrase wins. It is not the longest match: "a-b" may stop where a literal branch ends first.
 */

/** One regex piece of a phrase: an escaped literal character or one of the syntax's wildcards. */
export type Atom = string;

/** What a wildcard or assertion piece tests (a literal character is its code instead). */
export type Step = number;
export const BOUNDARY: Step = 0;
export const SPACE_RUN: Step = 1;
export const SEPARATOR_OR_NOT: Step = 2;
export const APOSTROPHE_OR_NOT: Step = 3;
export const WORD_RUN: Step = 4;
/** Each step as the expression writes it. */
// A space between two words takes a quote mark on either side too: a page may set one word of a
// phrase apart (peligrosos "criminales" estadounidenses).
const STEP_ATOMS: readonly Atom[] = ['\\b', '"?\\s+"?', '[\\s-]?', "'?", '\\w*'];

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** A literal character of a phrase, or one of the syntax's steps (as `-1 - step`). */
type Piece = number;

/** The pieces of one folded phrase, boundaries included (what `insertPhrase` adds and `phraseAtoms` writes out). */
function phrasePieces(folded: string): Piece[] {
  const pieces: Piece[] = [];
  if (isWordCode(folded.charCodeAt(0))) pieces.push(-1 - BOUNDARY);
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c === 32) pieces.push(-1 - SPACE_RUN);
    else if (c === 45) pieces.push(-1 - SEPARATOR_OR_NOT);
    else if (c === 39) pieces.push(-1 - APOSTROPHE_OR_NOT);
    else if (c === 42) pieces.push(-1 - WORD_RUN);
    else pieces.push(c);
  }
  const last = folded.charCodeAt(folded.length - 1);
  if (last !== 42 && isWordCode(last)) pieces.push(-1 - BOUNDARY);
  return pieces;
}

/** The regex pieces of one folded phrase, boundaries included. */
export function phraseAtoms(folded: string): Atom[] {
  return phrasePieces(folded).map((p) => (p >= 0 ? escapeChar(String.fromCharCode(p)) : (STEP_ATOMS[-1 - p] as Atom)));
}

/**
 * A node of the trie. Its branches, in the order the expression tries them: its literal children
 * (in the order inserted; at most one can match a character), its other steps (wildcards in the
 * order inserted, then the word boundary), then the end of a phrase.
 */
export interface WalkNode {
  /** Literal characters a match through this node reads first (a chain of one-way nodes, kept as one by `insertPhrase` and `finishTrie`). */
  run: string;
  /** The children reached by one literal character: their codes and nodes. */
  codes: number[];
  kids: WalkNode[];
  /** With many literal children, the child by character below 128 (the others are looked up in `codes`). */
  table: Array<WalkNode | undefined> | null;
  steps: Step[];
  next: WalkNode[];
  terminal: boolean;
  /** Nothing but literal children: the one that matches is the only way on (read in a loop, not a call). */
  literalOnly: boolean;
  /** After the literal child, nothing but a word boundary: the way on where it holds (read in a loop too). */
  boundaryOnly: boolean;
}

/** From how many literal children a node looks them up in a table rather than in a list. */
export const TABLE_MIN = 6;

/** What a node without children of a kind holds: one shared empty list, replaced on the first insertion (most nodes have one child). */
const NONE: never[] = [];

export function newTrie(): WalkNode {
  return { run: '', codes: NONE, kids: NONE, table: null, steps: NONE, next: NONE, terminal: false, literalOnly: false, boundaryOnly: false };
}

/**
 * Adds one folded phrase to a trie that `finishTrie` has not prepared yet. Literal characters no
 * other phrase shares go into one node's run rather than a node each (a node with a run reads it,
 * then branches), which is what `finishTrie` would merge them into: the same trie, built from a
 * third of the nodes (ten thousand fact phrases: 29,000 instead of 71,000).
 */
export function insertPhrase(root: WalkNode, folded: string): void {
  const pieces = phrasePieces(folded);
  let node = root;
  // How many characters of `node.run` the phrase has read.
  let at = 0;
  for (let i = 0; i < pieces.length; ) {
    const piece = pieces[i] as Piece;
    if (at < node.run.length) {
      if (piece === node.run.charCodeAt(at)) {
        at++;
        i++;
        continue;
      }
      splitRun(node, at);
    }
    if (piece >= 0) {
      // A node this phrase has just made (nothing after its run yet): its literal characters extend the run.
      if (node.codes.length === 0 && node.steps.length === 0 && !node.terminal) {
        let j = i;
        while (j < pieces.length && (pieces[j] as Piece) >= 0) j++;
        node.run += String.fromCharCode(...pieces.slice(i, j));
        at = node.run.length;
        i = j;
        continue;
      }
      let k = node.codes.indexOf(piece);
      if (k < 0) {
        if (node.codes === NONE) {
          node.codes = [];
          node.kids = [];
        }
        k = node.codes.push(piece) - 1;
        node.kids.push(newTrie());
      }
      node = node.kids[k] as WalkNode;
      at = 0;
      i++;
      continue;
    }
    const step = -1 - piece;
    let k = node.steps.indexOf(step);
    if (k < 0) {
      if (node.steps === NONE) {
        node.steps = [];
        node.next = [];
      }
      // Wildcards in the order inserted, the word boundary after them.
      k = step !== BOUNDARY && node.steps[node.steps.length - 1] === BOUNDARY ? node.steps.length - 1 : node.steps.length;
      node.steps.splice(k, 0, step);
      node.next.splice(k, 0, newTrie());
    }
    node = node.next[k] as WalkNode;
    at = 0;
    i++;
  }
  if (at < node.run.length) splitRun(node, at);
  node.terminal = true;
}

/** Cuts `node.run` after `at` characters: the node branches there, its character `at` leading to the rest as before. */
function splitRun(node: WalkNode, at: number): void {
  const rest: WalkNode = { ...node, run: node.run.slice(at + 1) };
  node.codes = [node.run.charCodeAt(at)];
  node.kids = [rest];
  node.steps = NONE;
  node.next = NONE;
  node.terminal = false;
  node.run = node.run.slice(0, at);
}

/**
 * Prepares a trie for `matchEnd` (no more insertions after): merges one-way chains into runs,
 * builds tables, and keeps identical subtrees once (the endings many inflected phrases share,
 * "…ed", "…ing", the closing word boundary), so the trie becomes a graph that walks and reads as
 * the same expression in less memory.
 */
export function finishTrie(root: WalkNode): WalkNode {
  return finish(root, new Map(), new Map());
}

function finish(node: WalkNode, shared: Map<string, WalkNode>, ids: Map<WalkNode, number>): WalkNode {
  // One literal child and nothing else: the expression has a single way on, read as a run.
  while (!node.terminal && node.steps.length === 0 && node.codes.length === 1) {
    const child = node.kids[0] as WalkNode;
    node.run += String.fromCharCode(node.codes[0] as number) + child.run;
    node.codes = child.codes;
    node.kids = child.kids;
    node.steps = child.steps;
    node.next = child.next;
    node.terminal = child.terminal;
  }
  for (let k = 0; k < node.kids.length; k++) node.kids[k] = finish(node.kids[k] as WalkNode, shared, ids);
  for (let k = 0; k < node.next.length; k++) node.next[k] = finish(node.next[k] as WalkNode, shared, ids);
  // The run goes first, with its length: the rest of the key is numbers only, so no two nodes share one.
  const key = nodeKey(node, ids);
  const same = shared.get(key);
  if (same) return same;
  node.literalOnly = node.codes.length > 0 && node.steps.length === 0 && !node.terminal;
  node.boundaryOnly = node.steps.length === 1 && node.steps[0] === BOUNDARY && !node.terminal;
  if (node.codes.length >= TABLE_MIN) {
    const table: Array<WalkNode | undefined> = new Array<WalkNode | undefined>(128).fill(undefined);
    node.codes.forEach((c, k) => {
      if (c < 128) table[c] = node.kids[k];
    });
    node.table = table;
  }
  shared.set(key, node);
  ids.set(node, ids.size);
  return node;
}

/**
 * What identifies a node whose children are already kept once: its run, then numbers only (so no two
 * nodes share one). Written out in a loop: thirty thousand nodes for the fact phrases.
 */
function nodeKey(node: WalkNode, ids: Map<WalkNode, number>): string {
  let key = `${node.run.length}:${node.run}|${node.terminal ? 1 : 0}`;
  for (let k = 0; k < node.codes.length; k++) key += `|${node.codes[k] as number}>${ids.get(node.kids[k] as WalkNode) as number}`;
  for (let k = 0; k < node.steps.length; k++) key += `|s${node.steps[k] as number}>${ids.get(node.next[k] as WalkNode) as number}`;
  return key;
}

/** The regular-expression source of the trie: one alternation per node with several branches, in the walk's order. */
export function emitSource(node: WalkNode): string {
  let prefix = '';
  for (let k = 0; k < node.run.length; k++) prefix += escapeChar(node.run.charAt(k));
  const branches: string[] = [];
  node.codes.forEach((c, k) => branches.push(escapeChar(String.fromCharCode(c)) + emitSource(node.kids[k] as WalkNode)));
  node.steps.forEach((step, k) => branches.push((STEP_ATOMS[step] as Atom) + emitSource(node.next[k] as WalkNode)));
  if (node.terminal) branches.push('');
  if (branches.length <= 1) return prefix + (branches[0] ?? '');
  return `${prefix}(?:${branches.join('|')})`;
}

/** The literal child of `node` for character `c`, if any. */
function literalChild(node: WalkNode, c: number): WalkNode | undefined {
  if (node.table !== null && c < 128) return node.table[c];
  const codes = node.codes;
  for (let k = 0; k < codes.length; k++) if (codes[k] === c) return node.kids[k];
  return undefined;
}

/** `\w` of a regular expression without the `u` flag: ASCII letters, digits and the underscore. */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

/** `\s` of a regular expression: the ECMAScript white space and line terminators. */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `\b` at `i`: a word character on exactly one side. */
export function atBoundary(s: string, i: number): boolean {
  const before = i > 0 && isWordCode(s.charCodeAt(i - 1));
  const after = i < s.length && isWordCode(s.charCodeAt(i));
  return before !== after;
}

/** Where the expression's match starting exactly at `i` ends, or -1 when none starts there. */
export function matchEnd(start: WalkNode, s: string, at: number): number {
  let node = start;
  let i = at;
  // Where a node leaves a single way on, the walk goes on in this loop; it calls itself where it may have to come back.
  for (;;) {
    const run = node.run;
    if (run.length > 0) {
      if (i + run.length > s.length) return -1;
      for (let k = 0; k < run.length; k++) if (s.charCodeAt(i + k) !== run.charCodeAt(k)) return -1;
      i += run.length;
    }
    if (node.codes.length > 0) {
      const child = i < s.length ? literalChild(node, s.charCodeAt(i)) : undefined;
      if (node.literalOnly) {
        if (child === undefined) return -1;
        node = child;
        i++;
        continue;
      }
      if (child !== undefined) {
        const end = matchEnd(child, s, i + 1);
        if (end >= 0) return end;
      }
    }
    if (!node.boundaryOnly) return otherSteps(node, s, i);
    if (!atBoundary(s, i)) return -1;
    node = node.next[0] as WalkNode;
  }
}

/** The alternatives of `node` after its literal child: wildcards and boundary in order, then the end of a phrase. */
function otherSteps(node: WalkNode, s: string, i: number): number {
  const steps = node.steps;
  for (let k = 0; k < steps.length; k++) {
    const next = node.next[k] as WalkNode;
    let end = -1;
    switch (steps[k]) {
      case BOUNDARY:
        if (atBoundary(s, i)) end = matchEnd(next, s, i);
        break;
      case SPACE_RUN:
        // `"?\s+"?`: the opening quote tried with first, as the engine does.
        if (i < s.length && s.charCodeAt(i) === QUOTE) end = spacesThenQuote(next, s, i + 1);
        if (end < 0) end = spacesThenQuote(next, s, i);
        break;
      case WORD_RUN:
        end = greedy(next, s, i, i, isWordCode);
        break;
      case SEPARATOR_OR_NOT: {
        const c = s.charCodeAt(i);
        if (i < s.length && (c === 45 || isSpaceCode(c))) end = matchEnd(next, s, i + 1);
        if (end < 0) end = matchEnd(next, s, i);
        break;
      }
      case APOSTROPHE_OR_NOT:
        if (i < s.length && s.charCodeAt(i) === 39) end = matchEnd(next, s, i + 1);
        if (end < 0) end = matchEnd(next, s, i);
        break;
    }
    if (end >= 0) return end;
  }
  return node.terminal ? i : -1;
}

export const QUOTE = 34;

/** `\s+"?` from `i` on: the run of spaces longest first, at each length the closing quote tried with, then without. */
function spacesThenQuote(next: WalkNode, s: string, i: number): number {
  let j = i;
  while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
  for (; j > i; j--) {
    if (j < s.length && s.charCodeAt(j) === QUOTE) {
      const end = matchEnd(next, s, j + 1);
      if (end >= 0) return end;
    }
    const end = matchEnd(next, s, j);
    if (end >= 0) return end;
  }
  return -1;
}

/** A greedy run of characters `accepts` takes from `i` (at least `min - i` of them), tried longest first. */
function greedy(next: WalkNode, s: string, i: number, min: number, accepts: (c: number) => boolean): number {
  let j = i;
  while (j < s.length && accepts(s.charCodeAt(j))) j++;
  for (; j >= min; j--) {
    const end = matchEnd(next, s, j);
    if (end >= 0) return end;
  }
  return -1;
}
