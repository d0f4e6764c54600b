import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Divider, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { type ArrivalDetail, arrivalKeys, type EventResult, recordEvent } from './api';
import { PlanCatchUps, SatisfiedBy } from './PlanCarryOver';
import { PlanItems } from './PlanItems';
import { PlanSummary } from './PlanSummary';
import { PlanTimeline } from './PlanTimeline';
import { itemText } from './planLabels';
import { RecordProblem } from './RecordProblem';

/** Why an arrival has no plan: the CDC's decision once settled, else what it awaits (issue 12 Deliver 5). */
function NoPlanReason({ arrival }: { arrival: ArrivalDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const decision = arrival.reviewDecision;
  if (decision) {
    return (
      <span data-testid="arrival-review-decision">
        {t('arrivals.detail.reviewDecision', {
          decision: t(`arrivals.review.settle.decisions.${decision.decision}`),
          reason: decision.reason,
          at: formatDateTime(decision.at, language),
        })}
      </span>
    );
  }
  if (arrival.status === 'no_pack') return <>{t('arrivals.detail.noPlanNoPack')}</>;
  if (arrival.status === 'origin_review') return <>{t('arrivals.detail.noPlanOriginReview')}</>;
  return <>{t('arrivals.detail.noPlan')}</>;
}

/** The plan in force (or the completed one): its timeline, its items to record, and what is recorded. */
export function PlanCard({ arrival }: { arrival: ArrivalDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = usePermission('arrival.write');
  const stored =
    arrival.plans.find((plan) => plan.status === 'active') ??
    arrival.plans.find((plan) => plan.status === 'completed');
  const plan = stored?.plan;
  // Results of this plan only: a replaced plan's results show with it (SupersededPlans), and those
  // that count here were carried over to this plan (issue 12 Deliver 4).
  const events = useMemo(
    () => arrival.events.filter((event) => event.planId === stored?.id),
    [arrival.events, stored?.id],
  );
  const results = useMemo(() => new Map(events.map((event) => [event.item, event.result])), [events]);
  const mutation = useMutation({
    mutationFn: ({ item, result }: { item: string; result: EventResult }) =>
      recordEvent(arrival.id, item, result),
    onSuccess: (saved) => {
      queryClient.setQueryData(arrivalKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['arrivals', 'list'] });
      message.success(t('arrivals.record.saved'));
    },
    // Someone else may have recorded it, or a new pack version replaced the plan: show what is now.
    onError: () => void queryClient.invalidateQueries({ queryKey: arrivalKeys.detail(arrival.id) }),
  });

  if (!stored || !plan) {
    return (
      <Card title={t('arrivals.detail.plan')} data-testid="arrival-plan">
        <Empty description={<NoPlanReason arrival={arrival} />} data-testid="arrival-no-plan" />
      </Card>
    );
  }
  const active = stored.status === 'active';
  return (
    <Card title={t('arrivals.detail.plan')} data-testid="arrival-plan" data-plan-status={stored.status}>
      {active ? null : (
        <Alert type="success" showIcon title={t('arrivals.detail.completed')} style={{ marginBottom: 12 }} />
      )}
      <PlanSummary plan={plan} current={active} />
      <PlanTimeline plan={plan} results={results} />
      {active ? <PlanCatchUps plan={plan} work={arrival.work} /> : null}
      <Divider titlePlacement="start">{t('arrivals.detail.items')}</Divider>
      {mutation.error ? (
        <div style={{ marginBottom: 12 }}>
          <RecordProblem error={mutation.error} plan={plan} />
        </div>
      ) : null}
      <PlanItems
        plan={plan}
        results={results}
        onRecord={active && canWrite ? (item, result) => mutation.mutate({ item, result }) : null}
        busyItem={mutation.isPending ? (mutation.variables?.item ?? null) : null}
        resultsKnown={active}
      />
      {active || events.length > 0 ? (
        <>
          <Divider titlePlacement="start">{t('arrivals.detail.events')}</Divider>
          {events.length === 0 ? (
            <Typography.Text type="secondary">{t('arrivals.detail.noEvents')}</Typography.Text>
          ) : (
            <ul data-testid="arrival-events" style={{ paddingInlineStart: 20, margin: 0 }}>
              {events.map((event) => (
                <li key={event.item} data-testid="arrival-event" data-item={event.item}>
                  {formatDateTime(event.at, language)} · {itemText(t, plan, event.item)} ·{' '}
                  {t(`arrivals.plan.results.${event.result}`)}
                  {event.satisfiedBy ? (
                    <SatisfiedBy plan={plan} item={event.item} by={event.satisfiedBy} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </Card>
  );
}
