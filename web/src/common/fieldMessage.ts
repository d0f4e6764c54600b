import type { TFunction } from 'i18next';
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
