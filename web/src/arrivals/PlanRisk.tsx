import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SourceCitation } from '../policy/SourceCitation';
import type { ArrivalSummary } from './api';
import { PlanReading } from './PlanReading';
import { isRiskLevel, RiskTag } from './RiskTag';

type Risk = NonNullable<ArrivalSummary['planRisk']>;

/**
 * The origin's risk as the plan used it (B7), not only as published: a whole-city override shows
 * as its level, naming the override (ARR-9); an origin known only to a level holding a published
 * area shows the reading taken, with the pack's citation and, for an assumption, its reason; a
 * term of the document the pack reads (重点地区 …, issue 12 item 8) shows as its 本地口径.
 */
export function PlanRisk({ risk, compact = false }: { risk: Risk | null; compact?: boolean }) {
  const { t } = useTranslation();
  if (!risk?.level && !risk?.reading) return null;
  const level = risk.level && isRiskLevel(risk.level) ? t(`arrivals.risk.${risk.level}`) : (risk.level ?? '');
  const why = risk.override
    ? t('arrivals.planRisk.override', { name: risk.override.name, level })
    : risk.coarse
      ? t(`arrivals.planRisk.${risk.coarse.reading === 'review' ? 'review' : 'coarse'}`, {
          level: isRiskLevel(risk.coarse.finerRisk) ? t(`arrivals.risk.${risk.coarse.finerRisk}`) : '',
        })
      : null;
  const citation = risk.override ?? risk.coarse;
  return (
    <Flex gap={4} wrap align="center" data-testid="plan-risk" data-level={risk.level}>
      {risk.level ? <RiskTag level={risk.level} /> : null}
      {why ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-risk-why">
          {why}
        </Typography.Text>
      ) : null}
      {!compact && citation?.source ? (
        <SourceCitation source={citation.source} assumption={citation.assumption} reason={citation.reason} />
      ) : null}
      {risk.reading ? <PlanReading reading={risk.reading} compact={compact} /> : null}
    </Flex>
  );
}
