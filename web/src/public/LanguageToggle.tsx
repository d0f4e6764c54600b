import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { Choice } from './controls';

/** 中文 / English on the public forms: the staff header's switch, drawn with the forms' own controls. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Choice<Language>
      look="buttons"
      small
      data-testid="language-switch"
      aria-label={t('header.language')}
      value={language}
      options={[
        { value: 'zh-CN', label: t('header.languageZh') },
        { value: 'en', label: t('header.languageEn') },
      ]}
      onChange={setLanguage}
    />
  );
}
