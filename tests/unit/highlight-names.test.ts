import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALL_KINDS, highlightCss, sessionHighlightNames } from '../../lib/page/highlight-style';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

describe('session highlight names (finding 6)', () => {
  const random = (n: number) => new Uint8Array(randomBytes(n));

  it('say nothing about what they mark, differ per session, and are distinct', () => {
    const a = sessionHighlightNames(random);
    const b = sessionHighlightNames(random);
    const names = Object.values(a);
    expect(new Set(names).size).toBe(ALL_KINDS.length);
    for (const name of names) {
      expect(name).toMatch(/^h[0-9a-f]{16}$/);
      expect(name).not.toMatch(/cecot|lens|note|agree|conflict|related|unmatched|focus|yellow/i);
    }
    expect(ALL_KINDS.every((k) => a[k] !== b[k])).toBe(true);
  });

  it('are the names the ::highlight() rules use, and no readable name is left in them', () => {
    const names = sessionHighlightNames(random);
    const css = highlightCss(DEFAULT_SETTINGS.colors, true, (k) => names[k]);
    for (const kind of ALL_KINDS) expect(css).toContain(`::highlight(${names[kind]})`);
    expect(css).not.toContain('cecot-lens-');
  });

  it('still come out distinct when the random source repeats itself', () => {
    let i = 0;
    const stuttering = (n: number) => new Uint8Array(n).fill(Math.floor(i++ / 2));
    expect(new Set(Object.values(sessionHighlightNames(stuttering))).size).toBe(ALL_KINDS.length);
  });
});
