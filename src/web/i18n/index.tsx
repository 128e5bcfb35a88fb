import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogs, type MessageKey } from './catalog';
import { languages, type Language } from './define';

export type { Language, MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  formatDate: (iso: string | Date, withTime?: boolean) => string;
  formatNumber: (n: number) => string;
}

const I18nContext = createContext<I18nValue | null>(null);
const STORAGE_KEY = 'samsvar.language';
const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export function storedLanguage(): Language | null {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return languages.includes(value as Language) ? (value as Language) : null;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => storedLanguage() ?? 'nb');
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18nValue>(() => {
    const catalog = catalogs[language];
    const dateFormat = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'Europe/Oslo' });
    const dateTimeFormat = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });
    const numberFormat = new Intl.NumberFormat(locales[language]);
    return {
      language,
      setLanguage,
      t: (key, params) => {
        const text = catalog[key] ?? catalogs.nb[key] ?? key;
        return params ? text.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? `{${name}}`)) : text;
      },
      formatDate: (iso, withTime = false) => (withTime ? dateTimeFormat : dateFormat).format(typeof iso === 'string' ? new Date(iso) : iso),
      formatNumber: (n) => numberFormat.format(n),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export const useT = () => useI18n().t;
