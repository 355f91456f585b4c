/**
 * Explanations a reader understands, built from what the matcher compared
 * (structured data) and a template per language. The matcher stores the
 * structured detail with every match, so the sidebar can say it again in the
 * reader's interface language without comparing anything twice.
 */
import { formatNumber, type Locale } from '../i18n/translate';
import type { MessageKey } from '../i18n';
import { matching } from '../i18n/messages/matching';

export type { Locale } from '../i18n/translate';

// The schemas of what the matcher stores are in a module of their own: the page session's hover card uses
// the functions below, and is built without constructing those schemas.
import type { Bilingual, ExplainDetail, ValueText } from './explain-schema';
export type { Bilingual, ExplainDetail, ValueText } from './explain-schema';

export type ExplainRelation = 'agrees' | 'conflicts' | 'related' | 'repeats-error';

/** The curator's verdict on a dataset claim, when it is an error flagged in the dataset. */
export type FlaggedStatus = 'erroneous' | 'inconsistent';

// A subject's label inside a sentence: "Number of deportees" → "number of deportees", "Current CECOT population" →
// "current CECOT population", "Duración de la gira de Noem" → "duración de la gira de Noem"; "Kristi Noem’s visit" stays.
// Only the first letter: lowercasing the whole label would also lowercase the names in it ("noem").
const LOWERED_LABEL = /^\p{Lu}\p{Ll}+ (?:\p{Ll}|\p{Lu}{2,}(?!\p{L}))/u;
const lowered = new Map<string, string>();
const lower = (s: string): string => {
  // Subject labels are few and repeated on every sentence: each is worked out once.
  let out = lowered.get(s);
  if (out === undefined) {
    if (lowered.size > 2000) lowered.clear();
    lowered.set(s, (out = LOWERED_LABEL.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s));
  }
  return out;
};

const QUALIFIER: Record<ValueText['qualifier'], MatchingKey> = {
  exact: 'matching.qExact',
  about: 'matching.qAbout',
  'up-to': 'matching.qUpTo',
  'at-least': 'matching.qAtLeast',
  'more-than': 'matching.qMoreThan',
  'less-than': 'matching.qLessThan',
  nearly: 'matching.qNearly',
  range: 'matching.qRange',
};

/** Units whose noun is feminine in Spanish: "unas 40.000 personas", not "unos". The English forms are the same. */
const FEMININE_UNITS = new Set(['people', 'people/cell', 'hours/day', 'hours']);

const UNIT: Record<string, MatchingKey> = {
  people: 'matching.unitPeople',
  'people/cell': 'matching.unitPeoplePerCell',
  'hours/day': 'matching.unitHoursPerDay',
  minutes: 'matching.unitMinutes',
  hours: 'matching.unitHours',
  cases: 'matching.unitCases',
  days: 'matching.unitDays',
  percent: 'matching.unitPercent',
};

// Intl formatting costs microseconds a call and a long page repeats the same few values: remember them.
const formatted = new Map<string, string>();
function fmt(locale: Locale, n: number): string {
  const key = `${locale}${n}`;
  let s = formatted.get(key);
  if (s === undefined) {
    if (formatted.size > 2000) formatted.clear();
    formatted.set(key, (s = formatNumber(locale, n)));
  }
  return s;
}

/**
 * The catalog's templates, split once at their placeholders: a long page
 * writes thousands of explanations, and a regular-expression replace per
 * sentence showed in the profile. Same `{name}` syntax as the translator.
 */
type Compiled = Array<string | { name: string }>;
const compiled = new Map<string, Compiled>();
function compile(template: string): Compiled {
  let c = compiled.get(template);
  if (c) return c;
  c = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    c.push(template.slice(at, m.index), { name: m[1] as string });
    at = (m.index ?? 0) + m[0].length;
  }
  c.push(template.slice(at));
  compiled.set(template, c);
  return c;
}

type MatchingKey = Extract<MessageKey, `matching.${string}`>;
const plural = { en: new Intl.PluralRules('en'), es: new Intl.PluralRules('es') };
function translate(locale: Locale): (key: MatchingKey, params?: Readonly<Record<string, string>>) => string {
  const catalog = matching[locale] as Readonly<Record<string, string | { one: string; other: string }>>;
  return (key, params = {}) => {
    const message = catalog[key.slice(9)];
    // Plural forms are chosen by `count` as the interface's translator does ("1 hour", "2 hours").
    const count = params.count === undefined ? undefined : Number(params.count);
    const template = typeof message === 'string' ? message : message ? (count !== undefined && plural[locale].select(count) === 'one' ? message.one : message.other) : key;
    let out = '';
    for (const piece of compile(template)) out += typeof piece === 'string' ? piece : (params[piece.name] ?? `{${piece.name}}`);
    return out;
  };
}
const translators = { en: translate('en'), es: translate('es') };

