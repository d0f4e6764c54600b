import { ERROR_MESSAGES, type ErrorCode, FIELD_MESSAGES, type FieldCode } from './messages.js';

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
  deadline_closed: 409,
  sample_refused: 409,
  internal: 500,
};

/** An expected failure with a stable code; the HTTP layer renders it as problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(ERROR_MESSAGES[code].en);
    this.status = STATUS[code];
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

export function toProblem(error: AppError): Problem {
  const text = ERROR_MESSAGES[error.code];
  return {
    type: `https://fangkong.local/problems/${error.code}`,
    title: text.en,
    status: error.status,
    code: error.code,
    detail: text.en,
    detail_zh: text.zh,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
    ...error.extra,
  };
}
