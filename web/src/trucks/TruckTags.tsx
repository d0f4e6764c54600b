import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TruckReport, TruckStatus } from './api';

const COLORS: Record<TruckStatus, string> = {
  unverified: 'red',
  rejected: 'default',
  cancelled: 'default',
  reported: 'blue',
  escorted: 'cyan',
  at_checkpoint: 'gold',
  staying: 'orange',
  left: 'default',
};

export function TruckStatusTag({ status }: { status: TruckStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="truck-status">
      {t(`trucks.status.${status}`)}
    </Tag>
  );
}

/** Red when reported less than 24 h ahead (ARR-12). */
export function TruckLeadTag({ report }: { report: Pick<TruckReport, 'late' | 'leadMinutes'> }) {
  const { t } = useTranslation();
  return report.late ? (
    <Tag color="red" data-testid="truck-late">
      {t('trucks.late')}
    </Tag>
  ) : (
    <Tag color="green">{t('trucks.leadHours', { hours: Math.floor(report.leadMinutes / 60) })}</Tag>
  );
}
