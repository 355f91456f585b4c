/**
 * Re-attaching annotations (lib/anchoring). Target (issue brief): 1,000
 * annotations on a ~20,000-word page in under 200 ms when the page is
 * unchanged; "reasonable" when some of the text changed.
 *
 * Pages come from the seeded generator in tests/unit/anchoring.fixtures.ts:
 * news-like sentences that do not repeat, so every quote is (nearly) unique,
 * as on a real article. bench/corpus.ts repeats whole paragraphs, which would
 * turn every quote into many verbatim copies and measure something else.
 */
import { anchor, anchorAll, describeRange, type AnchorTarget } from '../lib/anchoring';
import { searchWork } from '../lib/anchoring/fuzzy';
import { editWords, makeLongText, seededRandom } from '../tests/unit/anchoring.fixtures';
import type { BenchCase } from './harness';

/** `count` annotations of 10–210 characters at random places of `text`. */
function annotate(text: string, count: number, seed: number): AnchorTarget[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const length = 10 + Math.floor(random() * 200);
    const start = Math.floor(random() * (text.length - length));
    return { selectors: describeRange(text, start, start + length) };
  });
}

const chars = (text: string): string => `${text.length.toLocaleString('en-US')} chars`;

export function cases(): BenchCase[] {
  const page = makeLongText(20_000, 1);
  const annotations = annotate(page, 1000, 7);
  const edited = editWords(page, 0.05, 3).text;

  const list: BenchCase[] = [
    {
      name: 'anchorAll: 1,000 annotations, 20,000-word page, unchanged',
      run: () => anchorAll(page, annotations),
      baselineText: page,
      targetMs: 200,
      note: `${chars(page)}; every annotation resolves by its stored position`,
    },
    {
      name: 'anchorAll: 1,000 annotations, 20,000-word page, 5% of words edited',
      run: () => anchorAll(edited, annotations),
      baselineText: edited,
      note: `${chars(edited)}; 1 word in 20 replaced, deleted or followed by a new one: about half the quotes need fuzzy matching`,
    },
  ];

  // The edited case at 1×, 4× and 16×, annotations growing with the page: an
  // algorithm that scanned the page once per annotation would show time/size
  // near 16 at 16×. Searches stay local, the verbatim occurrences of all
  // quotes are found in one pass, and quotes that must be looked for in the
  // whole page go through a seed index built once (lib/anchoring/seed-index).
  // The approximate search runs first in a window of a few words around the place the previous notes
  // predict, with an error budget of an eighth of the quote (the full half only if that finds nothing),
  // so the search work per note is about halved (2,410 -> 1,303 at 20,000 words). Every window has a fixed
  // size, so the work per note does not grow with the page: at 1x, 4x and 16x it differs by the draw of notes
  // (the first window's work per call, per character of quote, is the same at every size).
  // Each size is measured on 1,000 annotations: 16 pages at 1×, 4 at 4×, one
  // at 16×, and reported per page (a single small page's 62 annotations are
  // too few: which of them need fuzzy matching swings the figure by a third).
  for (const factor of [1, 4, 16]) {
    const words = 1250 * factor;
    // Set 0 is the timed one; sets 1-3 only add to the count of search work (below).
    const pageSet = (set: number) =>
      Array.from({ length: 16 / factor }, (_, i) => {
        const p = set * 16 + i;
        const text = makeLongText(words, 1 + 100 * p);
        const targets = annotate(text, 62.5 * factor, 7 + p);
        return { targets, changed: editWords(text, 0.05, 3 + p).text };
      });
    const pages = pageSet(0);
    const first = pages[0] as (typeof pages)[number];
    // The search work per note does not depend on the machine's load: growth without the noise. It is counted
    // over 4,000 notes per size (the timed 1,000 and three more sets like them): which notes need the approximate
    // search, and how long they are, is a draw, and on 1,000 notes that draw alone moves the 16x ratio by a
    // figure or so (17.3 on the timed set, 16.2 and 16.4 on two sets of 4,000).
    const before = searchWork.cells;
    let notes = 0;
    for (const set of [pages, pageSet(1), pageSet(2), pageSet(3)]) {
      for (const p of set) anchorAll(p.changed, p.targets);
      notes += set.reduce((n, p) => n + p.targets.length, 0);
    }
    const workPerNote = (searchWork.cells - before) / notes;
    const timedNotes = pages.reduce((n, p) => n + p.targets.length, 0);
    list.push({
      name: `anchorAll: ${first.targets.length} annotations, ${words.toLocaleString('en-US')} words, 5% edited`,
      run: () => pages.map((p) => anchorAll(p.changed, p.targets)),
      baselineText: first.changed,
      group: 'anchorAll edited',
      size: factor,
      perRun: pages.length,
      work: workPerNote,
      note: `${chars(first.changed)}; time per page, over ${pages.length} page${pages.length > 1 ? 's' : ''} (${timedNotes} annotations); approximate-search work ${Math.round(workPerNote).toLocaleString('en-US')} per note (over ${notes.toLocaleString('en-US')})`,
    });
  }

  // The worst single call: an orphan whose passage was rewritten, so every
  // stage runs, ending in a search of the whole page.
  const orphan = describeRange(page, 70_000, 70_120);
  const rewritten = `${page.slice(0, 69_950)}${'The ministry did not answer questions about the transfer. '.repeat(5)}${page.slice(70_200)}`;
  list.push({
    name: 'anchor: one orphan on a 20,000-word page (rewritten passage)',
    run: () => anchor(rewritten, orphan),
    baselineText: rewritten,
    note: 'position, verbatim, near and whole-page fuzzy searches all run; returns null',
  });
  return list;
}
