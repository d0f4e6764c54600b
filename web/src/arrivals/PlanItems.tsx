import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { SourceCitation } from '../policy/SourceCitation';
import type { EventResult, PlanJson } from './api';
import { itemText, phaseKey, reagentsText, SHORTFALL_NAT_ITEM, testKey } from './planLabels';
import { usePlanReasons } from './planReasons';
import { RecordButtons } from './RecordButtons';

interface PlanItemsProps {
  plan: PlanJson;
  results: ReadonlyMap<string, string>;
  /** Null when results cannot be recorded (no permission, or the plan is not active). */
  onRecord: ((item: string, result: EventResult) => void) | null;
  busyItem: string | null;
  /** The API lists events of the active plan only: for a completed plan, results are not known here. */
  resultsKnown: boolean;
}

const RESULT_TAGS: Record<string, string> = { negative: 'green', positive: 'red', done: 'blue' };

/** Every test and phase end of the plan in day order, with its result or the buttons to record it. */
export function PlanItems({ plan, results, onRecord, busyItem, resultsKnown }: PlanItemsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const reasons = usePlanReasons(plan);
  const rows = [
    ...plan.tests.map((test) => ({
      key: testKey(test),
      day: test.day,
      order: 0,
      date: test.date,
      source: test.source,
      assumption: test.assumption,
      reason: reasons.test(test),
      tags: [
        reagentsText(t, test.reagents) ? (
          <Tag key="r" color="geekblue">
            {reagentsText(t, test.reagents)}
          </Tag>
        ) : null,
        test.forRelease ? (
          <Tag key="f" color="volcano">
            {t('arrivals.plan.forRelease')}
          </Tag>
        ) : null,
      ],
    })),
    ...plan.phases.map((phase, index) => ({
      key: phaseKey(index),
      day: phase.endDay,
      order: 1,
      date: phase.endDate,
      source: phase.source,
      assumption: phase.assumption,
      reason: reasons.phase(phase),
      tags: [],
    })),
    // A shortfall is made up by a NAT after arrival: recorded here, a negative one closes its task.
    ...plan.shortfalls.slice(0, 1).map((shortfall) => ({
      key: SHORTFALL_NAT_ITEM,
      day: 0,
      order: -1,
      date: plan.day0,
      source: shortfall.source,
      assumption: undefined,
      reason: undefined,
      tags: [],
    })),
  ].sort((a, b) => a.day - b.day || a.order - b.order);
  return (
    <Flex vertical data-testid="plan-items">
      {rows.map((row) => {
        const result = results.get(row.key);
        const label = itemText(t, plan, row.key);
        return (
          <Flex
            key={row.key}
            data-testid="plan-item"
            data-item={row.key}
            data-result={result ?? 'pending'}
            gap={8}
            wrap
            align="center"
            justify="space-between"
            style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
          >
            <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
              <span>
                <Typography.Text strong>{label}</Typography.Text>{' '}
                <Typography.Text type="secondary">{formatDay(row.date, language)}</Typography.Text>
              </span>
              <Flex gap={4} wrap align="center">
                {row.tags}
                <SourceCitation source={row.source} assumption={row.assumption} reason={row.reason} />
              </Flex>
            </Flex>
            {result ? (
              <Tag color={RESULT_TAGS[result]} data-testid="plan-item-result">
                {t(`arrivals.plan.results.${result as EventResult}`)}
              </Tag>
            ) : onRecord ? (
              <RecordButtons item={row.key} label={label} busy={busyItem === row.key} onRecord={onRecord} />
            ) : resultsKnown ? (
              <Tag>{t('arrivals.plan.results.pending')}</Tag>
            ) : null}
          </Flex>
        );
      })}
    </Flex>
  );
}
