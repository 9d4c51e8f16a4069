import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/preferences';
import { namespaces, resources } from './resources';

export const defaultLanguage: Language = 'zh-CN';

/**
 * A fresh i18next instance (tests get their own). Resources are bundled, so initialisation is
 * synchronous and the first render already has its words.
 */
export function createI18n(language: Language = defaultLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    ns: namespaces,
    defaultNS: 'common',
    fallbackNS: false,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
