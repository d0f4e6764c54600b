import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';

/** The API's own field codes for the card, worded in this feature's i18n (same sentences as the server). */
export const CASE_CODE_KEYS = {
  in_future: 'cases.fieldErrors.in_future',
  case_time_order: 'cases.fieldErrors.case_time_order',
  case_severity_confirmed_only: 'cases.fieldErrors.case_severity_confirmed_only',
  case_tube_not_positive: 'cases.fieldErrors.case_tube_not_positive',
  case_unchanged: 'cases.fieldErrors.case_unchanged',
} as const;

/**
 * CAS-1's times, checked as the API checks them: none in the future (the report is made now), and
 * not earlier than the latest earlier time on the card (sampling ≤ found). Onset is bound by the
 * report only: someone sampled in a screening may fall ill before the result comes out.
 */
export function timeRule(
  t: TFunction,
  label: string,
  earlier: () => Array<Dayjs | null | undefined>,
): FormRule {
  return {
    validator: (_rule, value: Dayjs | null | undefined) => {
      if (!value) return Promise.resolve();
      if (value.isAfter(Date.now())) return Promise.reject(new Error(t(CASE_CODE_KEYS.in_future, { label })));
      const before = earlier().filter((d): d is Dayjs => !!d);
      const latest = before[before.length - 1];
      if (latest && value.isBefore(latest))
        return Promise.reject(new Error(t(CASE_CODE_KEYS.case_time_order, { label })));
      return Promise.resolve();
    },
  };
}
