import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The situation dashboard (态势总览): tiles contributed by the modules. */
export default function DashboardPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>;
}
