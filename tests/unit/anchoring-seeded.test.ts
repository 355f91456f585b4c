import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describeRange, type AnchorTarget } from '../../lib/anchoring';
import { SEEDED_FROM } from '../../lib/anchoring/anchor-many';
import { foldText } from '../../lib/anchoring/fold';
import { SeedIndex } from '../../lib/anchoring/seed-index';
import { makeLongText, seededRandom } from './anchoring.fixtures';

const TEXT = makeLongText(20_000, 5);

describe('seed index', () => {
  it('points at where an edited copy of a passage stands, however far', () => {
    const passage = TEXT.slice(100_000, 100_160);
    const edited = passage.replace(/\s\S+\s/, ' replacement ');
    const folded = foldText(TEXT).text;
    const where = folded.indexOf(foldText(passage).text);
    expect(where).toBeGreaterThan(90_000);
    const places = new SeedIndex(folded).diagonals(foldText(edited).text, 8);
    expect(places.length).toBeGreaterThan(0);
    expect(Math.abs((places[0]?.start ?? -1) - where)).toBeLessThan(64);
  });

  it('offers nothing for text that is not on the page', () => {
    const index = new SeedIndex(foldText(TEXT).text);
    expect(index.diagonals('zqxj wvvk pqpq zzxy qqjj xkcd', 8)).toEqual([]);
  });
});

describe('anchorAll with many notes: quotes that moved far are found through the seed index', () => {
  /** Notes spread over the page, with one passage cut out, lightly edited and pasted far from its place. */
  function movedPage() {
    const random = seededRandom(3);
    const targets: AnchorTarget[] = [];
    for (let i = 0; i < SEEDED_FROM + 4; i++) {
      const start = 5_000 + Math.floor(random() * 100_000);
      targets.push({ selectors: describeRange(TEXT, start, start + 60 + Math.floor(random() * 100)) });
    }
    const moved = { start: 40_000, end: 40_150 };
    targets.push({ selectors: describeRange(TEXT, moved.start, moved.end) });
    const passage = TEXT.slice(moved.start, moved.end);
    const edited = passage.replace(/(\s\S+){3}\s/, (m) => m.replace(/\S+\s$/, 'altered '));
    const text = `${TEXT.slice(0, moved.start)}${TEXT.slice(moved.end, 130_000)} ${edited} ${TEXT.slice(130_000)}`;
    return { targets, text, edited };
  }

  it('re-attaches the moved, edited passage at its new place, as a single anchor call does', () => {
    const { targets, text, edited } = movedPage();
    const results = anchorAll(text, targets);
    const last = results[results.length - 1];
    const single = anchor(text, targets[targets.length - 1]!.selectors);
    expect(last).not.toBeNull();
    expect(text.slice(last!.start, last!.end).trim()).toBe(edited.trim());
    expect(single && [single.start, single.end]).toEqual(last && [last.start, last.end]);
    // Every other note is where it was (shifted by the cut).
    expect(results.filter((r) => r === null)).toHaveLength(0);
  });

  it('still leaves a rewritten passage an orphan', () => {
    const { targets, text } = movedPage();
    const gone = describeRange(TEXT, 70_000, 70_120);
    const rewritten = `${text.slice(0, 69_900)}${'The ministry did not answer questions about the transfer. '.repeat(6)}${text.slice(70_300)}`;
    const results = anchorAll(rewritten, [...targets, { selectors: gone }]);
    expect(results[results.length - 1]).toBeNull();
  });
});
