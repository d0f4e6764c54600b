import type { FormInstance, FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { isSafeText } from '../../../src/rules/safeText';
import { fieldMessage } from '../common/fieldMessage';
import type { ArrivalFormValues } from './formValues';

/** The API tolerates an hour of clock skew for "not in the future" (src/modules/arrivals/register.ts). */
const FUTURE_TOLERANCE_MS = 3_600_000;
const DIVISION_CODE = /^\d{6}(\d{3}){0,2}$/;

const reject = (message: string) => Promise.reject(new Error(message));

/** Optional free text within the API's limit (SafeText). */
export function optionalTextRule(t: TFunction, label: string, max: number): FormRule {
  return {
    validator: (_rule, value: string | undefined) => {
      const trimmed = value?.trim() ?? '';
      if (trimmed.length > max) return reject(fieldMessage(t, 'too_long', label));
      if (!isSafeText(trimmed)) return reject(fieldMessage(t, 'unsafe_text', label));
      return Promise.resolve();
    },
  };
}

/** GB/T 2260 code of 6, 9 or 12 digits; required for a domestic origin (the API's origin_code_required). */
export function originCodeRule(t: TFunction, label: string, form: FormInstance<ArrivalFormValues>): FormRule {
  return {
    validator: (_rule, value: string | undefined) => {
      const code = value?.trim() ?? '';
      if (code === '') {
        return form.getFieldValue('origin') === 'domestic'
          ? reject(fieldMessage(t, 'required', label))
          : Promise.resolve();
      }
      return DIVISION_CODE.test(code)
        ? Promise.resolve()
        : reject(t('arrivals.form.errors.originCode', { label }));
    },
  };
}

/** The arrival: required and not in the future. */
export function arrivedAtRule(t: TFunction, label: string): FormRule {
  return {
    validator: (_rule, value: Dayjs | null | undefined) => {
      if (!value) return reject(fieldMessage(t, 'required', label));
      if (value.valueOf() > Date.now() + FUTURE_TOLERANCE_MS) {
        return reject(t('arrivals.form.errors.inFuture', { label }));
      }
      return Promise.resolve();
    },
  };
}

/** An earlier moment of the journey (leaving, entry, the NAT): not after the arrival. */
export function beforeArrivalRule(
  t: TFunction,
  label: string,
  form: FormInstance<ArrivalFormValues>,
): FormRule {
  return {
    validator: (_rule, value: Dayjs | null | undefined) => {
      const arrived = form.getFieldValue('arrivedAt') as Dayjs | null | undefined;
      if (value && arrived && value.isAfter(arrived)) {
        return reject(t('arrivals.form.errors.afterArrival', { label }));
      }
      return Promise.resolve();
    },
  };
}
