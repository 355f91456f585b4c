import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentSentences, unwrapLines, type SentenceSpan } from '../../lib/text/segment-sentences';

/**
 * Short paragraphs are segmented several at a time (one `Intl.Segmenter` call
 * per batch): each paragraph must still get exactly the sentences it gets alone
 * (a paragraph being what is left between line breaks once wrapped lines are
 * joined: `unwrapLines` keeps the length, so offsets carry over).
 */
function paragraphByParagraph(text: string, language: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let at = 0;
  for (const para of unwrapLines(text).split('\n')) {
    for (const s of segmentSentences(para, language)) out.push({ start: at + s.start, end: at + s.end });
    at += para.length + 1;
  }
  return out;
}

const EVAL_DIR = 'tests/fixtures/eval';

describe('segmentSentences in batches of paragraphs', () => {
  it('gives every written page the sentences of its paragraphs segmented one by one', () => {
    const files = readdirSync(EVAL_DIR).filter((f) => f.endsWith('.txt') || f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(10);
    // All pages in one text: paragraphs of every length, from a few characters to several hundred.
    const all = files.map((f) => readFileSync(join(EVAL_DIR, f), 'utf8')).join('\n');
    for (const language of ['en', 'es']) expect(segmentSentences(all, language)).toEqual(paragraphByParagraph(all, language));
  });

  it('holds for made-up paragraphs with abbreviations, quotes, figures and blank lines', () => {
    const word = fc.constantFrom('The', 'prison', 'U.S.', 'Sr.', 'held', '“What', 'are', 'we?”', 'he', 'asked.', '100', 'people.', 'EE. UU.', 'no.', 'A.', 'said', '"quote', 'ends."', 'and', 'Jan.', '5,', '—', '¿Qué', 'pasa?', '');
    const paragraph = fc.array(word, { maxLength: 60 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 30 }), fc.constantFrom('en', 'es'), (paras, language) => {
        const text = paras.join('\n');
        expect(segmentSentences(text, language)).toEqual(paragraphByParagraph(text, language));
      }),
      { numRuns: 200 },
    );
  });
});
