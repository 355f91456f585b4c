import { BOUNDARY, isWordCode, SEPARATOR_OR_NOT, SPACE_RUN, WORD_RUN, type WalkNode } from './phrase-trie';

/**
 * Where a match of a phrase trie may start, read off a table instead of walking the trie at every
 * position of a text. Whether a match that reads at least one character can start at a position
 * depends only on that character and on whether the one before is a word character (the word
 * boundaries met before the first character is read are decided by those two), so `next` looks
 * each position up and the walk runs only where a match can start: about once per word. Exact: a
 * position turned down has no match that reads a character (an empty match is passed over by the
 * scan anyway; see `nullable`). Testing the first two characters as well was tried: on the bench
 * pages it turned down 5–30% more positions and saved no measurable time.
 */
export class StartFilter {
  /** First characters below 128: after a non-word character at 0–127, after a word character at 128–255. */
  private readonly ascii = new Uint8Array(256);
  /** The same for the other characters (never word characters), after a non-word and after a word character. */
  private readonly wide: [Set<number>, Set<number>] = [new Set(), new Set()];
  /** A match that reads nothing may start somewhere: then a search that reports empty matches must try every position. */
  nullable = false;

  constructor(root: WalkNode) {
    for (const prevWord of [false, true]) {
      const row = prevWord ? 128 : 0;
      const mark = (c: number): void => {
        if (c < 128) this.ascii[row + c] = 1;
        else this.wide[prevWord ? 1 : 0].add(c);
      };
      firstChars(root, false, prevWord, mark, () => {
        this.nullable = true;
      });
    }
  }

  /** Whether a match reading at least one character may start with character `c` after a word character (`prevWord`) or not. */
  accepts(prevWord: boolean, c: number): boolean {
    if (c < 128) return this.ascii[prevWord ? 128 + c : c] === 1;
    return this.wide[prevWord ? 1 : 0].has(c);
  }

  /** The characters from 128 up that `accepts` takes after a word character (`prevWord`) or not. */
  wideCodes(prevWord: boolean): Iterable<number> {
    return this.wide[prevWord ? 1 : 0];
  }

  /** The first position in [from, last] where a match reading at least one character may start, or -1. */
  next(s: string, from: number, last: number): number {
    const ascii = this.ascii;
    let prevWord = from > 0 && isWordCode(s.charCodeAt(from - 1));
    const end = Math.min(last, s.length - 1);
    for (let i = from; i <= end; i++) {
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (ascii[prevWord ? 128 + c : c] === 1) return i;
        prevWord = isWordCode(c);
      } else {
        if (this.wide[prevWord ? 1 : 0].has(c)) return i;
        prevWord = false;
      }
    }
    return -1;
  }
}

/**
 * The part of the trie from `node` a match passes before it reads its first character: `mark` gets
 * every character it may read first, `end` is called where it may end without reading one, the
 * word boundaries passed (`bounded`) decided against `prevWord`, the kind of the character before.
 */
function firstChars(node: WalkNode, bounded: boolean, prevWord: boolean, mark: (c: number) => void, end: (bounded: boolean) => void): void {
  const allow = (c: number): void => {
    if (!bounded || isWordCode(c) !== prevWord) mark(c);
  };
  if (node.run.length > 0) {
    allow(node.run.charCodeAt(0));
    return;
  }
  if (node.terminal) end(bounded);
  node.codes.forEach(allow);
  node.steps.forEach((step, k) => {
    const next = node.next[k] as WalkNode;
    if (step === BOUNDARY) firstChars(next, true, prevWord, mark, end);
    else if (step === SPACE_RUN) [34, ...SPACE_CODES].forEach(allow); // a quote mark may open it
    else {
      if (step === WORD_RUN) WORD_CODES.forEach(allow);
      else if (step === SEPARATOR_OR_NOT) [45, ...SPACE_CODES].forEach(allow);
      else allow(39);
      // The optional steps may also read nothing.
      firstChars(next, bounded, prevWord, mark, end);
    }
  });
}

/**
 * The codes `isWordCode` and `isSpaceCode` accept, in ascending order, listed from their ranges: a loop over all
 * 65,536 codes took some 3-6 ms of every page's start of the always-on script and of the page session's
 * evaluation (tests/unit/phrase-starts.test.ts holds them to that loop).
 */
export const WORD_CODES: readonly number[] = codesIn([48, 57], [65, 90], [95, 95], [97, 122]);
export const SPACE_CODES: readonly number[] = codesIn([9, 13], [32, 32], [160, 160], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]);

function codesIn(...ranges: [number, number][]): number[] {
  const out: number[] = [];
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) out.push(c);
  return out;
}
