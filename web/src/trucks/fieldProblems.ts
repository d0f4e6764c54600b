import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { type FieldProblem, isApiError } from '../api/problem';
import { fieldMessage, isFieldCode } from '../common/fieldMessage';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';

/** The form path of a problem's field: "crew.1.phone" → ['crew', 1, 'phone']. */
const pathOf = (field: string) => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Our words for a known code after the label; else the server's, without its leading field path. */
export function problemText(t: TFunction, language: Language, problem: FieldProblem, label: string): string {
  if (isFieldCode(problem.code)) return fieldMessage(t, problem.code, label);
  const text = pickText(language, problem.message_zh, problem.message);
  const rest = text.startsWith(problem.field) ? text.slice(problem.field.length).trimStart() : text;
  return language === 'en' ? `${label} ${rest}` : `${label}${rest}`;
}

/**
 * Puts each of the server's field problems on its form field, nested list items included; the
 * label is that of the field's last name part. Returns the top-level fields it placed.
 */
export function placeNestedProblems(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  labels: Readonly<Record<string, string>>,
  t: TFunction,
  language: Language,
): string[] {
  if (!isApiError(error)) return [];
  const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
  for (const problem of error.problem.errors ?? []) {
    const name = pathOf(problem.field);
    const label = labels[String(name[name.length - 1])];
    if (label === undefined) continue;
    const entry = byField.get(problem.field) ?? { name, errors: [] };
    entry.errors.push(problemText(t, language, problem, label));
    byField.set(problem.field, entry);
  }
  form.setFields([...byField.values()]);
  return [...new Set([...byField.keys()].map((field) => field.split('.')[0] ?? ''))];
}
