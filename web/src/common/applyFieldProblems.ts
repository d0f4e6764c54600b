import type { FormInstance } from 'antd';
import type { ParseKeys, TFunction } from 'i18next';
import { type FieldProblem, isApiError } from '../api/problem';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';
import { fieldMessage, isFieldCode } from './fieldMessage';

/** How a form differs from the API in naming and wording its fields. */
export interface FieldProblemOptions {
  /**
   * Place each problem at its whole path ("crew.1.phone" → ['crew', 1, 'phone']), worded with the
   * label of the path's last name; without it, on the top-level field, worded with that one's label.
   */
  nested?: boolean;
  /** The form's path for the API's, where the form names a field otherwise ("person.name" → "name"). */
  rename?: (field: string) => string;
  /** i18n keys worded with `{{label}}` for the form's own codes, which the shared field messages lack. */
  codeKeys?: Readonly<Record<string, ParseKeys>>;
  /**
   * For a code nobody here words: the label, then the server's text without the field path it
   * starts with ("destinationCode不是…" → "目的地村(社区)不是…"). Without it, the server's text as sent.
   */
  labelServerText?: boolean;
}

/** A field problem in words for the field labelled `label`: the form's own wording, the shared one, or the server's. */
export function fieldProblemText(
  t: TFunction,
  language: Language,
  problem: FieldProblem,
  label: string,
  options: FieldProblemOptions = {},
): string {
  const { codeKeys = {}, labelServerText = false } = options;
  const key = Object.hasOwn(codeKeys, problem.code) ? codeKeys[problem.code] : undefined;
  if (key !== undefined) return t(key, { label });
  if (isFieldCode(problem.code)) return fieldMessage(t, problem.code, label);
  const text = pickText(language, problem.message_zh, problem.message);
  if (!labelServerText) return text;
  const rest = text.startsWith(problem.field) ? text.slice(problem.field.length).trimStart() : text;
  return language === 'en' ? `${label} ${rest}` : `${label}${rest}`;
}

/** The form name a path stands for: its top-level part, or (nested) every part, list indexes as numbers. */
function formName(path: string, nested: boolean): Array<string | number> {
  const parts = path.split('.');
  if (!nested) return [parts[0] ?? ''];
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's field problems (problem+json `errors`) on the matching form fields, worded
 * with each field's label, and returns the API's paths of the problems it placed, for
 * `ProblemAlert`'s `hideFields` to leave out. `labels` names the form's fields; problems of other
 * fields are left alone.
 */
export function applyFieldProblems(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  labels: Readonly<Record<string, string>>,
  t: TFunction,
  language: Language,
  options: FieldProblemOptions = {},
): string[] {
  if (!isApiError(error)) return [];
  const { nested = false, rename = (field: string) => field } = options;
  const byName = new Map<string, { name: Array<string | number>; errors: string[] }>();
  const placed: string[] = [];
  for (const problem of error.problem.errors ?? []) {
    const name = formName(rename(problem.field), nested);
    const label = labels[String(name[name.length - 1])];
    if (label === undefined) continue;
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldProblemText(t, language, problem, label, options));
    byName.set(key, entry);
    placed.push(problem.field);
  }
  form.setFields([...byName.values()]);
  return placed;
}
