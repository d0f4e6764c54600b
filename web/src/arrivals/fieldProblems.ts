import type { FieldProblemOptions } from '../common/applyFieldProblems';

/**
 * The API names the person's fields `person.name`, `person.idNumber`, …; the form holds them at the
 * top level. The arrival's own codes, which the shared field messages do not word
 * (src/platform/messages.ts), are worded with the form's label.
 */
export const ARRIVAL_PROBLEMS: FieldProblemOptions = {
  rename: (field) => field.replace(/^person\./, ''),
  codeKeys: {
    in_future: 'arrivals.form.errors.inFuture',
    after_arrival: 'arrivals.form.errors.afterArrival',
    origin_code_required: 'arrivals.form.errors.originCodeRequired',
  },
};
