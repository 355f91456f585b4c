import type { Qualifier } from '../dataset/schema';

/** The numeric part of a quantity, as the page or the dataset states it. */
export interface QuantityValue {
  value?: number;
  min?: number;
  max?: number;
  qualifier: Qualifier;
}

/** The set of values a hedged quantity allows; `loOpen`/`hiOpen` for "more than" / "less than". */
interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/** Relative slack for numbers that are stated exactly but are usually rounded (40,000 vs 40,100). */
const EXACT_SLACK = 0.005;
const ABOUT_SLACK = 0.1;
// "Nearly 300", "casi 300": just under 300 (a writer with 261 in mind says "more than 250", not "nearly 300").
const NEARLY_SLACK = 0.07;

/**
 * What a hedge allows, read literally: "about 40,000" is 36,000–44,000,
 * "nearly 24" is 20.4–24, "up to 40,000" is anything up to 40,000, "at least
 * 174" is 174 or more, "more than 200" excludes 200 itself.
 */
export function toInterval(q: QuantityValue): Interval {
  const v = q.value ?? 0;
  switch (q.qualifier) {
    case 'range':
      return { lo: q.min ?? v, hi: q.max ?? v, loOpen: false, hiOpen: false };
    case 'about':
      return { lo: v * (1 - ABOUT_SLACK), hi: v * (1 + ABOUT_SLACK), loOpen: false, hiOpen: false };
    case 'nearly':
      return { lo: v * (1 - NEARLY_SLACK), hi: v, loOpen: false, hiOpen: false };
    case 'up-to':
      return { lo: 0, hi: v, loOpen: false, hiOpen: false };
    case 'less-than':
      return { lo: 0, hi: v, loOpen: false, hiOpen: true };
    case 'at-least':
      return { lo: v, hi: Infinity, loOpen: false, hiOpen: false };
    case 'more-than':
      return { lo: v, hi: Infinity, loOpen: true, hiOpen: false };
    case 'exact':
    default:
      return { lo: v * (1 - EXACT_SLACK), hi: v * (1 + EXACT_SLACK), loOpen: false, hiOpen: false };
  }
}

export interface Comparison {
  compatible: boolean;
  /**
   * How close the two are, in [0, 1]: 1 when the same value, lower when the
   * page's value only fits inside a wide bound ("up to 40,000" vs 20,000).
   */
  closeness: number;
}

/**
 * Whether two statements of the same quantity can both be true: their
 * intervals overlap. So "about 40,000" agrees with "up to 40,000", "10,000–20,000"
 * agrees with 15,000, "more than 50,000" conflicts with "up to 40,000", and
 * 238 conflicts with 261.
 */
export function compareQuantities(page: QuantityValue, dataset: QuantityValue): Comparison {
  const a = toInterval(page);
  const b = toInterval(dataset);
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  // Intervals that only touch at an open end ("more than 40,000" vs "up to 40,000") share nothing.
  const openAtTouch = (a.loOpen && a.lo === lo) || (b.loOpen && b.lo === lo) || (a.hiOpen && a.hi === hi) || (b.hiOpen && b.hi === hi);
  const compatible = lo < hi || (lo === hi && !openAtTouch);
  if (!compatible) return { compatible, closeness: 0 };
  const ca = centre(page);
  const cb = centre(dataset);
  const scale = Math.max(Math.abs(ca), Math.abs(cb), 1e-9);
  return { compatible, closeness: Math.max(0.2, 1 - Math.abs(ca - cb) / scale) };
}

/** The value a reader would quote for a hedged quantity. */
function centre(q: QuantityValue): number {
  if (q.qualifier === 'range') return ((q.min ?? 0) + (q.max ?? 0)) / 2;
  return q.value ?? 0;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  'up-to': 'up to ',
  'at-least': 'at least ',
  'more-than': 'more than ',
  'less-than': 'less than ',
  nearly: 'nearly ',
  range: '',
};

/** "up to 40,000 people", "$6 million", "65–70 people/cell", "at least 174 cases". */
export function describeQuantity(q: QuantityValue & { unit?: string | null }): string {
  const unit = q.unit ?? '';
  const money = /^(usd|us\$|\$)/i.test(unit);
  const body = q.qualifier === 'range' ? `${formatNumber(q.min ?? 0, money, unit)}–${formatNumber(q.max ?? 0, money, unit)}` : formatNumber(q.value ?? 0, money, unit);
  let suffix = '';
  if (money) suffix = unit.includes('/') ? `/${unit.split('/')[1]}` : '';
  else if (unit === 'percent') suffix = '%';
  else if (unit === 'fraction') suffix = '';
  else if (unit) suffix = ` ${unit}`;
  return `${QUALIFIER_WORDS[q.qualifier]}${body}${suffix}`;
}

// One formatter for the whole run: `toLocaleString` builds a new one on every call.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function formatNumber(n: number, money: boolean, unit: string): string {
  if (unit === 'fraction') return `${Math.round(n * 1000) / 10}%`;
  const sign = money ? '$' : '';
  if (Math.abs(n) >= 1e9 && n % 1e7 === 0) return `${sign}${n / 1e9} billion`;
  if (Math.abs(n) >= 1e6 && n % 1e4 === 0) return `${sign}${n / 1e6} million`;
  return `${sign}${formatted(n)}`;
}

/** `NUMBER_FORMAT.format`, remembered: pages repeat their figures and the dataset's, and formatting is slow. */
const FORMATTED = new Map<number, string>();
function formatted(n: number): string {
  // (The map cannot tell 0 from -0, which format differently.)
  if (n === 0) return NUMBER_FORMAT.format(n);
  let s = FORMATTED.get(n);
  if (s === undefined) {
    if (FORMATTED.size > 2000) FORMATTED.clear();
    FORMATTED.set(n, (s = NUMBER_FORMAT.format(n)));
  }
  return s;
}
