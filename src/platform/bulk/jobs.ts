import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../errors.js';
import { countText, limitField } from './limits.js';

/**
 * What an import job's status reads as: a running job whose heartbeat is older than
 * `staleSeconds` was cut off (the server stopped or was killed) and reads as 'interrupted'.
 * `alias` is the job table's alias in the query.
 */
export function jobStatusSql(alias: string, staleSeconds: number): string {
  const seconds = Math.trunc(staleSeconds);
  return `CASE WHEN ${alias}.status = 'running' AND coalesce(${alias}.heartbeat_at, ${alias}.started_at)
    < now() - make_interval(secs => ${seconds}) THEN 'interrupted' ELSE ${alias}.status END`;
}

/**
 * Beats every quarter of `staleSeconds` while an import runs (its batches beat too), so a slow
 * upload between two batches never reads as interrupted. A failed beat is logged, never thrown.
 */
export function startHeartbeat(
  staleSeconds: number,
  beat: () => Promise<unknown>,
  onError: (error: unknown) => void,
): { stop: () => void } {
  let busy = false;
  const timer = setInterval(
    () => {
      if (busy) return;
      busy = true;
      beat()
        .catch(onError)
        .finally(() => {
          busy = false;
        });
    },
    Math.max(250, (staleSeconds * 1000) / 4),
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Lets other requests run between two batches of an import (E17 of issue 11: health checks took
 * 3 s during a big import): the batch's work is synchronous on the embedded database.
 */
export const yieldToOthers = (): Promise<void> => nextTurn();

/** Why an import failed, as its record keeps it (the API's ImportFailure enumeration). */
export type ImportFailure = 'bad_file' | 'too_many_rejected' | 'upload' | 'error';

/** The reason an import stopped on `error`. */
export function failureOf(error: unknown): ImportFailure {
  if (!(error instanceof AppError)) return 'error';
  if (error.fields.some((f) => f.code === 'too_many_rejected')) return 'too_many_rejected';
  const upload = error.fields.some((f) => f.code === 'file_incomplete' || f.code.startsWith('upload_'));
  if (error.code === 'payload_too_large' || upload) return 'upload';
  return 'bad_file';
}

/** The import stops here: more rows were rejected than `max` (the file is not what was meant). */
export function tooManyRejected(max: number, extra: Record<string, unknown> = {}): AppError {
  return new AppError('bad_file', [limitField('file', 'too_many_rejected', countText(max))], {
    maxRejectedRows: max,
    ...extra,
  });
}
