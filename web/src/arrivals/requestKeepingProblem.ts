import { ApiError, type Problem, toProblem } from '../api/problem';

/**
 * An API failure that keeps the whole problem body: some answers carry more than the field list
 * (POST /api/policy/packs its `packErrors`, a refused phase end its `pending` tests), which the
 * shared client drops.
 */
export class ProblemWithBody extends ApiError {
  readonly body: Record<string, unknown>;

  constructor(problem: Problem, body: unknown) {
    super(problem);
    this.body = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  }
}

/** Like api.post/put, but a failure is a ProblemWithBody. */
export async function requestKeepingProblem<T>(
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page): toProblem words it from the status.
  }
  if (!response.ok)
    throw new ProblemWithBody(toProblem(response.status, parsed, response.statusText), parsed);
  return parsed as T;
}

/** A string-array member of a failure's body (e.g. `pending`), or [] when absent. */
export function bodyStrings(error: unknown, key: string): string[] {
  if (!(error instanceof ProblemWithBody)) return [];
  const value = error.body[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
