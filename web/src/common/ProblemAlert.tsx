import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { problemText } from './problemText';

interface ProblemAlertProps {
  error: unknown;
  /** Field problems already shown beside their form fields are left out: by path, or all of a top-level field. */
  hideFields?: readonly string[];
  action?: ReactNode;
}

/**
 * A failed request as an alert: the server's message and any field problems, in the UI language.
 * A field problem with the problem's own code (a result recorded already, a version number used by
 * other content) would only repeat the sentence above it, so it is left out.
 */
export function ProblemAlert({ error, hideFields = [], action }: ProblemAlertProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const fieldProblems = isApiError(error)
    ? (error.problem.errors ?? []).filter(
        (item) =>
          item.code !== error.problem.code &&
          !hideFields.includes(item.field) &&
          !hideFields.includes(item.field.split('.')[0] ?? ''),
      )
    : [];
  const description =
    fieldProblems.length > 0 ? (
      <ul data-testid="problem-fields">
        {fieldProblems.map((item) => (
          <li key={`${item.field}:${item.code}`}>{pickText(language, item.message_zh, item.message)}</li>
        ))}
      </ul>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problem-alert"
      title={problemText(error, language, t)}
      description={description}
      action={action}
    />
  );
}
