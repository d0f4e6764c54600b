import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem';
import { serverFieldMessage } from '../common/fieldMessage';
import type { Language } from '../i18n/languages';
import zhCN from './i18n/zh-CN.json';

type AreaFieldCode = keyof typeof zhCN.fieldErrors;
const isAreaCode = (code: string): code is AreaFieldCode => Object.hasOwn(zhCN.fieldErrors, code);

/**
 * Puts the server's field problems on the form's fields, worded with each field's label (the
 * registry's own codes from this feature's messages, the shared ones from the common table), and
 * returns the fields it placed so the alert above can leave them out.
 */
export function placeProblems(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  labels: Readonly<Record<string, string>>,
  t: TFunction,
  language: Language,
): string[] {
  if (!isApiError(error)) return [];
  const byField = new Map<string, string[]>();
  for (const problem of error.problem.errors ?? []) {
    const field = problem.field.split('.')[0] ?? '';
    const label = labels[field];
    if (label === undefined) continue;
    const text = isAreaCode(problem.code)
      ? t(`riskAreas.fieldErrors.${problem.code}`, { label })
      : serverFieldMessage(t, language, problem, label);
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return [...byField.keys()];
}
