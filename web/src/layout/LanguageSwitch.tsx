import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';

/** 中文 / English toggle; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented
      size="small"
      data-testid="language-switch"
      aria-label={t('header.language')}
      value={language}
      options={[
        { value: 'zh-CN', label: t('header.languageZh') },
        { value: 'en', label: t('header.languageEn') },
      ]}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
    />
  );
}
