import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClusterSummary } from './api';

/** A cluster's accountability state (EPI-5): alert open, handled, or the flag of a second generation. */
export function AlertTag({ summary }: { summary: ClusterSummary }) {
  const { t } = useTranslation();
  if (summary.alert?.state === 'open') return <Tag color="red">{t('chains.alert.open')}</Tag>;
  if (summary.alert?.state === 'done') return <Tag color="green">{t('chains.alert.done')}</Tag>;
  if (summary.secondGeneration > 0) return <Tag color="orange">{t('chains.alert.flag')}</Tag>;
  return <Tag>{t('chains.alert.none')}</Tag>;
}
