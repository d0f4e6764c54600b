import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TracingTabs } from '../tracing/TracingTabs';

export default function InvestigationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <TracingTabs />
      <Typography.Title level={3}>{t('investigations.title')}</Typography.Title>
    </>
  );
}
