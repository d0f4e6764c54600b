import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { type FieldProblem, isApiError } from '../api/problem';
import { fieldMessage, isFieldCode } from '../common/fieldMessage';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';

/**
 * The server's words for a field, after the form's label: the client's copy when it has the code,
 * else the server's message without its leading field name ("destinationCode不是…" → "目的地村(社区)不是…").
 */
export function problemMessage(
  t: TFunction,
  language: Language,
  problem: FieldProblem,
  label: string,
): string {
  if (isFieldCode(problem.code)) return fieldMessage(t, problem.code, label);
  const text = pickText(language, problem.message_zh, problem.message);
  const rest = text.startsWith(problem.field) ? text.slice(problem.field.length).trimStart() : text;
  return language === 'en' ? `${label} ${rest}` : `${label}${rest}`;
}

/** Puts each field problem on its form field; returns the fields it placed. */
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
    byField.set(field, [...(byField.get(field) ?? []), problemMessage(t, language, problem, label)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return [...byField.keys()];
}
