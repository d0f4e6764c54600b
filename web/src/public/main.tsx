import i18n, { type BackendModule } from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, storedLanguage } from '../i18n/languages';
import { PUBLIC_ZH } from './messages';
import { PublicApp } from './PublicApp';

/**
 * The entry of public.html: the forms a citizen opens from a QR code (landing report, truck
 * pre-report), on a phone and often a slow network, so it loads only what those forms need.
 */
const container = document.getElementById('root');
if (!container) throw new Error('public.html lacks #root');

/** Chinese comes with the page; English is fetched when chosen (i18next waits for it). */
const englishWhenChosen: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    if (language !== 'en') return callback(null, {});
    import('./messages.en').then(
      (module) => callback(null, module.PUBLIC_EN),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

const language = storedLanguage();
document.documentElement.lang = language;
void i18n
  .use(englishWhenChosen)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: PUBLIC_ZH } },
    partialBundledLanguages: true,
    load: 'currentOnly',
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
  })
  .then(() => {
    createRoot(container).render(
      <StrictMode>
        <PublicApp />
      </StrictMode>,
    );
  });