/** "up to 40,000 people", "hasta 40.000 personas", "$200 million a year", "200 millones de dólares al año". */
export function renderValue(v: ValueText, locale: Locale): string {
  const t = translators[locale];
  const unit = v.unit ?? '';
  const money = MONEY_UNIT.test(unit);
  const qualifier = v.qualifier === 'about' && FEMININE_UNITS.has(unit) ? 'matching.qAboutFeminine' : QUALIFIER[v.qualifier];
  const body =
    v.qualifier === 'range'
      ? t(QUALIFIER.range, { min: renderNumber(v.min ?? 0, money, locale), max: renderNumber(v.max ?? 0, money, locale) })
      : t(qualifier, { v: renderNumber(v.value ?? 0, money, locale) });
  if (money) return unit.endsWith('/year') ? t('matching.unitPerYear', { v: body }) : body;
  const key = UNIT[unit];
  // A range counts as many ("1–2 hours"); one value as itself ("1 hour", "up to 1 hour").
  const count = v.qualifier === 'range' ? String(v.max ?? 2) : String(v.value ?? 0);
  return key ? t(key, { v: body, count }) : unit ? `${body} ${unit}` : body;
}

const MONEY_UNIT = /^(usd|us\$|\$)/i;

function renderNumber(n: number, money: boolean, locale: Locale): string {
  if (!money) return fmt(locale, n);
  const t = translators[locale];
  if (Math.abs(n) >= 1e9 && n % 1e7 === 0) return t('matching.moneyBillion', { n: fmt(locale, n / 1e9) });
  if (Math.abs(n) >= 1e6 && n % 1e4 === 0) return t('matching.moneyMillion', { n: fmt(locale, n / 1e6) });
  return t('matching.money', { n: fmt(locale, n) });
}

function pickIn(b: Bilingual, es: boolean): string {
  return es ? b.es : b.en;
}

function periodWords(t: (key: MatchingKey) => string, p: 'year' | 'month' | 'once'): string {
  return t(p === 'year' ? 'matching.periodYear' : p === 'month' ? 'matching.periodMonth' : 'matching.periodOnce');
}

/** One plain sentence (or two) saying what the page says, what the dataset's source says, and how they stand. */
export function explain(d: ExplainDetail, relation: ExplainRelation, locale: Locale, flagged?: FlaggedStatus): string {
  const t = translators[locale];
  const base = explainBase(d, relation, locale);
  if (relation !== 'repeats-error') return base;
  return `${base} ${t(flagged === 'inconsistent' ? 'matching.flaggedInconsistent' : 'matching.flaggedErroneous')}`;
}

