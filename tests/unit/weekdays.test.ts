import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/text/fold';
import { findWeekdays } from '../../lib/text/weekdays';

/** What `findWeekdays` finds, by searching from `from` as it did before it kept one search per text. */
function reference(folded: string, from: number, to: number) {
  const re = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/g;
  const names: Record<string, string> = { lunes: 'monday', martes: 'tuesday', miercoles: 'wednesday', jueves: 'thursday', viernes: 'friday', sabado: 'saturday', domingo: 'sunday' };
  const out: Array<{ day: string; start: number; end: number }> = [];
  re.lastIndex = from;
  for (let m = re.exec(folded); m && m.index < to; m = re.exec(folded)) {
    if (m.index + m[0].length <= to) out.push({ day: names[m[1] as string] ?? (m[1] as string), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

describe('findWeekdays', () => {
  const a = foldText('On Monday she toured it; el miércoles, Sundays aside, and on Friday.Saturday came. Mondayish is no day, nor is "tuesday"s.');
  const b = foldText('El jueves llegaron; the Thursday flight left on Wednesday evening.');

  it('finds, in any stretch of a text, the names a search from its start finds, also after another text was searched', () => {
    for (const text of [a, b, a, b]) {
      for (let from = 0; from <= text.length; from += 3) {
        for (let to = from; to <= text.length + 2; to += 5) expect(findWeekdays(text, from, to)).toEqual(reference(text, from, to));
      }
    }
  });

  it('leaves out a name cut by the end of the stretch and one that starts before it', () => {
    const at = a.indexOf('friday');
    expect(findWeekdays(a, 0, at + 3).map((d) => d.day)).toEqual(['monday', 'wednesday']);
    expect(findWeekdays(a, at + 1, a.length).map((d) => d.day)).toEqual(['saturday', 'tuesday']);
  });
});
