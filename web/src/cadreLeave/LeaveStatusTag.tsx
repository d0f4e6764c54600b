import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Leave, LeaveStatus } from './api';

const COLORS: Record<LeaveStatus, string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'default',
  returned: 'purple',
  withdrawn: 'default',
};

export function LeaveStatusTag({ leave }: { leave: Pick<Leave, 'status' | 'returnOverdue'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={COLORS[leave.status]} data-testid="leave-status">
        {t(`cadreLeave.status.${leave.status}`)}
      </Tag>
      {leave.returnOverdue ? (
        <Tag color="red" data-testid="leave-overdue">
          {t('cadreLeave.overdue')}
        </Tag>
      ) : null}
    </>
  );
}
