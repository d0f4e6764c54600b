import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanRisk } from '../../../src/rules/policy/types';
import { readingText } from '../policy/matchText';
import { useReasonText } from '../policy/reasonText';
import { SourceCitation } from '../policy/SourceCitation';

type Reading = NonNullable<PlanRisk['reading']>;

/**
 * Issue 12 item 8: the pack's reading of its document's term that the plan was made on ("本地口径：
 * “重点地区”在此指来源地为高风险、中风险地区"), with its clause and, for an assumption, its reason.
 * In a table row only a tag, the line in its tooltip.
 */
export function PlanReading({ reading, compact = false }: { reading: Reading; compact?: boolean }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const text = readingText(t, reading, reading.match);
  if (compact) {
    return (
      <Tooltip
        title={
          <div>
            <div>{text}</div>
            {reading.reason ? <div>{reasonText(reading.reason)}</div> : null}
          </div>
        }
      >
        <Tag color="gold" data-testid="plan-reading" style={{ marginInlineEnd: 0 }}>
          {t('policy.match.readingTag')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Flex vertical gap={2} data-testid="plan-reading" style={{ width: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-reading-text">
        {text}
      </Typography.Text>
      <SourceCitation
        source={reading.source}
        assumption={reading.assumption}
        reason={reading.reason}
        detailed
      />
    </Flex>
  );
}
