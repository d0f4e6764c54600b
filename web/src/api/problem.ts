/** One field problem of an application/problem+json body, in both languages. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
  message_zh: string;
}

/** The API's error body (RFC 9457 problem details with a stable `code` and zh/en text). */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  detail_zh: string;
  errors?: FieldProblem[];
  existingId?: string;
}

/** A failed API call, carrying the parsed problem so callers can branch on `code`. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toFieldProblems(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((item) => ({
    field: String(item.field ?? ''),
    code: String(item.code ?? ''),
    message: String(item.message ?? ''),
    message_zh: String(item.message_zh ?? item.message ?? ''),
  }));
}

/** Reads a problem body defensively: a proxy or a crash may answer with something else. */
export function toProblem(status: number, body: unknown, statusText: string): Problem {
  if (!isRecord(body) || typeof body.code !== 'string') {
    return {
      status,
      code: `http_${status}`,
      detail: statusText || `HTTP ${status}`,
      detail_zh: statusText || `HTTP ${status}`,
    };
  }
  const detail = typeof body.detail === 'string' ? body.detail : statusText;
  const errors = toFieldProblems(body.errors);
  return {
    status,
    code: body.code,
    detail,
    detail_zh: typeof body.detail_zh === 'string' ? body.detail_zh : detail,
    ...(errors ? { errors } : {}),
    ...(typeof body.existingId === 'string' ? { existingId: body.existingId } : {}),
  };
}
