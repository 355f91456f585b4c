import { describe, expect, it } from 'vitest';
import { anchor, describeRange, DEFAULT_MIN_SCORE, type AnchorSelectors } from '../../lib/anchoring';
import { TextPositionSelector, TextQuoteSelector } from '../../lib/schema/selectors';
import { ARTICLE_EN, ARTICLE_ES } from './anchoring.fixtures';

/** Selectors for the `occurrence`-th appearance of `phrase` in `text`. */
function select(text: string, phrase: string, occurrence = 0): AnchorSelectors & { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    start = text.indexOf(phrase, start + 1);
    if (start === -1) throw new Error(`fixture: "${phrase}" #${occurrence} not found`);
  }
  const end = start + phrase.length;
  return { ...describeRange(text, start, end), start, end };
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1) throw new Error(`fixture: "${from}" not found`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('describeRange', () => {
  it('stores the quote with 32 characters of context either side and its offsets', () => {
    const phrase = 'the largest prison in the Americas';
    const start = ARTICLE_EN.indexOf(phrase);
    const d = describeRange(ARTICLE_EN, start, start + phrase.length);
    expect(d.quote.exact).toBe(phrase);
    expect(d.quote.prefix).toBe(ARTICLE_EN.slice(start - 32, start));
    expect(d.quote.suffix).toBe(ARTICLE_EN.slice(start + phrase.length, start + phrase.length + 32));
    expect(d.position).toEqual({ type: 'TextPositionSelector', start, end: start + phrase.length });
    // The output is valid W3C selectors as the annotation schema defines them.
    expect(TextQuoteSelector.parse(d.quote)).toEqual(d.quote);
    expect(TextPositionSelector.parse(d.position)).toEqual(d.position);
  });

  it('leaves out context that does not exist at the ends of the text', () => {
    const text = 'CECOT opened in 2023.';
    const d = describeRange(text, 0, text.length);
    expect(d.quote).toEqual({ type: 'TextQuoteSelector', exact: text });
  });

  it('rejects empty, reversed, fractional and out-of-range ranges', () => {
    expect(() => describeRange('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', -1, 2)).toThrow(RangeError);
    expect(() => describeRange('abc', 0, 4)).toThrow(RangeError);
    expect(() => describeRange('abc', 0.5, 2)).toThrow(RangeError);
  });

  it('widens the context rather than cutting an emoji in half', () => {
    const text = `x🙂${'a'.repeat(31)}QUOTE${'b'.repeat(31)}🙂y`;
    const start = text.indexOf('QUOTE');
    const d = describeRange(text, start, start + 5);
    expect(d.quote.prefix).toBe(`🙂${'a'.repeat(31)}`);
    expect(d.quote.suffix).toBe(`${'b'.repeat(31)}🙂`);
  });
});

describe('anchor: verbatim matches', () => {
  it('uses the stored position when the page is unchanged', () => {
    const s = select(ARTICLE_EN, 'more than two hundred Venezuelan men');
    expect(anchor(ARTICLE_EN, s)).toEqual({ start: s.start, end: s.end, method: 'position', score: 1 });
  });

  it('finds the quote by search when text was inserted before it', () => {
    const s = select(ARTICLE_EN, 'more than two hundred Venezuelan men');
    const inserted = 'Updated on Friday with a statement from the ministry. ';
    const result = anchor(inserted + ARTICLE_EN, s);
    expect(result).toMatchObject({ start: s.start + inserted.length, end: s.end + inserted.length, method: 'quote' });
  });

  it('finds the quote by search when text was deleted before it', () => {
    const s = select(ARTICLE_EN, 'The judge ordered the planes to turn around');
    const removed = 'about seventy kilometres east of the capital.';
    const result = anchor(replaceOnce(ARTICLE_EN, removed, ''), s);
    expect(result).toMatchObject({ start: s.start - removed.length, end: s.end - removed.length, method: 'quote' });
  });

  it('does not take a copy of a short quote that a small shift put at the stored offsets', () => {
    const text = 'Small cells, full halls.';
    const secondL = text.indexOf('cells') + 3;
    const s = describeRange(text, secondL, secondL + 1);
    // One character inserted at the top moves the first "l" onto the stored offset.
    const result = anchor(`X${text}`, s);
    expect(result).toMatchObject({ start: secondL + 1, end: secondL + 2, method: 'quote' });
  });

  it('keeps the position when only text after the quote changed', () => {
    const s = select(ARTICLE_EN, 'lawyers in Washington asked a federal judge');
    const edited = replaceOnce(ARTICLE_EN, 'to halt the flights', 'to stop the deportation flights');
    expect(anchor(edited, s)).toMatchObject({ start: s.start, end: s.end, method: 'position' });
  });
});

describe('anchor: edits inside the quote', () => {
  it('attaches fuzzily to the edited quote, covering exactly the new wording', () => {
    const s = select(ARTICLE_EN, 'with room for forty thousand inmates');
    const edited = replaceOnce(
      'Breaking: ' + ARTICLE_EN,
      'with room for forty thousand inmates',
      'with room for 40,000 inmates',
    );
    const result = anchor(edited, s);
    const expectedStart = edited.indexOf('with room for 40,000 inmates');
    expect(result).toMatchObject({ start: expectedStart, end: expectedStart + 28, method: 'fuzzy' });
    expect(result!.score).toBeGreaterThan(DEFAULT_MIN_SCORE);
    expect(result!.score).toBeLessThan(1);
  });

  it('attaches a long quote whose paragraph moved far away and had words changed', () => {
    const paragraph =
      'Independent journalists say access to the facility is controlled: visits are guided, interviews with prisoners are rare, and photographs are approved in advance.';
    const s = select(ARTICLE_EN, paragraph);
    const rewritten = paragraph.replace('are rare', 'are almost never granted').replace('Independent', 'Local');
    // The paragraph moves to the top of a page that also grew a long preamble.
    const preamble = ARTICLE_ES + ' ';
    const edited = preamble + rewritten + ' ' + ARTICLE_EN.replace(paragraph, '');
    const result = anchor(edited, s);
    expect(result).toMatchObject({ start: preamble.length, end: preamble.length + rewritten.length, method: 'fuzzy' });
  });

  it('returns null for an edited quote when fuzzy matching is switched off', () => {
    const s = select(ARTICLE_EN, 'with room for forty thousand inmates');
    const edited = replaceOnce(ARTICLE_EN, 'forty thousand', '40,000');
    expect(anchor(edited, s, { fuzzy: false })).toBeNull();
    expect(anchor(edited, s)).not.toBeNull();
  });
});

describe('anchor: repeated quotes', () => {
  const text = [
    'In January the minister said the prison was full.',
    'In February the director said the prison was full.',
    'In March a judge said the prison was full.',
  ].join(' ');
  const phrase = 'said the prison was full';

  it('picks the occurrence whose context matches, after the page shifted', () => {
    const s = select(text, phrase, 1);
    const shifted = 'Timeline. ' + text;
    expect(anchor(shifted, s)).toMatchObject({ start: s.start + 10, method: 'quote' });
  });

  it('picks by context even without a position selector', () => {
    const s = select(text, phrase, 2);
    expect(anchor(text, { quote: s.quote })).toMatchObject({ start: s.start, end: s.end, method: 'quote' });
  });

  it('breaks a tie of identical contexts by closeness to the stored position', () => {
    const block = 'The cells hold eighty men each. ';
    const repeated = block.repeat(6);
    const s = select(repeated, 'eighty men', 4);
    const shifted = 'Intro. ' + repeated;
    expect(anchor(shifted, s)).toMatchObject({ start: s.start + 7, method: 'quote' });
  });

  it('prefers the edited original in its own context over a verbatim copy elsewhere', () => {
    const s = select(text, phrase, 1);
    // The February sentence is edited; verbatim copies remain in January and March.
    const edited = replaceOnce(text, 'the director said the prison was full', 'the director said the prison was overcrowded');
    const result = anchor(edited, s);
    // The replaced last word is covered whole, not cut at "…was over".
    expect(result).toMatchObject({ start: s.start, end: s.start + 'said the prison was overcrowded'.length, method: 'fuzzy' });
  });
});

describe('anchor: orphans', () => {
  it('returns null when the passage was rewritten', () => {
    const quote = 'Relatives said many of the men had no criminal record in either country';
    const s = select(ARTICLE_EN, quote);
    const rewritten = replaceOnce(
      ARTICLE_EN,
      quote,
      'A spokesperson for the ministry declined to comment on individual cases this week',
    );
    expect(anchor(rewritten, s)).toBeNull();
    // Control: a light edit of the same sentence still attaches, so the null
    // above is the rewrite's doing.
    const touched = replaceOnce(ARTICLE_EN, quote, 'Relatives said most of the men had no criminal record in either country');
    expect(anchor(touched, s)).toMatchObject({ start: s.start, method: 'fuzzy' });
  });

  it('does not move a short quote to another occurrence once its passage is gone', () => {
    const s = select(ARTICLE_EN, 'Nayib Bukele');
    const text = ARTICLE_EN.replace(/In March 2025 the United States[^.]*\./, 'Flights began in spring.');
    const other = 'Elsewhere, critics of Nayib Bukele gathered outside the embassy in Madrid.';
    expect(anchor(`${text} ${other}`, s)).toBeNull();
    // Yet the same short quote re-attaches when its context survives.
    expect(anchor(`Update. ${ARTICLE_EN} ${other}`, s)).toMatchObject({ method: 'quote', start: s.start + 8 });
  });

  it('returns null for an empty quote (a record that bypassed the schema)', () => {
    expect(anchor(ARTICLE_EN, { quote: { type: 'TextQuoteSelector', exact: '' } })).toBeNull();
  });

  it('returns null on an empty or unrelated page', () => {
    const s = select(ARTICLE_EN, 'the largest prison in the Americas');
    expect(anchor('', s)).toBeNull();
    expect(anchor('Weather: sunny with light winds in the afternoon.', s)).toBeNull();
  });
});

describe('anchor: rendering differences', () => {
  it('survives re-wrapped lines, doubled spaces and non-breaking spaces', () => {
    const s = select(ARTICLE_EN, 'Human rights groups have documented deaths in custody');
    const rewrapped = replaceOnce(
      ARTICLE_EN,
      'Human rights groups have documented deaths in custody',
      'Human  rights\ngroups have\u00a0documented deaths\n\tin custody',
    );
    const expectedStart = rewrapped.indexOf('Human  rights');
    const result = anchor(rewrapped, s);
    expect(result).toMatchObject({ start: expectedStart, method: 'fuzzy' });
    expect(rewrapped.slice(result!.start, result!.end)).toBe('Human  rights\ngroups have\u00a0documented deaths\n\tin custody');
    expect(result!.score).toBeGreaterThan(0.95);
  });

  it('survives curly quotes becoming straight ones', () => {
    const s = select(ARTICLE_EN, 'El Salvador’s Terrorism Confinement Center');
    const result = anchor(ARTICLE_EN.replace('’', "'"), s);
    expect(result).toMatchObject({ start: s.start, end: s.end, method: 'fuzzy' });
  });
});

describe('anchor: Spanish text', () => {
  it('finds an accented quote verbatim after the page shifted', () => {
    const s = select(ARTICLE_ES, 'El régimen de excepción, vigente desde marzo de 2022');
    const result = anchor('Actualización: ' + ARTICLE_ES, s);
    expect(result).toMatchObject({ start: s.start + 15, end: s.end + 15, method: 'quote' });
  });

  it('matches when the page switches to decomposed accents (NFD)', () => {
    const s = select(ARTICLE_ES, 'suspende garantías constitucionales como el derecho a la defensa');
    const decomposed = ARTICLE_ES.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(ARTICLE_ES.length);
    const result = anchor(decomposed, s);
    const expectedSlice = 'suspende garantías constitucionales como el derecho a la defensa'.normalize('NFD');
    expect(result).toMatchObject({ method: 'fuzzy' });
    expect(decomposed.slice(result!.start, result!.end)).toBe(expectedSlice);
  });

  it('matches when accents were dropped and a word changed', () => {
    const s = select(ARTICLE_ES, 'la cárcel tiene capacidad para cuarenta mil reos');
    const edited = replaceOnce(ARTICLE_ES, 'la cárcel tiene capacidad para cuarenta mil reos', 'la carcel tiene capacidad para 40.000 reos');
    const start = edited.indexOf('la carcel');
    expect(anchor(edited, s)).toMatchObject({ start, end: start + 'la carcel tiene capacidad para 40.000 reos'.length, method: 'fuzzy' });
  });
});
