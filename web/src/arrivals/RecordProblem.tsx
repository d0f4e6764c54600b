import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';
import type { PlanJson } from './api';
import { itemText } from './planLabels';
import { bodyStrings } from './requestKeepingProblem';

/** Conflicts worded for the worker (the API's own text names the field, not the item). */
const KNOWN = {
  plan_item_recorded: 'arrivals.record.errors.recorded',
  plan_item_unknown: 'arrivals.record.errors.unknown',
  plan_missing: 'arrivals.record.errors.noPlan',
} as const;
type KnownCode = keyof typeof KNOWN;

/**
 * Why recording failed. A phase end refused with 409 `release_tests_pending` (ISO-6) names the
 * tests still needing a negative result, so the worker knows what to record first.
 */
export function RecordProblem({ error, plan }: { error: unknown; plan: PlanJson | undefined }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // The buttons may be far below on a phone: bring the reason into view.
  useEffect(() => {
    if (error) box.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  const codes = isApiError(error) ? (error.problem.errors ?? []).map((item) => item.code) : [];
  const known = codes.find((code): code is KnownCode => code in KNOWN);
  return (
    <div ref={box}>
      {codes.includes('release_tests_pending') ? (
        <Pending pending={bodyStrings(error, 'pending')} plan={plan} />
      ) : known ? (
        <Alert
          type="warning"
          showIcon
          title={t(KNOWN[known])}
          data-testid="record-problem"
          data-code={known}
        />
      ) : (
        <ProblemAlert error={error} />
      )}
    </div>
  );
}

function Pending({ pending, plan }: { pending: string[]; plan: PlanJson | undefined }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="release-pending"
      title={t('arrivals.record.pendingTitle')}
      description={
        pending.length > 0 ? (
          <>
            {t('arrivals.record.pendingList')}
            <ul style={{ margin: 0 }}>
              {pending.map((item) => (
                <li key={item} data-testid="release-pending-item" data-item={item}>
                  {itemText(t, plan, item)}
                </li>
              ))}
            </ul>
          </>
        ) : undefined
      }
    />
  );
}
