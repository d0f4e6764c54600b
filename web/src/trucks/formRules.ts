import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { checkResidentId } from '../../../src/rules/idNumber';
import { normalizePhone } from '../../../src/rules/mask';
import { isSafeText } from '../../../src/rules/safeText';
import { checkPlate } from '../../../src/rules/truckReport';
import { fieldMessage } from '../common/fieldMessage';
import { todayInServerZone } from '../persons/validation/today';

/** The same checks as the API (src/rules), worded like its messages, so errors show before sending. */
type Check = (value: string) => string | undefined;

function ruleOf(check: Check): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      const message = check(typeof value === 'string' ? value : '');
      return message ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  };
}

export const textRule = (t: TFunction, label: string, max: number) =>
  ruleOf((value) => {
    const trimmed = value.trim();
    if (!trimmed) return fieldMessage(t, 'required', label);
    if (trimmed.length > max) return fieldMessage(t, 'too_long', label);
    return isSafeText(trimmed) ? undefined : fieldMessage(t, 'unsafe_text', label);
  });

export const plateRule = (t: TFunction, label: string) =>
  ruleOf((value) => {
    const check = checkPlate(value);
    if (check.ok) return undefined;
    return check.problem === 'required'
      ? fieldMessage(t, 'required', label)
      : t('trucks.errors.plate', { label });
  });

/** The check character is verified by the server (stdnum); here only the shape. */
export const creditCodeRule = (t: TFunction, label: string) =>
  ruleOf((value) => {
    const code = value.trim().toUpperCase();
    if (!code) return fieldMessage(t, 'required', label);
    return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) ? undefined : t('trucks.errors.creditCode', { label });
  });

export const residentIdRule = (t: TFunction, label: string) =>
  ruleOf((value) => {
    const check = checkResidentId(value, todayInServerZone());
    return check.ok ? undefined : fieldMessage(t, check.problem, label);
  });

export const mobileRule = (t: TFunction, label: string) =>
  ruleOf((value) => {
    if (!value.trim()) return fieldMessage(t, 'required', label);
    return normalizePhone(value) ? undefined : fieldMessage(t, 'phone_format', label);
  });

export const pickedRule = (t: TFunction, label: string): FormRule => ({
  validator: (_rule, value: unknown) =>
    value ? Promise.resolve() : Promise.reject(new Error(fieldMessage(t, 'required', label))),
});
