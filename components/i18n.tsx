import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { pickLocale, translator, type Locale, type Translate } from '../lib/i18n';
import { loadSettings, watchSettings } from '../platform/settings-store';

interface I18n {
  locale: Locale;
  t: Translate;
}

function browserLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

const initial = pickLocale('auto', browserLanguage());
const I18nContext = createContext<I18n>({ locale: initial, t: translator(initial) });

/** The interface language for everything below it: the reader's choice in the options, else the browser's. */
export function I18nProvider({ children, locale: fixed }: { children: ComponentChildren; locale?: Locale }) {
  const [locale, setLocale] = useState<Locale>(fixed ?? initial);
  useEffect(() => {
    if (fixed) return;
    const apply = (preference: Parameters<typeof pickLocale>[0]) => setLocale(pickLocale(preference, browserLanguage()));
    void loadSettings().then((s) => apply(s.language), () => undefined);
    return watchSettings((s) => apply(s.language));
  }, [fixed]);
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
