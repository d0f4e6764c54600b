import { Flex, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Deadline, DeadlineState } from './api';

export const STATE_COLORS: Record<DeadlineState, string> = {
  open: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  done: 'green',
  cancelled: 'default',
};

/** 25分钟, 2小时5分钟, 3天4小时: whole minutes as a person would say them. */
export function durationText(t: TFunction, totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return t('deadlines.days', { days, hours });
  if (hours > 0) return t('deadlines.hours', { hours, minutes });
  return t('deadlines.minutes', { minutes });
}

/** The state in its colour, how late it is, and where an overdue item has climbed to. */
export function DeadlineStateTag({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap data-testid="deadline-state" data-state={deadline.state}>
      <Tag color={STATE_COLORS[deadline.state]}>{t(`deadlines.states.${deadline.state}`)}</Tag>
      {deadline.overdueMinutes > 0 ? (
        <Tag color={deadline.state === 'overdue' ? 'red' : 'default'} bordered={false}>
          {t('deadlines.overdueBy', { duration: durationText(t, deadline.overdueMinutes) })}
        </Tag>
      ) : null}
      {deadline.escalationLevel > 0 ? (
        <Tag color="volcano" data-testid="deadline-escalated" data-level={deadline.escalationLevel}>
          {t('deadlines.escalated', {
            name: deadline.escalatedToName ?? deadline.escalatedTo,
            level: deadline.escalationLevel,
          })}
        </Tag>
      ) : null}
    </Flex>
  );
}
