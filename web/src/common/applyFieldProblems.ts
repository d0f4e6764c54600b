import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem';
import type { Language } from '../i18n/languages';
import { serverFieldMessage } from './fieldMessage';

/**
 * Puts the server's field problems (problem+json `errors`) on the matching form fields, worded
 * with each field's label, and returns the names of the fields it placed so the alert above the
 * form can leave those out. `labels` names the form's fields; other problems are left alone.
 */
export function applyFieldProblems(
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
    byField.set(field, [...(byField.get(field) ?? []), serverFieldMessage(t, language, problem, label)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return [...byField.keys()];
}
