/** Days of the week in English and Spanish (folded), for comparing the day a page gives an event with the dataset's. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const NAMES: Record<string, Weekday> = {
  monday: 'monday', tuesday: 'tuesday', wednesday: 'wednesday', thursday: 'thursday', friday: 'friday', saturday: 'saturday', sunday: 'sunday',
  lunes: 'monday', martes: 'tuesday', miercoles: 'wednesday', jueves: 'thursday', viernes: 'friday', sabado: 'saturday', domingo: 'sunday',
};
const WEEKDAY_RE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/g;

type Found = { day: Weekday; start: number; end: number };

/** The last text searched and every weekday name in it: a page's sentences ask of the same text. */
let indexed: { folded: string; all: Found[] } | null = null;

/**
 * Weekday names in `folded` between `from` and `to`, with their offsets. Read off one search of
 * the whole text, kept for the next call on it: a search from `from` finds the names that one
 * finds from there on (no name can start inside another), and searching from `from` for the next
 * one would read on through the rest of the page when there is none.
 */
export function findWeekdays(folded: string, from: number, to: number): Found[] {
  if (indexed === null || indexed.folded !== folded) {
    const all: Found[] = [];
    WEEKDAY_RE.lastIndex = 0;
    for (let m = WEEKDAY_RE.exec(folded); m; m = WEEKDAY_RE.exec(folded)) {
      const day = NAMES[m[1] as string];
      if (day) all.push({ day, start: m.index, end: m.index + m[0].length });
    }
    indexed = { folded, all };
  } else indexed.folded = folded;
  const all = indexed.all;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as Found).start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Found[] = [];
  for (let i = lo; i < all.length && (all[i] as Found).start < to; i++) {
    const f = all[i] as Found;
    if (f.end <= to) out.push({ day: f.day, start: f.start, end: f.end });
  }
  return out;
}