function explainBase(d: ExplainDetail, relation: ExplainRelation, locale: Locale): string {
  const t = translators[locale];
  const es = locale === 'es';
  switch (d.type) {
    case 'quantity': {
      const subject = lower(pickIn(d.subject, es));
      const page = renderValue(d.page, locale);
      const data = renderValue(d.data, locale);
      if (d.harmed) return t('matching.qtyPeopleHarmed', { page, data, subject });
      if (d.heard) return t('matching.qtyPeopleHeard', { page, data, subject });
      if (d.otherEvent) return t('matching.qtyOtherEvent', { page, data, subject });
      if (d.partOf && relation !== 'conflicts') return t('matching.qtyPartOf', { page, data, subject });
      if (d.timeOut) {
        const out = renderValue({ ...d.timeOut, unit: d.timeOut.unit }, locale);
        return t(d.compatible ? 'matching.qtyTimeOutFits' : 'matching.qtyTimeOutConflicts', { out, page, data, subject });
      }
      const money = d.money;
      if (money) {
        const payer = pickIn(money.payer, es);
        const payee = pickIn(money.payee, es);
        if (money.otherSum) return t('matching.moneyOtherSum', { page, data, subject });
        if (money.swapped) return t('matching.moneySwapped', { page, data, subject, payer, payee });
        if (money.pagePeriod && money.dataPeriod && money.pagePeriod !== money.dataPeriod)
          return t('matching.moneyPeriodDiffers', { page: `${page} ${periodWords(t, money.pagePeriod)}`, data: `${data} ${periodWords(t, money.dataPeriod)}`, subject });
        if (money.pagePeriod && !money.dataPeriod) {
          const base = t(d.compatible ? 'matching.qtyFits' : 'matching.qtyConflicts', { page: `${page} ${periodWords(t, money.pagePeriod)}`, data, subject });
          return `${base} ${t('matching.moneyNoPeriod')}`;
        }
      }
      if (d.parts?.length) {
        // A hedged part keeps its hedge, and so does the sum: "more than 200 Venezuelans and 23 Salvadorans, more than 223 in all".
        const hedged = (value: number, qualifier: ValueText['qualifier'] | undefined) => (qualifier && qualifier !== 'exact' ? renderValue({ value, qualifier }, locale) : fmt(locale, value));
        const list = d.parts.map((p) => `${hedged(p.value, p.qualifier)} ${pickIn(p.group, es)}`);
        const parts = list.length > 1 ? t('matching.listAnd', { a: list.slice(0, -1).join(', '), b: list[list.length - 1] as string }) : (list[0] ?? '');
        const params = { parts, page: hedged(d.page.value ?? 0, d.page.qualifier), data, subject };
        return t(d.compatible ? 'matching.qtySumFits' : 'matching.qtySumConflicts', params);
      }
      const g = d.group;
      if (g) {
        const params = { page, data, subject, pageGroup: pickIn(g.page, es), dataGroup: pickIn(g.data, es) };
        if (g.relation === 'other') return t('matching.qtyOtherGroup', params);
        if (relation === 'conflicts') return t(g.relation === 'narrower' ? 'matching.qtyNarrowerExceeds' : 'matching.qtyBroaderBelow', params);
        return t(g.relation === 'narrower' ? 'matching.qtyNarrower' : 'matching.qtyBroader', params);
      }
      return t(d.compatible ? 'matching.qtyFits' : 'matching.qtyConflicts', { page, data, subject });
    }
    case 'year':
      if (d.century) {
        const century = es ? t('matching.centuryName', { n: toRoman(d.page) }) : t('matching.centuryName', { n: ordinal(d.page) });
        const agrees = Math.floor((d.data - 1) / 100) + 1 === d.page;
        return t(agrees ? 'matching.centurySame' : 'matching.centuryDiffers', { page: century, data: String(d.data), slot: pickIn(d.slot, es) });
      }
      if (d.age !== undefined) return t(d.fits ? 'matching.ageSame' : 'matching.ageDiffers', { page: d.age, data: String(d.data), slot: pickIn(d.slot, es) });
      return t(d.page === d.data ? 'matching.yearSame' : 'matching.yearDiffers', { page: String(d.page), data: String(d.data), slot: pickIn(d.slot, es) });
    case 'title': {
      const params = { person: d.person, page: d.page, data: pickIn(d.data, es) };
      if (d.former) return t('matching.titleFormer', params);
      return t(relation === 'conflicts' ? 'matching.titleConflicts' : 'matching.titleAgrees', params);
    }
    case 'date': {
      const day = t(`matching.day${d.data.charAt(0).toUpperCase()}${d.data.slice(1)}` as MatchingKey);
      return t('matching.dateDiffers', { page: d.page, data: day, slot: pickIn(d.slot, es) });
    }
    case 'law':
      return t(relation === 'conflicts' ? 'matching.lawConflicts' : 'matching.lawAgrees', { page: d.page, data: pickIn(d.data, es), slot: pickIn(d.slot, es) });
    case 'name':
      return t(relation === 'conflicts' ? 'matching.nameConflicts' : 'matching.nameAgrees', { page: d.page, data: pickIn(d.data, es), slot: pickIn(d.slot, es) });
    case 'event':
      return t(
        d.neighbour ? 'matching.eventNeighbour' : d.otherEvent ? 'matching.eventOther' : d.disputed ? 'matching.eventDisputed' : d.doubted ? 'matching.eventDoubted' : d.mention ? 'matching.eventMention' : d.negated ? 'matching.eventNegated' : d.unattributed ? 'matching.eventUnattributed' : 'matching.eventAgrees',
        { slot: pickIn(d.slot, es) },
      );
    case 'statement': {
      // Quoted as the dataset names it: a label such as "Tren de Aragua" or "Quote: Manuel Flores" is a name, not a phrase to fit into the sentence.
      const subject = pickIn(d.subject, es);
      const quoted = d.words.slice(0, 3).map((w) => (es ? `«${w}»` : `“${w}”`)).join(', ');
      const words = d.words.length ? t('matching.sharedWords', { words: quoted }) : '';
      const key = d.negated ? 'matching.stmtNegated' : d.says ? 'matching.stmtSays' : d.noFigure ? 'matching.stmtNoFigure' : 'matching.stmtRelated';
      return t(key, { subject, words });
    }
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [v, r] of table) while (rest >= v) (out += r), (rest -= v);
  return out;
}
