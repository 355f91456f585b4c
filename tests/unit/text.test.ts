import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lib/text/detect-language';
import { foldKey, foldText } from '../../lib/text/fold';
import { PhraseSet } from '../../lib/text/phrase-set';
import { segmentSentences } from '../../lib/text/segment-sentences';

describe('foldText', () => {
  it('lower-cases, strips accents and normalises dashes and quotes', () => {
    expect(foldText('MEGACÁRCEL “Bukele”—Ñandú’s')).toBe('megacarcel "bukele"-nandu\'s');
  });

  it('keeps the length, so offsets carry over', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(foldText(s).length).toBe(s.length);
      }),
    );
  });

  it('keeps newlines, folds other control whitespace to spaces', () => {
    expect(foldText('a\tb\nc\u00a0d')).toBe('a b\nc d');
  });
});

describe('PhraseSet', () => {
  const find = (phrases: string[], text: string) => {
    const set = new PhraseSet(phrases);
    return set.findAll(foldText(text)).map((h) => [set.phrases[h.phrase], text.slice(h.start, h.end)]);
  };

  it('ignores case and accents, matches whole words only', () => {
    expect(find(['megacárcel'], 'La MEGACARCEL y la megacárcel; megacarceles no')).toEqual([
      ['megacarcel', 'MEGACARCEL'],
      ['megacarcel', 'megacárcel'],
    ]);
  });

  it('lets a hyphen match a hyphen, a space or nothing, and a space any whitespace', () => {
    expect(find(['mega-prison'], 'mega-prison, mega prison, megaprison, mega—prison').map((x) => x[1])).toEqual([
      'mega-prison',
      'mega prison',
      'megaprison',
      'mega—prison',
    ]);
    expect(find(['el salvador'], 'El\n  Salvador').length).toBe(1);
  });

  it('expands * at the end of a word', () => {
    expect(find(['deport*'], 'deported, deportation; deportados. Report').map((x) => x[1])).toEqual(['deported', 'deportation', 'deportados']);
  });

  it('prefers the longest phrase at a position', () => {
    expect(find(['el salvador', "el salvador's mega-prison"], "El Salvador's mega-prison")).toEqual([["el salvador's mega-prison", "El Salvador's mega-prison"]]);
  });

  it('reports each hit under a phrase that really matches there, and misses no occurrence', () => {
    const words = ['cecot', 'el', 'salvador', 'deport', 'deported', 'mega', 'prison', 'de', 'la', 'carcel', 'x'];
    const phrases = ['cecot', 'el salvador', 'deport*', 'mega-prison', 'la carcel', 'carcel de', 'prison'];
    const set = new PhraseSet(phrases);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 25 }), fc.constantFrom(' ', '-', '  '), (ws, sep) => {
        const text = ws.join(sep);
        const hits = set.findAll(text);
        for (const h of hits) {
          const own = new PhraseSet([set.phrases[h.phrase] as string]).findFirst(text, h.start);
          expect(own?.start).toBe(h.start);
          expect(own?.end).toBe(h.end);
        }
        // Every occurrence of every phrase overlaps some hit.
        for (const p of phrases) {
          for (const occ of new PhraseSet([p]).findAll(text)) {
            expect(hits.some((h) => h.start < occ.end && occ.start < h.end)).toBe(true);
          }
        }
      }),
    );
  });

  it('maps overlapping phrases to each other', () => {
    const set = new PhraseSet(['venezuelan', 'venezuelan*', 'flown to el salvador', 'el salvador']);
    expect(set.overlapping(set.indexOf('venezuelan'))).toEqual([set.indexOf('venezuelan*')]);
    expect(set.overlapping(set.indexOf('flown to el salvador'))).toEqual([]);
    expect(set.overlapping(set.indexOf('flown to el salvador'), true)).toEqual([set.indexOf('el salvador')]);
  });

  it('finds a contained phrase at the longer one’s own start too', () => {
    const set = new PhraseSet(['prison in el salvador', 'prison', 'el salvador']);
    expect(set.overlapping(set.indexOf('prison in el salvador'), true).sort()).toEqual([set.indexOf('prison'), set.indexOf('el salvador')].sort());
  });

  it('folds keys the same way as texts', () => {
    expect(foldKey('  Centro  de Confinamiento ')).toBe('centro de confinamiento');
  });
});

