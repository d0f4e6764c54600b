import { Alert, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDueAt } from '../common/formatDueAt';
import { useLanguage } from '../i18n/useLanguage';
import { useReasonText } from '../policy/reasonText';
import type { ArrivalDetail, PlanJson } from './api';
import { itemText } from './planLabels';

/**
 * "（由第 1 天 核酸检测的结果抵充）": a result carried to a test a new pack version moved, naming the
 * test actually done, and the reading it was counted under (本地口径 when the pack did not say).
 */
export function SatisfiedBy({ plan, item, by }: { plan: PlanJson; item: string; by: string }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const reading = plan.tests.find((test) => `test:${test.kind}:d${test.day}` === item)?.earlierResult;
  return (
    <span data-testid="event-satisfied-by">
      {' '}
      <Tag color="blue" style={{ marginInlineStart: 4 }}>
        {t('arrivals.detail.satisfiedBy', { item: itemText(t, undefined, by) })}
      </Tag>
      {reading?.assumption ? (
        <Tooltip title={reasonText(reading.reason)}>
          <Tag color="gold">{t('policy.impact.localReading')}</Tag>
        </Tooltip>
      ) : null}
    </span>
  );
}

/**
 * Items owed with a catch-up due time (issue 12 Deliver 4): their own day had passed when they were
 * opened (a test a new version added in the past, an arrival registered late).
 */
export function PlanCatchUps({ plan, work }: { plan: PlanJson; work: ArrivalDetail['work'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const catchUps = work.filter((item) => item.catchUp);
  if (catchUps.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ margin: '12px 0' }}
      data-testid="plan-catch-ups"
      title={t('arrivals.detail.catchUps')}
      description={catchUps.map((item) => (
        <div key={item.item} data-testid="plan-catch-up" data-item={item.item}>
          {t('arrivals.detail.catchUpItem', {
            item: itemText(t, plan, item.item),
            due: formatDueAt(item.dueAt, language),
          })}
        </div>
      ))}
    />
  );
}
