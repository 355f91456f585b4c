/**
 * The interface language, as plain data and pure functions.
 *
 * Why our own catalogs rather than `browser.i18n.getMessage` alone: the browser
 * API answers only in the browser's language, and readers of this topic often
 * want the other one (a Salvadoran reader with an English browser, a newsroom
 * checking Spanish coverage); the options page offers an override, so the
 * catalogs are loaded by us. The manifest's own strings (name, description)
 * still go through `_locales/`, which is the only place the browser reads them.
 *
 * A message is a template with `{name}` placeholders, or plural forms chosen
 * with `Intl.PluralRules` from the `count` parameter. Numbers passed as
 * parameters are formatted for the locale ("40,000" / "40.000").
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** "auto" follows the browser's language. */
export type LocalePreference = Locale | 'auto';

export type PluralMessage = { one: string; other: string; zero?: string };
export type Message = string | PluralMessage;
export type Catalog = Readonly<Record<string, Message>>;

/** One area of the interface (popup, sidebar, …) in every language, with the same keys. */
export interface AreaCatalog<K extends string = string> {
  en: Readonly<Record<K, Message>>;
  es: Readonly<Record<K, Message>>;
}

export type Params = Readonly<Record<string, string | number>>;

/** The reader's language for the interface: their choice, else the browser's when we speak it, else English. */
export function pickLocale(preference: LocalePreference | undefined, browserLanguage: string | undefined): Locale {
  if (preference && preference !== 'auto') return preference;
  const base = (browserLanguage ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}

/** Languages a page may be in that we have an interface for; anything else falls back to English. */
export function asLocale(language: string | undefined): Locale {
  return pickLocale(undefined, language);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, n: number): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f.format(n);
}

export function formatDate(locale: Locale, value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, options).format(date);
}

function pluralForm(locale: Locale, message: PluralMessage, count: number): string {
  if (count === 0 && message.zero !== undefined) return message.zero;
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count) === 'one' ? message.one : message.other;
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible so that a missing parameter shows in tests and screenshots. */
export function fill(locale: Locale, template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

export function render(locale: Locale, message: Message, params: Params = {}): string {
  const template = typeof message === 'string' ? message : pluralForm(locale, message, Number(params.count ?? 0));
  return fill(locale, template, params);
}

/** The placeholders a template uses, for the test that every language uses the same ones. */
export function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/\{(\w+)\}/g)) names.add(m[1]!);
  return [...names].sort();
}
