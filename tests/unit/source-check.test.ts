import { describe, expect, it } from 'vitest';
import { checkSources } from '../../lib/dataset/source-check';

const ref = (exact: string, prefix = '', suffix = '') => ({ claimId: 'u-x', statement: 'S.', quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix } });

describe('checking a user claim’s quote on its source page', () => {
  const text = 'Inside CECOT, about 1,200 guards watch the inmates in rotating shifts, the director said.';
  it('found verbatim, found only approximately after an edit, or missing', () => {
    expect(checkSources(text, [ref('about 1,200 guards watch', 'Inside CECOT, ', ' the inmates')])[0]!.status).toBe('found');
    const edited = text.replace('about 1,200 guards watch', 'about 1,200 guards now watch');
    expect(checkSources(edited, [ref('about 1,200 guards watch', 'Inside CECOT, ', ' the inmates')])[0]!.status).toBe('changed');
    expect(checkSources('A page about something else entirely, with no such sentence in it at all.', [ref('about 1,200 guards watch', 'Inside CECOT, ', ' the inmates')])[0]!.status).toBe('missing');
    expect(checkSources(text, [])).toEqual([]);
  });
});
