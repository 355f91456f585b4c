import { describe, expect, it } from 'vitest';
import { anchor, describeRange } from '../../lib/anchoring';

describe('a quote that grew inside', () => {
  it('re-attaches to the whole edited passage, not a cut-off one', () => {
    const before = 'Intro.\nThe weather in San Salvador was warm and the streets were quiet that afternoon.\nRelated: recipes';
    const quote = 'streets were quiet';
    const start = before.indexOf(quote);
    const selectors = describeRange(before, start, start + quote.length);
    const after = before.replace('warm and the streets were quiet', 'warm, and the streets were very quiet');
    const a = anchor(after, selectors);
    expect(a && after.slice(a.start, a.end)).toBe('streets were very quiet');
  });

  it('and to a passage that shrank', () => {
    const before = 'Intro.\nOfficials said the new prison is very large and modern, the minister added.\nEnd.';
    const quote = 'the new prison is very large and modern';
    const start = before.indexOf(quote);
    const selectors = describeRange(before, start, start + quote.length);
    const after = before.replace('is very large and modern', 'is large and modern');
    const a = anchor(after, selectors);
    expect(a && after.slice(a.start, a.end)).toBe('the new prison is large and modern');
  });
});
