import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function BulletinPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('bulletin.title')}</Typography.Title>;
}
