import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from './api';

const CLASS_COLOR: Record<string, string> = { confirmed: 'red', asymptomatic: 'orange', suspected: 'gold' };
const STATUS_COLOR: Record<string, string> = {
  reported: 'processing',
  reviewed: 'success',
  discarded: 'default',
};

/** A case's class (with severity) and status, as tags. */
export function ClassTag({ value }: { value: Pick<CaseView, 'classification' | 'severity'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={CLASS_COLOR[value.classification]}>
      {t(`cases.class.${value.classification}`)}
      {value.severity ? `（${t(`cases.severity.${value.severity}`)}）` : ''}
    </Tag>
  );
}

export function StatusTag({ value }: { value: Pick<CaseView, 'status' | 'awaitingReview'> }) {
  const { t } = useTranslation();
  const status = value.status !== 'discarded' && value.awaitingReview ? 'reported' : value.status;
  return <Tag color={STATUS_COLOR[status]}>{t(`cases.status.${status}`)}</Tag>;
}

/** Minutes past a 2-hour limit, or "in time". */
export function LateTag({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  return minutes > 0 ? (
    <Tag color="red">{t('cases.late', { minutes })}</Tag>
  ) : (
    <Tag color="green">{t('cases.inTime')}</Tag>
  );
}
