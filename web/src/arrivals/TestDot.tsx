import { Popover, Space, Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { SourceCitation } from '../policy/SourceCitation';
import type { PlanJson } from './api';
import { reagentsText, testKey, testText } from './planLabels';

type PlanTestJson = PlanJson['tests'][number];

const RESULT_COLORS: Record<string, string> = { negative: '#389e0d', positive: '#cf1322' };

/** A test on the timeline: a dot coloured by its result (grey while pending); details in its tooltip. */
export function TestDot({
  test,
  reason,
  result,
  style,
  withLabel = false,
}: {
  test: PlanTestJson;
  /** Why the pack took this test as a local reading, when it did. */
  reason?: string | undefined;
  result: string | undefined;
  style?: CSSProperties;
  withLabel?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const color = (result && RESULT_COLORS[result]) ?? '#8c8c8c';
  const reagents = reagentsText(t, test.reagents);
  const details = (
    <Space orientation="vertical" size={4} style={{ maxWidth: 320 }}>
      <strong>
        {testText(t, test)} · {formatDay(test.date, language)}
      </strong>
      <Space size={4} wrap>
        {reagents ? <Tag color="geekblue">{reagents}</Tag> : null}
        {test.forRelease ? <Tag color="volcano">{t('arrivals.plan.forRelease')}</Tag> : null}
        <Tag>
          {t(`arrivals.plan.results.${result === 'negative' || result === 'positive' ? result : 'pending'}`)}
        </Tag>
      </Space>
      <SourceCitation source={test.source} assumption={test.assumption} reason={reason} />
      {test.source.quote ? <span>“{test.source.quote}”</span> : null}
    </Space>
  );
  return (
    <Popover content={details}>
      <span
        data-testid="plan-test"
        data-item={testKey(test)}
        data-result={result ?? 'pending'}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, cursor: 'default', ...style }}
      >
        <span
          style={{
            width: 12,
            height: 12,
            borderRadius: '50%',
            background: color,
            // Parallel reagents show as a double ring.
            boxShadow: test.reagents > 1 ? `0 0 0 2px #fff, 0 0 0 4px ${color}` : undefined,
            outline: test.forRelease ? '2px solid #fa541c' : undefined,
            outlineOffset: test.reagents > 1 ? 4 : 1,
            flex: 'none',
          }}
        />
        {withLabel ? (
          <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t(`arrivals.plan.tests.${test.kind}`)}
            {reagents ? ` · ${reagents}` : ''}
          </span>
        ) : null}
      </span>
    </Popover>
  );
}
