import { describe, expect, it } from 'vitest';
import { leadingPart } from '../../lib/page/leading-part';

describe('leadingPart', () => {
  const para = (n: number) => `${'Word '.repeat(n).trim()}.`;
  it('cuts a long text at a paragraph break before the size, a prefix of the text', () => {
    const text = Array.from({ length: 100 }, () => para(40)).join('\n');
    const head = leadingPart(text, 2_000);
    expect(head).not.toBeNull();
    expect(text.startsWith(head as string)).toBe(true);
    expect((head as string).length).toBeLessThanOrEqual(2_000);
    expect((head as string).length).toBeGreaterThan(1_000);
    expect(text.charAt((head as string).length)).toBe('\n');
  });
  it('falls back to a space when there is no paragraph break in reach', () => {
    const text = para(2_000);
    const head = leadingPart(text, 1_000) as string;
    expect(text.charAt(head.length)).toBe(' ');
  });
  it('leaves a short text whole', () => {
    expect(leadingPart(para(100), 1_000)).toBeNull();
  });
});
