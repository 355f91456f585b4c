import { render, type AreaCatalog, type Locale, type Params } from './translate';

/**
 * A translator for one area only. The page session speaks only the in-page
 * area; importing this instead of the whole translator keeps every other
 * area's catalog out of the script injected into pages.
 */
export type AreaTranslate<P extends string, C extends AreaCatalog> = (key: `${P}.${Extract<keyof C['en'], string>}`, params?: Params) => string;

export function areaTranslator<P extends string, C extends AreaCatalog>(prefix: P, catalog: C, locale: Locale): AreaTranslate<P, C> {
  return (key, params) => {
    const name = key.slice(prefix.length + 1);
    const message = (catalog[locale] as Record<string, Parameters<typeof render>[1]>)[name] ?? (catalog.en as Record<string, Parameters<typeof render>[1]>)[name];
    return message === undefined ? key : render(locale, message, params);
  };
}
