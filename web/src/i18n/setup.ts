import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, storedLanguage } from './languages';
import { resources } from './resources';

/** Starts i18next with the language the user chose last time (zh-CN on a first visit). */
export function setupI18n() {
  const language = storedLanguage();
  document.documentElement.lang = language;
  return i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
  });
}
