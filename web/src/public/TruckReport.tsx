import { QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { useState } from 'react';
import { useLanguage } from '../i18n/useLanguage';
import { createQueryClient } from '../queryClient';
import trucksEn from '../trucks/i18n/en.json';
import trucksZh from '../trucks/i18n/zh-CN.json';
import TruckPublicPage from '../trucks/public/TruckPublicPage';
import { Localized } from './Localized';

// The truck form's messages, query client and Chinese month names come with it, not with the
// landing form; the public English messages are loaded by now (PublicApp.tsx).
i18n.addResourceBundle('zh-CN', 'translation', { trucks: trucksZh }, true, false);
i18n.addResourceBundle('en', 'translation', { trucks: trucksEn }, true, false);

/** The truck pre-report (ARR-12) in the public bundle, its date picker in the UI language. */
export default function TruckReport() {
  const [queryClient] = useState(createQueryClient);
  const { language } = useLanguage();
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  return (
    <QueryClientProvider client={queryClient}>
      <Localized>
        <TruckPublicPage />
      </Localized>
    </QueryClientProvider>
  );
}
