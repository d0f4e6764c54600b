import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function HospitalDetailPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('hospitals.title')}</Typography.Title>;
}
