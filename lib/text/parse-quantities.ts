import type { Qualifier } from '../dataset/schema';
import { foldText } from './fold';
import {
  ATTACHED_SCALES,
  FRACTIONS,
  MONTHS,
  NUMBER_WORDS,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
  SCALES,
  UNIT_NOUNS,
  UNIT_STOP,
  WORD_DURATIONS,
  type QuantityCategory,
} from './quantity-lexicon';

/** A number found in text, with the hedge and unit the text puts on it. */
export interface ParsedQuantity {
  /** The words as written, from the hedge to the unit ("as many as 40,000 detainees"). */
  text: string;
  /** [start, end) of `text` in the string given to the parser. */
  start: number;
  end: number;
  /** Set unless the qualifier is "range". */
  value?: number;
  /** Set when the qualifier is "range". */
  min?: number;
  max?: number;
  qualifier: Qualifier;
  /** Canonical unit ("people", "USD", "hours", "percent", "fraction"), or null when none is written. */
  unit: string | null;
  category: QuantityCategory;
  /** Offsets of the number itself (without hedge or unit): what "near the number" is measured from. */
  numberStart: number;
  numberEnd: number;
  /**
   * For a table cell glued to its label ("Capacity40,000", an infobox row
   * copied without its cell border): the label's [start, end). It says what
   * the number is, as a word right before it would.
   */
  label?: [number, number];
}

export interface ParseOptions {
  /** `foldText(text)` when the caller already has it. */
  folded?: string;
  /** Only numbers starting in [from, to) are parsed; offsets stay relative to `text`. */
  from?: number;
  to?: number;
}

// "40 000", "40\u202f000": thousands grouped by a space (as Spanish and French style guides write them) are one number.
const DIGITS = String.raw`\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?`;
const WORD_NUMBERS = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
const FRACTION_WORDS = FRACTIONS.map(([w]) => w.replace('-', '[- ]')).join('|');
// One scan finds every candidate: digits (not glued to letters, as in "MS-13"), number words, fractions.
const CANDIDATE = new RegExp(`(?<![\\w])(?<!\\d[.,:/])(${DIGITS})(?![.,]?\\d)|\\b(${FRACTION_WORDS})\\b|\\b(${WORD_NUMBERS})\\b`, 'g');
const NUMBER_WORD_AT = new RegExp(`(?:(${DIGITS})|(${WORD_NUMBERS})\\b)`, 'y');

