import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './i18n/useLanguage';
import { createQueryClient } from './queryClient';

const THEME = { token: { colorPrimary: '#1f4e8c' } };

/** antd's locale, dayjs's locale and the page title follow the UI language. */
function LocalizedConfig({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  const { t } = useTranslation();
  // Set before the children render, so date pickers never show a month name in the old language.
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocalizedConfig>{children}</LocalizedConfig>
    </QueryClientProvider>
  );
}
