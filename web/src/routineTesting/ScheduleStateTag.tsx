import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScheduleState } from './api';

const COLOR: Record<ScheduleState, string> = { overdue: 'red', due: 'orange', ok: 'green' };

export function ScheduleStateTag({ state }: { state: ScheduleState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[state]} data-testid={`routine-state-${state}`}>
      {t(`routineTesting.states.${state}`)}
    </Tag>
  );
}