describe('segmentSentences', () => {
  const split = (text: string, lang = 'en') => segmentSentences(text, lang).map((s) => text.slice(s.start, s.end));

  it('does not split after abbreviations', () => {
    expect(split('He met Gen. Smith and Dr. Jones on Jan. 5 at the U.S. embassy. They left.')).toEqual([
      'He met Gen. Smith and Dr. Jones on Jan. 5 at the U.S. embassy.',
      'They left.',
    ]);
    expect(split('Según el Sr. Pérez, los EE. UU. enviaron 238 personas. Nadie respondió.', 'es')).toEqual([
      'Según el Sr. Pérez, los EE. UU. enviaron 238 personas.',
      'Nadie respondió.',
    ]);
  });

  it('keeps a quotation and its attribution together', () => {
    expect(split('“What are we? Backyards?” he asked during a press conference. Then he left.')).toEqual([
      '“What are we? Backyards?” he asked during a press conference.',
      'Then he left.',
    ]);
  });

  it('ends the sentences of a quotation that runs on into the next paragraph unclosed', () => {
    // News copy opens a quote that continues in the next paragraph and closes it only there.
    const text = '“The guards let us read, write letters and walk outside. Behind those walls nothing of the kind is allowed. Silence is the rule.\n“Then the next paragraph goes on,” she said.';
    expect(split(text)).toEqual([
      '“The guards let us read, write letters and walk outside.',
      'Behind those walls nothing of the kind is allowed.',
      'Silence is the rule.',
      '“Then the next paragraph goes on,” she said.',
    ]);
    expect(split('«Nos dejaban leer y salir al patio. Allí dentro nada de eso se permite.\nOtra cosa.', 'es')).toEqual([
      '«Nos dejaban leer y salir al patio.',
      'Allí dentro nada de eso se permite.',
      'Otra cosa.',
    ]);
    // A quotation closed later in its paragraph still holds together.
    expect(split('“We waited. Nobody came,” he said. Then he left.')).toEqual(['“We waited. Nobody came,” he said.', 'Then he left.']);
  });

  it('reads a line break written out as an escape ("\\n", from a script string) as a break', () => {
    const text = 'The cages hold dozens of men.    <\\/p>\\n<p class=\\"para\\">            Most of them were moved there at night.';
    const spans = segmentSentences(text, 'en');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['The cages hold dozens of men.    <\\/p>', '<p class=\\"para\\">            Most of them were moved there at night.']);
  });

  it('still ends a sentence after an abbreviation when a new one clearly starts', () => {
    expect(split('He lives in the U.S. The next day he left.')).toEqual(['He lives in the U.S.', 'The next day he left.']);
  });

  it('ends a sentence before one that starts with a figure, as flattened lists have them', () => {
    // ICU keeps these together because a lower-case word follows the figure.
    expect(split('Total lockdown for the men. 256 cells in eight blocks. No visits.')).toEqual([
      'Total lockdown for the men.',
      '256 cells in eight blocks.',
      'No visits.',
    ]);
    expect(split('Régimen de encierro total. 256 celdas en ocho pabellones.', 'es')).toEqual(['Régimen de encierro total.', '256 celdas en ocho pabellones.']);
    // After an abbreviation or an initial the figure belongs to the same sentence.
    expect(split('They were moved to cell block No. 4 last week.')).toEqual(['They were moved to cell block No. 4 last week.']);
    expect(split('The buses carried approx. 300 men to the prison.')).toEqual(['The buses carried approx. 300 men to the prison.']);
  });

  it('never crosses a line break (a block boundary) and trims spans', () => {
    expect(split('  A heading without a period\nFirst sentence. Second one.  \n\n')).toEqual([
      'A heading without a period',
      'First sentence.',
      'Second one.',
    ]);
  });

  it('cuts very long paragraphs into chunks without losing text', () => {
    const text = 'The prison holds many people and nobody knows how many exactly. '.repeat(400);
    const spans = segmentSentences(text, 'en');
    expect(spans.length).toBe(400);
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text.trim());
  });

  it('returns sorted, disjoint, trimmed spans inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Word', 'word', '.', ' ', '\n', '?', 'U.S.', '“', '”', 'Dr.', '40,000'), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        let last = 0;
        for (const s of segmentSentences(text, 'en')) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
          // A sentence may run across a line break of a hard-wrapped page, never across a paragraph
          // break, nor across a line that ended its sentence.
          const inside = text.slice(s.start, s.end);
          expect(/\n\s*\n/.test(inside)).toBe(false);
          expect(/[.!?…:]["”’)\]]*[ \t]*\n/.test(inside)).toBe(false);
          last = s.end;
        }
      }),
    );
  });
});

describe('detectLanguage', () => {
  it('tells English from Spanish', () => {
    expect(detectLanguage('The prison is the largest in the region and it was built for gang members.')).toBe('en');
    expect(detectLanguage('La cárcel es la más grande de la región y fue construida para los pandilleros.')).toBe('es');
  });
});
