import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Pass, PassOutcome } from './api';

export const OUTCOME_COLORS: Record<PassOutcome, string> = {
  pass: 'green',
  medical: 'red',
  hold: 'orange',
  register_and_hand_over: 'blue',
};

/** The outcome of a pass and its reasons, as tags. */
export function OutcomeTags({ pass }: { pass: Pass }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4} data-testid="pass-outcome-tags">
      <Tag color={OUTCOME_COLORS[pass.outcome]} data-testid={`outcome-${pass.outcome}`}>
        {t(`checkpoints.outcome.${pass.outcome}`)}
      </Tag>
      {pass.reasons.map((reason) => (
        <Tag key={reason}>{t(`checkpoints.reason.${reason as 'fever'}`)}</Tag>
      ))}
      {pass.handover ? (
        <Tag color={pass.handover === 'registered' ? 'geekblue' : 'volcano'}>
          {t(`checkpoints.handover.${pass.handover}`)}
        </Tag>
      ) : null}
    </Space>
  );
}
