import { CATALOGS, type Area } from './messages';
import { render, type Locale, type Params } from './translate';

export * from './translate';
export { CATALOGS, type Area } from './messages';

/** "area.key" for every key of every catalog: a misspelt key is a type error. */
export type MessageKey = { [A in Area]: `${A}.${Extract<keyof (typeof CATALOGS)[A]['en'], string>}` }[Area];

export type Translate = (key: MessageKey, params?: Params) => string;

/** A translator for one locale. An unknown key (only possible through a cast) shows as the key itself. */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const dot = key.indexOf('.');
    const area = CATALOGS[key.slice(0, dot) as Area] as unknown as Record<Locale, Record<string, Parameters<typeof render>[1]>> | undefined;
    const message = area?.[locale][key.slice(dot + 1)] ?? area?.en[key.slice(dot + 1)];
    return message === undefined ? key : render(locale, message, params);
  };
}
