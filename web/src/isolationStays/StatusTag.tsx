import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StayRow } from './api';

const COLORS: Record<StayRow['status'], string> = {
  allocated: 'orange',
  in_room: 'blue',
  home: 'cyan',
  ended: 'default',
  cancelled: 'default',
};

export function StatusTag({ value, testId }: { value: StayRow['status']; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[value]} {...(testId && { 'data-testid': testId, 'data-status': value })}>
      {t(`isolationStays.statuses.${value}`)}
    </Tag>
  );
}
