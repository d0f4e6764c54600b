import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../api/problem';

/** Field codes of the arrivals API that the shared field messages do not word (src/platform/messages.ts). */
const OWN_CODES = {
  in_future: 'arrivals.form.errors.inFuture',
  after_arrival: 'arrivals.form.errors.afterArrival',
  origin_code_required: 'arrivals.form.errors.originCodeRequired',
} as const;

/**
 * The API names the person's fields `person.name`, `person.idNumber`, …; the form holds them at the
 * top level. The same error with those paths shortened, so the shared helpers place them, and the
 * arrival's own codes worded with the form's label.
 */
export function arrivalProblem(
  error: unknown,
  labels: Readonly<Record<string, string>>,
  t: TFunction,
): unknown {
  if (!isApiError(error) || !error.problem.errors) return error;
  return new ApiError({
    ...error.problem,
    errors: error.problem.errors.map((item) => {
      const field = item.field.replace(/^person\./, '');
      const key = OWN_CODES[item.code as keyof typeof OWN_CODES];
      if (!key) return { ...item, field };
      const message = t(key, { label: labels[field] ?? field });
      return { ...item, field, message, message_zh: message };
    }),
  });
}
