import { describe, expect, it } from 'vitest';
import { segmentSentences, unwrapLines } from '../../lib/text/segment-sentences';

/** The sentences of `text`, as the text they cover (offsets into the original). */
function sentences(text: string, language: string): string[] {
  return segmentSentences(text, language).map((s) => text.slice(s.start, s.end));
}

describe('hard-wrapped lines', () => {
  it('keeps a Spanish sentence whole across single line breaks, with its count and group together', () => {
    const text = [
      'El gobierno informó en la mañana del domingo que 238',
      'presuntos integrantes de una banda venezolana habían llegado al penal,',
      'junto con otros 23 miembros de la MS-13.',
      'El traslado se hizo de madrugada.',
    ].join('\n');
    const got = sentences(text, 'es');
    expect(got).toHaveLength(2);
    expect(got[0]).toContain('238\npresuntos');
    expect(got[0]).toContain('MS-13.');
    expect(got[1]).toBe('El traslado se hizo de madrugada.');
  });

  it('joins an English line ending on a word no sentence ends on, even before a capital', () => {
    const text = 'Reporters were shown around the Terrorism Confinement Center of\nEl Salvador on a guided visit last week.\nNobody else was allowed in.';
    expect(sentences(text, 'en')).toEqual([
      'Reporters were shown around the Terrorism Confinement Center of\nEl Salvador on a guided visit last week.',
      'Nobody else was allowed in.',
    ]);
  });

  it('joins a figure that carries a long line on, but not one after a short heading', () => {
    const wrapped = 'According to the prison service the new building was meant to hold\n40,000 inmates in eight separate wings.';
    expect(sentences(wrapped, 'en')).toHaveLength(1);
    const sum = 'Según el acuerdo, Washington le pagará a El Salvador unos\nUS$6 millones por mantener a los deportados.';
    expect(sentences(sum, 'es')).toHaveLength(1);
    const heading = 'La cárcel en cifras\n40.000 reos caben en sus ocho pabellones.';
    expect(sentences(heading, 'es')).toEqual(['La cárcel en cifras', '40.000 reos caben en sus ocho pabellones.']);
  });

  it('leaves finished lines, colons, list items, fact-box rows and table rows apart', () => {
    const cases = [
      'The prison opened in the first weeks of 2023.\nit was built in seven months.', // a full stop ends the line
      'The list of what inmates receive each day:\nbeans, rice and some pasta.', // a colon introduces what follows
      'Inmates are held in several kinds of blocks\n- maximum security wings\n- isolation cells', // list items
      'Capacity of the main building\n40,000\nOpened\n2023', // label and value rows
      'Capacidad máxima del penal\t40.000\nreos\tsegún el gobierno', // a table row
      'Lines of a poem about the long road\n  and the prison on the plain', // indented on purpose
      'Short menu entry\nnews and more', // too short to be a wrapped line
    ];
    for (const text of cases) expect(unwrapLines(text)).toBe(text);
  });

  it('keeps the length and every other character, so highlights painted from offsets stay in place', () => {
    const text = 'A sentence that runs past the end of its line\r\nand carries on below.\n\nA new paragraph starts here.';
    const out = unwrapLines(text);
    expect(out).toHaveLength(text.length);
    expect(out).toBe('A sentence that runs past the end of its line  and carries on below.\n\nA new paragraph starts here.');
    const got = segmentSentences(text, 'en');
    expect(got).toHaveLength(2);
    expect(text.slice(got[0]!.start, got[0]!.end)).toBe('A sentence that runs past the end of its line\r\nand carries on below.');
    expect(text.slice(got[1]!.start, got[1]!.end)).toBe('A new paragraph starts here.');
  });

  it('does not join across a blank line', () => {
    const text = 'The article continues after the break with a line\n\nwhich starts a new paragraph in lower case.';
    expect(unwrapLines(text)).toBe(text);
  });
});
