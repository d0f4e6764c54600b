import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function SentinelEntryPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('sentinels.title')}</Typography.Title>;
}
