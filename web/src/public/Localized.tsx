import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/useLanguage';

/**
 * antd's own texts (a picker's placeholder, "no data", a date picker's months) in the UI language.
 * Only the pickers, which load after the form shows, have such texts: they bring them along.
 */
export function Localized({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return <ConfigProvider locale={language === 'en' ? enUS : zhCN}>{children}</ConfigProvider>;
}
