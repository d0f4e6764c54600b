import type { TFunction } from 'i18next';
import type { FieldProblem } from '../api/problem';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';
import zhCN from '../i18n/zh-CN.json';

export type FieldCode = keyof typeof zhCN.fieldErrors;

export function isFieldCode(code: string): code is FieldCode {
  return Object.hasOwn(zhCN.fieldErrors, code);
}

/**
 * The API's field message with the form's label in front ("证件号码应为18位"): the texts of
 * fieldErrors in the i18n files are those of src/platform/messages.ts, so client and server agree.
 */
export function fieldMessage(t: TFunction, code: FieldCode, label: string): string {
  return t(`fieldErrors.${code}`, { label });
}

/** A server field problem for a form field: our wording when we know the code, else the server's. */
export function serverFieldMessage(
  t: TFunction,
  language: Language,
  problem: FieldProblem,
  label: string,
): string {
  if (isFieldCode(problem.code)) return fieldMessage(t, problem.code, label);
  return pickText(language, problem.message_zh, problem.message);
}
