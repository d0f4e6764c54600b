import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';

/** The message to show for a failure: the server's own text in the UI language, else a generic one. */
export function problemText(error: unknown, language: Language, t: TFunction): string {
  if (isApiError(error)) return pickText(language, error.problem.detail_zh, error.problem.detail);
  return t('common.networkError');
}
