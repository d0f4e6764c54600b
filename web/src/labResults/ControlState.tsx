import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDueAt } from '../common/formatDueAt';
import { useLanguage } from '../i18n/useLanguage';
import type { Control } from './api';

type ControlLike = Pick<Control, 'reason' | 'clearedAt' | 'task'> & { clearedReason?: string | null };

const CLEARED_REASONS = ['negative_individual', 'result_corrected'] as const;
type ClearedReason = (typeof CLEARED_REASONS)[number];
const isClearedReason = (reason: string | null | undefined): reason is ClearedReason =>
  CLEARED_REASONS.some((known) => known === reason);

/** A control's state and its follow-up task in words (TST-1 re-sampling or CAS-2 report). */
export function ControlState({ control }: { control: ControlLike | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!control) return <Tag>{t('labResults.control.none')}</Tag>;
  const task = control.task;
  return (
    <Space size={4} wrap>
      <Tag color={control.clearedAt ? 'green' : 'red'}>
        {t(`labResults.control.reason.${control.reason}`)} ·{' '}
        {control.clearedAt ? t('labResults.control.cleared') : t('labResults.control.open')}
        {control.clearedAt && isClearedReason(control.clearedReason)
          ? t('common.inParens', { text: t(`labResults.control.clearedReason.${control.clearedReason}`) })
          : null}
      </Tag>
      {task && (
        <span data-testid="control-task" style={{ display: 'inline-flex', gap: 4 }}>
          <Tag
            color={task.doneAt ? 'green' : task.cancelledAt ? 'default' : 'orange'}
            style={{ marginInlineEnd: 0 }}
          >
            {t(
              task.ruleId === 'CAS-2'
                ? 'labResults.control.taskKinds.report'
                : 'labResults.control.taskKinds.resample',
            )}{' '}
            {task.doneAt
              ? t('labResults.control.taskDone')
              : task.cancelledAt
                ? t('labResults.control.cancelled')
                : t('labResults.control.taskDue', { time: formatDueAt(task.dueAt, language) })}
          </Tag>
          {/* The rule as a small grey tag beside the words, never inside them. */}
          <Tag style={{ marginInlineEnd: 0, fontSize: 11 }}>{task.ruleId}</Tag>
        </span>
      )}
    </Space>
  );
}
