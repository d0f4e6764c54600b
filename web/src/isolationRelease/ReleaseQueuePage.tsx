import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IsolationTabs } from '../isolation/IsolationTabs';

export default function ReleaseQueuePage() {
  const { t } = useTranslation();
  return (
    <>
      <IsolationTabs />
      <Typography.Title level={3}>{t('isolationRelease.queueTitle')}</Typography.Title>
    </>
  );
}