/** The units word after a tens word: "-four", " five", " y cuatro". */
const TENS_UNIT_AT = /(?:-| y | )(one|two|three|four|five|six|seven|eight|nine|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b/y;
const SCALE_AT = new RegExp(`(?:-|\\s*)(${SCALES.map(([w]) => w).join('|')})\\b`, 'y');
const ATTACHED_SCALE_AT = /([kmb])\b/y;
const PERCENT_AT = /\s*(%|percent\b|per cent\b|por ciento\b)/y;
const CURRENCY_AFTER_AT = /\s*(?:de\s+)?(dollars?|dolares|usd|euros?)\b/y;
const RANGE_AT = /\s*(?:-|(?:to|through|al|and|a|y|hasta)\b)\s*(?:us\s?\$|\$)?(?=\d|[a-z])/y;
const SUFFIX_AT = new RegExp(`[\\s-]*(${QUALIFIERS_AFTER.map(([w]) => w).join('|')})\\b`, 'y');
const WORD_AT = /[\s-]+([a-z]+)(?:'s)?/y;
const HALF_AT = /\s+and\s+a\s+half\b/y;
const HALF_AFTER_UNIT_AT = /\s+y\s+medi[ao]\b/y;
const CURRENCY_BEFORE = /(us\s?\$|u\.s\.\s?\$|usd\s?|\$|eur\s?|€)\s*$/;
const BETWEEN_BEFORE = /\b(between|entre|from|de|desde)\s+(?:us\s?\$|\$)?$/;
const CHANGE_BEFORE = /\b(rose|rising|grew|increased?|fell|dropped|climbed|jumped|went|subio|aumento|crecio|bajo|paso|cayo|disminuyo)\b[^.]{0,30}$/;
// A number that belongs to a name or reference rather than a count.
const NAME_BEFORE = /(?:\bms[- ]?|\bbarrio |\bmara |\barticle |\barticulo |\bsection |\bseccion |\bchapter |\bcapitulo |\bno\. ?|\bnum\. ?|\bnumero |\bnumber |#|\bpage |\bpagina |\bp\. |\broute |\bruta |\btitle |\btitulo |\bcovid-|\bpabellon |\bmodulo |\bmodule |\bcell |\bcelda |\bflight |\bvuelo |\bh-1b |\bcode |\bcodigo )$/;
const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^\\w])(${QUALIFIERS_BEFORE.map(([w]) => w.replace(/[.~]/g, '\\$&')).join('|')})\\s*(?:us\\s?\\$|\\$|usd\\s?)?$`,
);
const QUALIFIER_OF = new Map<string, Qualifier>(QUALIFIERS_BEFORE);
const SUFFIX_OF = new Map<string, Qualifier>(QUALIFIERS_AFTER);
const SCALE_OF = new Map<string, number>(SCALES);
const FRACTION_OF = new Map<string, number>(FRACTIONS.map(([w, v]) => [w.replace('-', ' '), v]));

/**
 * Every quantity in `text`, in English and Spanish number formats ("40,000",
 * "40.000", "40 mil", "$6 million", "6 millones de dólares", "65 to 70",
 * "10,000-20,000", "more than 200", "casi 300", "a third of"), with its hedge,
 * unit and span. Dates ("15 de marzo", "March 15") and numbers that are part of
 * a name ("MS-13", "Article 3") are skipped; years are returned with category "year".
 */
export function parseQuantities(text: string, options: ParseOptions = {}): ParsedQuantity[] {
  const f = options.folded ?? foldText(text);
  const from = options.from ?? 0;
  const to = options.to ?? text.length;
  const out: ParsedQuantity[] = [];
  CANDIDATE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(f)) !== null) {
    if (m.index >= to) break;
    const q = m[2] !== undefined ? parseFraction(text, f, m) : parseNumberAt(text, f, m, to);
    if (q) {
      out.push(q);
      // Continue after what the quantity consumed (a range's second number is not a new quantity).
      CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, q.numberEnd);
    }
  }
  const durations = wordDurations(text, f, from, to, out);
  // "a quarter of an hour" is a duration, not a share: the fraction read inside it goes.
  const kept = durations.length ? out.filter((q) => q.category !== 'fraction' || !durations.some((d) => overlaps(d, q))) : out;
  const extra = [...gluedLabels(text, f, from, to), ...durations];
  if (!extra.length) return kept;
  return [...kept, ...extra].sort((a, b) => a.start - b.start);
}

const WORD_DURATION_AT = new RegExp(`\\b(${WORD_DURATIONS.map(([w]) => w.replace(/ /g, '[- ]')).join('|')})\\b`, 'g');
const WORD_DURATION_OF = new Map(WORD_DURATIONS.map(([w, value, unit, qualifier]) => [w, { value, unit, qualifier }]));
// "$2 an hour", "60 miles an hour": a rate, not a duration.
const RATE_BEFORE = /(?:\d|dollars?|dolares|euros?|miles|kilometers|kilometros|km)\s+$/;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Durations written in words ("half an hour", "media hora"): time-out-of-cell statements say them
 * as often as with a numeral. A phrase inside a quantity already read ("una hora y media") is left.
 */
function wordDurations(text: string, f: string, from: number, to: number, found: readonly ParsedQuantity[]): ParsedQuantity[] {
  const out: ParsedQuantity[] = [];
  WORD_DURATION_AT.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD_DURATION_AT.exec(f)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (start >= to) break;
    const info = WORD_DURATION_OF.get(m[0].replace(/-/g, ' '));
    if (!info || found.some((q) => q.category !== 'fraction' && overlaps(q, { start, end }))) continue;
    if (RATE_BEFORE.test(f.slice(Math.max(0, start - 16), start))) continue;
    const hedge = qualifierBefore(f, start);
    out.push({
      text: text.slice(hedge.qStart, end),
      start: hedge.qStart,
      end,
      value: info.value,
      qualifier: hedge.qualifier === 'exact' ? info.qualifier : hedge.qualifier,
      unit: info.unit,
      category: 'duration',
      numberStart: start,
      numberEnd: end,
    });
  }
  return out;
}

/** A line that starts with a capitalised label glued to a number: "Capacity40,000", "Population15,200 (as of 2024)". */
const GLUED_LABEL = /(?:^|\n)[ \t]*(\p{Lu}\p{Ll}{2,}(?: \p{Ll}+){0,2})(?=\d)/gu;
const DIGITS_AT = new RegExp(`(${DIGITS})(?![.,]?\\d)`, 'y');

/** The numbers of table rows glued to their labels, which the scan skips as glued to letters ("MS13"). */
function gluedLabels(text: string, f: string, from: number, to: number): ParsedQuantity[] {
  const out: ParsedQuantity[] = [];
  GLUED_LABEL.lastIndex = from;
  let g: RegExpExecArray | null;
  while ((g = GLUED_LABEL.exec(text)) !== null) {
    const label = g[1] ?? '';
    const labelEnd = g.index + g[0].length;
    if (labelEnd >= to) break;
    DIGITS_AT.lastIndex = labelEnd;
    const d = DIGITS_AT.exec(f);
    if (!d) continue;
    const m = Object.assign([d[0], d[1]], { index: labelEnd, input: f, groups: undefined }) as unknown as RegExpExecArray;
    // A row ends at its line: the next row's label is not this number's unit.
    const lineEnd = text.indexOf('\n', labelEnd);
    const q = parseNumberAt(text, f, m, lineEnd < 0 ? to : Math.min(to, lineEnd));
    if (q && q.category !== 'year') out.push({ ...q, label: [labelEnd - label.length, labelEnd] });
  }
  return out;
}

function parseFraction(text: string, f: string, m: RegExpExecArray): ParsedQuantity | null {
  const start = m.index;
  const end = start + m[0].length;
  // "the first half of 2024", "half an hour" are not shares of anything.
  if (/\b(first|second|1st|2nd|primera|segunda|1a|2a)\s+$/.test(f.slice(Math.max(0, start - 12), start))) return null;
  if (!/^\s+(of|de)\b/.test(f.slice(end, end + 5))) return null;
  const value = FRACTION_OF.get(m[0].replace(/[- ]+/g, ' '));
  if (value === undefined) return null;
  const { qualifier, qStart } = qualifierBefore(f, start);
  return {
    text: text.slice(qStart, end),
    start: qStart,
    end,
    value,
    qualifier,
    unit: 'fraction',
    category: 'fraction',
    numberStart: start,
    numberEnd: end,
  };
}

interface NumberToken {
  value: number;
  end: number;
  isWord: boolean;
  plainInteger: boolean;
}

function readNumber(f: string, at: number): NumberToken | null {
  NUMBER_WORD_AT.lastIndex = at;
  const m = NUMBER_WORD_AT.exec(f);
  if (!m) return null;
  if (m[1] !== undefined) return { value: parseNumeral(m[1]), end: at + m[0].length, isWord: false, plainInteger: /^\d+$/.test(m[1]) };
  const value = NUMBER_WORDS[m[2] ?? ''];
  if (value === undefined) return null;
  const end = at + m[0].length;
  // "twenty-four", "thirty five", "treinta y cuatro": tens and units are one number.
  if (value >= 20 && value < 100 && value % 10 === 0) {
    TENS_UNIT_AT.lastIndex = end;
    const u = TENS_UNIT_AT.exec(f);
    const unit = u ? NUMBER_WORDS[u[1] ?? ''] : undefined;
    if (u && unit !== undefined && unit >= 1 && unit <= 9) return { value: value + unit, end: end + u[0].length, isWord: true, plainInteger: false };
  }
  return { value, end, isWord: true, plainInteger: false };
}

function readScale(f: string, at: number, currency: boolean): { scale: number; end: number } | null {
  ATTACHED_SCALE_AT.lastIndex = at;
  const a = ATTACHED_SCALE_AT.exec(f);
  // "$6m", "40k"; a bare "6 m" is more likely metres.
  if (a?.[1] && (currency || a[1] === 'k')) return { scale: ATTACHED_SCALES[a[1]] ?? 1, end: at + a[0].length };
  SCALE_AT.lastIndex = at;
  const s = SCALE_AT.exec(f);
  if (!s?.[1]) return null;
  // Spanish "mil" after a number multiplies ("40 mil"); "mil millones" is a billion.
  return { scale: SCALE_OF.get(s[1].replace(/\s+/g, ' ')) ?? 1, end: at + s[0].length };
}

function parseNumberAt(text: string, f: string, m: RegExpExecArray, limit: number): ParsedQuantity | null {
  const numberStart = m.index;
  const before = f.slice(Math.max(0, numberStart - 40), numberStart);
  if (m[1] !== undefined) {
    if (NAME_BEFORE.test(before)) return null;
    // Times of day ("10:30", "5 p.m.") and ordinals ("1º") are not quantities.
    const next = f.slice(numberStart + m[0].length, numberStart + m[0].length + 6);
    if (/^(:\d|\s?[ap]\.?m\.?\b|º|ª|°)/.test(next)) return null;
  }
  const first = readNumber(f, numberStart);
  if (!first) return null;
  let pos = first.end;
  // "23 and a half hours", "23 horas y media" is read at the unit; here only the English order.
  const half = matchAt(HALF_AT, f, pos);
  if (half) {
    first.value += 0.5;
    first.plainInteger = false;
    pos = half.end;
  }
  const currencyBefore = CURRENCY_BEFORE.exec(before);
  let category: QuantityCategory = currencyBefore ? 'money' : 'count';
  let unit: string | null = currencyBefore ? (currencyBefore[1]?.startsWith('eur') || currencyBefore[1] === '€' ? 'EUR' : 'USD') : null;

  let scale = readScale(f, pos, !!currencyBefore);
  if (scale) pos = scale.end;
  let value = first.value * (scale?.scale ?? 1);
  let isDate = false;

  // Dates: "March 15", "15 de marzo", "15 March" are not quantities.
  const wordBefore = /([a-z]+)\.?\s+$/.exec(before)?.[1];
  const wordAfter = /^\s+(?:de\s+)?([a-z]+)/.exec(f.slice(pos, pos + 16))?.[1];
  if (!scale && !first.isWord && first.value >= 1 && first.value <= 31 && first.plainInteger) {
    if ((wordBefore && MONTHS.has(wordBefore)) || (wordAfter && MONTHS.has(wordAfter) && wordAfter !== 'may' && wordAfter !== 'mar')) isDate = true;
    if (wordAfter === 'may' && /^\s+may\s+\d/.test(f.slice(pos, pos + 12))) isDate = true;
  }
  if (isDate) return null;

  let qualifier: Qualifier = 'exact';
  let min: number | undefined;
  let max: number | undefined;

  const percent = matchAt(PERCENT_AT, f, pos);
  if (percent) {
    pos = percent.end;
    category = 'percent';
    unit = 'percent';
  }

  // A range: "65 to 70", "65 a 70", "10,000-20,000", "between 65 and 70", "entre 6 y 7 millones".
  RANGE_AT.lastIndex = pos;
  const rangeSep = RANGE_AT.exec(f);
  if (rangeSep && !percent) {
    const sep = rangeSep[0].trim().replace(/\s*(us\s?\$|\$)$/, '');
    const between = BETWEEN_BEFORE.exec(before);
    const needsBetween = sep === 'and' || sep === 'y';
    const secondAt = pos + rangeSep[0].length;
    const second = readNumber(f, secondAt);
    const isChange = between && (between[1] === 'from' || between[1] === 'de' || between[1] === 'desde') && CHANGE_BEFORE.test(before);
    if (second && (!needsBetween || between) && !isChange) {
      let end2 = second.end;
      const scale2 = readScale(f, end2, !!currencyBefore);
      if (scale2) end2 = scale2.end;
      let lo = value;
      let hi = second.value * (scale2?.scale ?? 1);
      // "6 to 7 million": the scale written once applies to both.
      if (!scale && scale2 && first.value < 1000) lo = first.value * scale2.scale;
      if (hi > lo && !(second.isWord && !first.isWord)) {
        min = lo;
        max = hi;
        qualifier = 'range';
        pos = end2;
        if (!scale) scale = scale2;
        const pct2 = matchAt(PERCENT_AT, f, pos);
        if (pct2) {
          pos = pct2.end;
          category = 'percent';
          unit = 'percent';
        }
      }
    }
  }

  const currencyAfter = matchAt(CURRENCY_AFTER_AT, f, pos);
  if (currencyAfter && category !== 'percent') {
    pos = currencyAfter.end;
    category = 'money';
    unit = currencyAfter.groups[0]?.startsWith('eur') ? 'EUR' : 'USD';
  }

  const suffix = matchAt(SUFFIX_AT, f, pos);
  let suffixQualifier: Qualifier | null = null;
  if (suffix && qualifier !== 'range') {
    suffixQualifier = SUFFIX_OF.get(suffix.groups[0] ?? '') ?? null;
    if (suffixQualifier) pos = suffix.end;
  }

  let end = pos;
  if (category === 'count') {
    const noun = unitAfter(f, pos, limit);
    if (noun) {
      unit = noun.unit;
      category = noun.category;
      end = noun.end;
      const half = matchAt(HALF_AFTER_UNIT_AT, f, end);
      if (half && qualifier !== 'range') {
        value += 0.5;
        end = half.end;
      }
    }
  }
  // Number words ("two planes") need a unit or a scale to be a quantity.
  if (first.isWord && !scale && unit === null) return null;

  // Years: a bare four-digit number in 1700–2100 with nothing that makes it a count.
  if (
    qualifier !== 'range' &&
    first.plainInteger &&
    !scale &&
    !currencyBefore &&
    category === 'count' &&
    unit === null &&
    value >= 1700 &&
    value <= 2100
  ) {
    category = 'year';
    unit = 'year';
  }
  if (qualifier === 'range' && category === 'count' && unit === null && (min ?? 0) >= 1700 && (max ?? 0) <= 2100 && first.plainInteger) {
    category = 'year';
    unit = 'year';
  }

  let qStart = numberStart;
  if (qualifier === 'range') {
    const between = BETWEEN_BEFORE.exec(before);
    if (between) qStart = numberStart - between[0].length;
  } else {
    const q = qualifierBefore(f, currencyBefore ? numberStart - currencyBefore[0].length : numberStart);
    qualifier = suffixQualifier ?? q.qualifier;
    qStart = q.qStart;
  }
  if (currencyBefore && qStart === numberStart) qStart = numberStart - currencyBefore[0].length;

  const result: ParsedQuantity = {
    text: text.slice(qStart, end),
    start: qStart,
    end,
    qualifier,
    unit,
    category,
    numberStart,
    numberEnd: pos,
  };
  if (qualifier === 'range') {
    result.min = round(min ?? 0);
    result.max = round(max ?? 0);
  } else {
    result.value = round(value);
  }
  return result;
}

function qualifierBefore(f: string, at: number): { qualifier: Qualifier; qStart: number } {
  const before = f.slice(Math.max(0, at - 30), at);
  const q = QUALIFIER_BEFORE.exec(before);
  if (!q?.[1]) return { qualifier: 'exact', qStart: at };
  const qualifier = QUALIFIER_OF.get(q[1]) ?? 'exact';
  return { qualifier, qStart: at - before.length + q.index + q[0].indexOf(q[1]) };
}

/** The noun a number counts, skipping up to three modifiers ("238 alleged gang members"). */
function unitAfter(f: string, at: number, limit: number): { unit: string; category: QuantityCategory; end: number } | null {
  let pos = at;
  for (let i = 0; i < 4; i++) {
    WORD_AT.lastIndex = pos;
    const w = WORD_AT.exec(f);
    if (!w?.[1] || w.index + w[0].length > limit) return null;
    const word = w[1];
    const info = UNIT_NOUNS[word];
    if (info) return { ...info, end: pos + w[0].length };
    if (UNIT_STOP.has(word) || MONTHS.has(word)) return null;
    pos += w[0].length;
  }
  return null;
}

function matchAt(re: RegExp, f: string, at: number): { end: number; groups: Array<string | undefined> } | null {
  re.lastIndex = at;
  const m = re.exec(f);
  return m ? { end: at + m[0].length, groups: m.slice(1) } : null;
}

/**
 * A numeral in either convention: "40,000" and "40.000" are forty thousand
 * (a single separator followed by exactly three digits is read as grouping in
 * both languages); "6.5" and "6,5" are six and a half; with both marks the
 * last one is the decimal point ("1,234.5", "1.234,5").
 */
export function parseNumeral(raw: string): number {
  const s = raw.replace(/[ \u00a0\u2009\u202f]/g, '');
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots && commas) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    return Number(s.split(grouping).join('').replace(decimal, '.'));
  }
  const sep = dots ? '.' : commas ? ',' : '';
  if (!sep) return Number(s);
  const parts = s.split(sep);
  if (parts.length > 2 || parts[1]?.length === 3) return Number(parts.join(''));
  return Number(parts.join('.'));
}

function round(v: number): number {
  return Number(v.toPrecision(12));
}
