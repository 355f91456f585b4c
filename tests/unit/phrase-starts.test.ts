import { describe, expect, it } from 'vitest';
import { SPACE_CODES, WORD_CODES } from '../../lib/text/phrase-starts';
import { isSpaceCode, isWordCode } from '../../lib/text/phrase-trie';

describe('the code lists of phrase starts', () => {
  const every = Array.from({ length: 0x10000 }, (_, c) => c);
  it('hold every code isWordCode accepts, in ascending order, and no other', () => {
    expect(WORD_CODES).toEqual(every.filter(isWordCode));
  });
  it('hold every code isSpaceCode accepts, in ascending order, and no other', () => {
    expect(SPACE_CODES).toEqual(every.filter(isSpaceCode));
  });
});
