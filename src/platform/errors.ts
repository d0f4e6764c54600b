import { ERROR_MESSAGES, type ErrorCode } from './errorMessages.js';
import { FIELD_MESSAGES, type FieldCode } from './messages.js';

export interface FieldError {
  field: string;
  code: FieldCode;
  message: string;
  message_zh: string;
}

export function fieldError(field: string, code: FieldCode): FieldError {
  const text = FIELD_MESSAGES[code];
  return { field, code, message: `${field} ${text.en}`, message_zh: `${field}${text.zh}` };
}

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  token_not_allowed: 403,
  forbidden: 403,
  cross_origin: 403,
  not_found: 404,
  person_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  challenge_required: 428,
  bad_file: 400,
  conflict: 409,
  plan_missing: 409,
  plan_item_recorded: 409,
  release_tests_pending: 409,
  pack_version_exists: 409,
  wrong_state: 409,
  case_not_treatable: 409,
  transfer_id_taken: 409,
  leave_taken: 409,
  id_taken: 409,
  import_running: 409,
  name_taken: 409,
  team_member_exists: 409,
  team_inactive: 409,
  target_date_taken: 409,
  landing_ended: 409,
  duplicate_submission: 409,
  handover_closed: 409,
  handover_person_moved: 409,
  alert_reviewed: 409,
  review_settled: 409,
  document_exists: 409,
  assignment_replans: 409,
  deadline_closed: 409,
  plan_replaced: 409,
  sample_refused: 409,
  case_open: 409,
  case_discarded: 409,
  case_nothing_to_review: 409,
  investigation_closed: 409,
  review_own_report: 403,
  chain_cycle: 409,
  chain_link_exists: 409,
  chain_link_removed: 409,
  room_not_ready: 409,
  room_full: 409,
  single_room_required: 409,
  stay_open: 409,
  stay_closed: 409,
  release_not_allowed: 409,
  site_has_occupants: 409,
  reading_recorded: 409,
  alert_handled: 409,
  internal: 500,
};

/** The names a message template fills in: 'Version {version} …' → 'version'. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
type ParamsOf<C extends ErrorCode> = Placeholders<(typeof ERROR_MESSAGES)[C]['en']>;

/**
 * The extra members of a problem: required, with a value for each name its message fills in, when
 * the code is known where the error is made; free when an error is passed on with its own code.
 */
type ExtraArgs<C extends ErrorCode> = ErrorCode extends C
  ? [extra?: Record<string, unknown>]
  : [ParamsOf<C>] extends [never]
    ? [extra?: Record<string, unknown>]
    : [extra: Record<ParamsOf<C>, string | number> & Record<string, unknown>];

/** A message with its {names} filled in from the error's extra members. */
function fill(text: string, extra: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = extra[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}

/** An expected failure with a stable code; the HTTP layer renders it as problem+json. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;
  constructor(
    readonly code: C,
    readonly fields: FieldError[] = [],
    ...[extra]: ExtraArgs<C>
  ) {
    super(fill(ERROR_MESSAGES[code].en, extra ?? {}));
    this.status = STATUS[code];
    this.extra = extra ?? {};
  }
}

export const invalid = (fields: FieldError[]) => new AppError('validation', fields);
export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  detail_zh: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/**
 * The problem+json body: the code's own sentence at the top level, in both languages (each refusal
 * has its own code: a conflict says what it is, e.g. a result recorded already, not "changed by
 * someone else", which is for concurrent edits only), and the field errors below it.
 */
export function toProblem(error: AppError): Problem {
  const text = ERROR_MESSAGES[error.code];
  const en = fill(text.en, error.extra);
  return {
    type: `https://fangkong.local/problems/${error.code}`,
    title: en,
    status: error.status,
    code: error.code,
    detail: en,
    detail_zh: fill(text.zh, error.extra),
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
    ...error.extra,
  };
}
