import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function CaseDetailPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('cases.title')}</Typography.Title>;
}
