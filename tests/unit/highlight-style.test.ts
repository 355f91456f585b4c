import { describe, expect, it } from 'vitest';
import { highlightCss } from '../../lib/page/highlight-style';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

const rule = (css: string, name: string) => css.split('\n').find((l) => l.startsWith(`::highlight(cecot-lens-${name})`)) ?? '';

describe('highlight styles', () => {
  it('draws notes with a line above the text, which no claim uses, so a note shows on a claim of the same hue', () => {
    const css = highlightCss(DEFAULT_SETTINGS.colors, true);
    expect(rule(css, 'note-green')).toMatch(/overline/);
    for (const kind of ['agrees', 'conflicts', 'related', 'unmatched']) {
      expect(rule(css, kind)).toMatch(/underline/);
      expect(rule(css, kind)).not.toMatch(/overline/);
    }
  });
});
