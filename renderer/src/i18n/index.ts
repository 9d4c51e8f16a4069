import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/preferences';
import { en } from './en';
import { zhCN } from './zh-CN';

export const defaultLanguage: Language = 'zh-CN';

/**
 * A fresh i18next instance (tests get their own). Resources are bundled, so initialisation is
 * synchronous and the first render already has its words.
 */
export function createI18n(language: Language = defaultLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
