/** Days of the week in English and Spanish (folded), for comparing the day a page gives an event with the dataset's. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const NAMES: Record<string, Weekday> = {
  monday: 'monday', tuesday: 'tuesday', wednesday: 'wednesday', thursday: 'thursday', friday: 'friday', saturday: 'saturday', sunday: 'sunday',
  lunes: 'monday', martes: 'tuesday', miercoles: 'wednesday', jueves: 'thursday', viernes: 'friday', sabado: 'saturday', domingo: 'sunday',
};
const WEEKDAY_RE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/g;

/** Weekday names in `folded` between `from` and `to`, with their offsets. */
export function findWeekdays(folded: string, from: number, to: number): Array<{ day: Weekday; start: number; end: number }> {
  const out: Array<{ day: Weekday; start: number; end: number }> = [];
  WEEKDAY_RE.lastIndex = from;
  for (let m = WEEKDAY_RE.exec(folded); m && m.index < to; m = WEEKDAY_RE.exec(folded)) {
    const day = NAMES[m[1] as string];
    if (day && m.index + m[0].length <= to) out.push({ day, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
