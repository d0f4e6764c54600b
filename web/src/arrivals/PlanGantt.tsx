import { Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMonthDay } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { SourceCitation } from '../policy/SourceCitation';
import type { PlanJson } from './api';
import { dayDate, PHASE_COLORS } from './planLabels';
import { lastDay, type PlanPhaseJson, tickDays } from './planLayout';
import { usePlanReasons } from './planReasons';
import { TestDot } from './TestDot';

const ROW = 30;

/** A phase's citation (and, for a local reading, why), and the adjustment's when one replaced its kind (ARR-9). */
export function PhaseSource({ phase, reason }: { phase: PlanPhaseJson; reason?: string | undefined }) {
  return (
    <div style={{ maxWidth: 320 }}>
      <SourceCitation source={phase.source} assumption={phase.assumption} reason={reason} />
      {phase.source.quote ? <div style={{ fontSize: 12 }}>“{phase.source.quote}”</div> : null}
      {phase.adjustedBy ? <SourceCitation source={phase.adjustedBy.source} /> : null}
    </div>
  );
}
const DOT_ROW = 22;
const DAY_WIDTH = 34;

/**
 * The plan on a day axis (wide screens): each phase a coloured bar from its first to its last day,
 * each test a dot on its day (stacked when several fall on one day), day numbers and dates below.
 */
export function PlanGantt({ plan, results }: { plan: PlanJson; results: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const reasons = usePlanReasons(plan);
  const end = lastDay(plan);
  const at = (day: number) => `${(day / end) * 100}%`;
  const stack = new Map<number, number>();
  const dots = plan.tests.map((test) => {
    const level = stack.get(test.day) ?? 0;
    stack.set(test.day, level + 1);
    return { test, level };
  });
  const dotRows = Math.max(1, ...stack.values());
  return (
    <div style={{ overflowX: 'auto' }} data-testid="plan-timeline" data-layout="gantt">
      <div style={{ minWidth: Math.max(560, end * DAY_WIDTH), padding: '4px 20px 0' }}>
        {plan.phases.map((phase) => (
          <div
            key={`${phase.kind}:${phase.startDay}`}
            style={{ position: 'relative', height: ROW, marginBottom: 6 }}
          >
            <Popover
              title={`${t(`arrivals.plan.phases.${phase.kind}`)} · ${t('arrivals.plan.dayRange', { from: phase.startDay, to: phase.endDay })}`}
              content={<PhaseSource phase={phase} reason={reasons.phase(phase)} />}
            >
              <div
                data-testid="plan-phase"
                data-kind={phase.kind}
                style={{
                  position: 'absolute',
                  left: at(phase.startDay),
                  width: `max(${at(phase.endDay - phase.startDay)}, 6px)`,
                  height: ROW,
                  lineHeight: `${ROW}px`,
                  padding: '0 8px',
                  borderRadius: 4,
                  background: PHASE_COLORS[phase.kind],
                  color: '#fff',
                  fontSize: 12,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                {t(`arrivals.plan.phases.${phase.kind}`)} · {formatDay(phase.startDate, language)} →{' '}
                {formatDay(phase.endDate, language)}
                {phase.adjustedBy
                  ? t('common.inParens', {
                      text: t('arrivals.plan.adjusted', {
                        from: t(`arrivals.plan.phases.${phase.adjustedBy.from}`),
                      }),
                    })
                  : ''}
              </div>
            </Popover>
          </div>
        ))}
        <div style={{ position: 'relative', height: dotRows * DOT_ROW }}>
          {dots.map(({ test, level }) => (
            <TestDot
              key={`${test.kind}:${test.day}`}
              test={test}
              reason={reasons.test(test)}
              result={results.get(`test:${test.kind}:d${test.day}`)}
              style={{ position: 'absolute', left: at(test.day), top: level * DOT_ROW + 4, marginLeft: -6 }}
            />
          ))}
        </div>
        <div style={{ position: 'relative', height: 40, borderTop: '1px solid #d9d9d9' }}>
          {tickDays(plan).map((day) => (
            <div
              key={day}
              data-testid="plan-tick"
              style={{
                position: 'absolute',
                left: at(day),
                transform: 'translateX(-50%)',
                textAlign: 'center',
                whiteSpace: 'nowrap',
                fontSize: 11,
                lineHeight: '16px',
                paddingTop: 2,
              }}
            >
              <div style={{ fontWeight: day === plan.arrivalDay ? 600 : undefined }}>{day}</div>
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                {formatMonthDay(dayDate(plan.day0, day, 'YYYY-MM-DD'), language)}
              </Typography.Text>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
