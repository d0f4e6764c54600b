import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { checkIdNumber } from '../../../src/rules/idNumber';
import { normalizePhone } from '../../../src/rules/mask';
import { isSafeText } from '../../../src/rules/safeText';
import { type FieldCode, fieldMessage } from '../common/fieldMessage';
import type { IdType, Sex } from './api';
import { todayInServerZone } from './validation/today';

/** Field limits of the API (src/modules/persons/validate.ts). */
export const TEXT_LIMITS = { name: 50, address: 200, employer: 100, householdCode: 40 } as const;

type Check<T> = (value: T) => FieldCode | undefined;

/** One antd rule that runs `check` and shows the API's message for the code it returns. */
function ruleOf<T>(t: TFunction, label: string, check: Check<T>): FormRule {
  return {
    validator: (_rule, value: T) => {
      const code = check(value);
      return code ? Promise.reject(new Error(fieldMessage(t, code, label))) : Promise.resolve();
    },
  };
}

export function textRule(
  t: TFunction,
  label: string,
  field: keyof typeof TEXT_LIMITS,
  required: boolean,
): FormRule {
  return ruleOf<string | undefined>(t, label, (value) => {
    const trimmed = value?.trim() ?? '';
    if (trimmed === '') return required ? 'required' : undefined;
    if (trimmed.length > TEXT_LIMITS[field]) return 'too_long';
    return isSafeText(trimmed) ? undefined : 'unsafe_text';
  });
}

/** `keepWhenBlank`: editing a masked record, where a blank field keeps the stored number. */
export function idNumberRule(
  t: TFunction,
  label: string,
  idType: () => IdType,
  keepWhenBlank = false,
): FormRule {
  return ruleOf<string | undefined>(t, label, (value) => {
    if (keepWhenBlank && !value?.trim()) return undefined;
    const check = checkIdNumber(idType(), value ?? '', todayInServerZone());
    return check.ok ? undefined : check.problem;
  });
}

export function phoneRule(t: TFunction, label: string): FormRule {
  return ruleOf<string | undefined>(t, label, (value) => {
    if (!value?.trim()) return undefined;
    return normalizePhone(value) ? undefined : 'phone_format';
  });
}

/** What a valid resident ID says about sex and birth date, to compare with what was entered. */
export function derivedFromId(idType: IdType, idNumber: string | undefined) {
  const check = checkIdNumber(idType, idNumber ?? '', todayInServerZone());
  return check.ok ? { sex: check.sex, birthDate: check.birthDate } : {};
}

export function sexRule(t: TFunction, label: string, derived: () => { sex?: Sex }): FormRule {
  return ruleOf<Sex | null | undefined>(t, label, (value) => {
    const expected = derived().sex;
    return value && expected && value !== expected ? 'sex_mismatch' : undefined;
  });
}

export function birthDateRule(t: TFunction, label: string, derived: () => { birthDate?: string }): FormRule {
  return ruleOf<Dayjs | null | undefined>(t, label, (value) => {
    if (!value) return undefined;
    const date = value.format('YYYY-MM-DD');
    if (date > todayInServerZone()) return 'format';
    const expected = derived().birthDate;
    return expected && date !== expected ? 'birth_date_mismatch' : undefined;
  });
}

export function requiredRule(t: TFunction, label: string): FormRule {
  return ruleOf<unknown>(t, label, (value) =>
    value === undefined || value === null || value === '' ? 'required' : undefined,
  );
}
