import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function AlertsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('alerts.title')}</Typography.Title>;
}
