import { Flex, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMonthDay } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import type { PlanJson } from './api';
import { PhaseSource } from './PlanGantt';
import { PHASE_COLORS, testKey } from './planLabels';
import { testsByPhase } from './planLayout';
import { usePlanReasons } from './planReasons';
import { TestDot } from './TestDot';

/**
 * The plan for a narrow screen (a 390 px phone): the phases one under another, each a coloured band
 * with its days and dates, and the tests it holds as labelled dots on their days.
 */
export function PlanStack({ plan, results }: { plan: PlanJson; results: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const reasons = usePlanReasons(plan);
  return (
    <div data-testid="plan-timeline" data-layout="stack">
      {testsByPhase(plan).map(({ phase, tests }) => {
        const color = phase ? PHASE_COLORS[phase.kind] : '#8c8c8c';
        return (
          <div
            key={phase ? `${phase.kind}:${phase.startDay}` : 'rest'}
            data-testid={phase ? 'plan-phase' : 'plan-phase-rest'}
            data-kind={phase?.kind}
            style={{
              borderLeft: `6px solid ${color}`,
              background: `${color}12`,
              borderRadius: 4,
              padding: '8px 10px',
              marginBottom: 8,
            }}
          >
            {phase ? (
              <Popover content={<PhaseSource phase={phase} reason={reasons.phase(phase)} />} trigger="click">
                <div style={{ cursor: 'pointer' }}>
                  <Typography.Text strong style={{ color }}>
                    {t(`arrivals.plan.phases.${phase.kind}`)}
                  </Typography.Text>
                  <div style={{ fontSize: 12 }}>
                    {t('arrivals.plan.dayRange', { from: phase.startDay, to: phase.endDay })} ·{' '}
                    {formatDay(phase.startDate, language)} → {formatDay(phase.endDate, language)}
                  </div>
                </div>
              </Popover>
            ) : null}
            {tests.length > 0 ? (
              <Flex vertical gap={6} style={{ marginTop: phase ? 8 : 0 }}>
                {tests.map((test) => (
                  <Flex key={testKey(test)} gap={8} align="center" wrap>
                    <span style={{ fontSize: 12, minWidth: 96 }}>
                      {t('arrivals.plan.day', { day: test.day })} · {formatMonthDay(test.date, language)}
                    </span>
                    <TestDot
                      test={test}
                      reason={reasons.test(test)}
                      result={results.get(testKey(test))}
                      withLabel
                    />
                  </Flex>
                ))}
              </Flex>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
