import {
  type DeadlineState,
  DUE_SOON_MAX_MS,
  DUE_SOON_WINDOW_FRACTION,
  ESCALATE_AFTER_CAP_MS,
  ESCALATE_AFTER_FLOOR_MS,
  JURISDICTION_CODE_LENGTHS,
} from '../../rules/deadlines.js';

/**
 * The rule of src/rules/deadlines.ts as SQL conditions on `deadlines d`, for filtering and counting
 * in the database. Every condition on an open state bounds `d.due_at` so that the partial indexes
 * on open rows serve it. `now()` returns the placeholder of the moment judged at (see nowParam).
 */
export const OPEN = 'd.done_at IS NULL AND d.cancelled_at IS NULL';
export const CLOSED_AT = 'coalesce(d.done_at, d.cancelled_at)';

const seconds = (ms: number) => ms / 1000;
const DUE_SOON_MAX = `interval '${seconds(DUE_SOON_MAX_MS)} seconds'`;

/** The escalation period in seconds: the item's own, else its window between floor and cap. */
const ESCALATE_AFTER = `coalesce(d.escalate_after_seconds, greatest(${seconds(ESCALATE_AFTER_FLOOR_MS)},
  least(${seconds(ESCALATE_AFTER_CAP_MS)}, extract(epoch FROM d.due_at - d.opened_at))))`;

/**
 * When an overdue item starts to climb (climbStartMs of the rule): its due time, but never before
 * one escalation period after it was opened (nothing escalates on creation).
 */
const CLIMB_START = `greatest(d.due_at, d.opened_at + ${ESCALATE_AFTER} * interval '1 second')`;

const MAX_CODE_LENGTH = Math.max(...JURISDICTION_CODE_LENGTHS);

const dueSoonLimit = `least(${DUE_SOON_MAX}, (d.due_at - d.opened_at) / ${DUE_SOON_WINDOW_FRACTION})`;

/** A placeholder for `now`, added to `params` on first use (an unused parameter has no type). */
export function nowParam(now: Date, params: unknown[]): () => string {
  let placeholder: string | undefined;
  return () => {
    if (!placeholder) {
      params.push(now.toISOString());
      placeholder = `$${params.length}::timestamptz`;
    }
    return placeholder;
  };
}

/** A list filter: a state of the rule, or every open item ('pending'). */
export type StateFilter = DeadlineState | 'pending';

export function stateCondition(state: StateFilter, nowOf: () => string): string {
  if (state === 'pending' || state === 'done' || state === 'cancelled') return CLOSED_OR_PENDING[state];
  const now = nowOf();
  switch (state) {
    case 'overdue':
      return `${OPEN} AND d.due_at < ${now}`;
    case 'due_soon':
      return `${OPEN} AND d.due_at >= ${now} AND d.due_at <= ${now} + ${DUE_SOON_MAX}
        AND d.due_at - ${now} <= ${dueSoonLimit}`;
    case 'open':
      return `${OPEN} AND d.due_at >= ${now} AND d.due_at - ${now} > ${dueSoonLimit}`;
  }
}

const CLOSED_OR_PENDING = {
  pending: OPEN,
  done: 'd.done_at IS NOT NULL',
  cancelled: 'd.cancelled_at IS NOT NULL',
};

/** Open states are worked in due order; closed ones are read newest first. */
export function stateOrder(state: StateFilter): string {
  return state === 'done' || state === 'cancelled' ? `${CLOSED_AT} DESC, d.id` : 'd.due_at, d.id';
}

/** The state of an open item as SQL: 'overdue', 'due_soon' or 'open' (for counting by state). */
export function openStateCase(nowOf: () => string): string {
  const now = nowOf();
  return `CASE WHEN d.due_at < ${now} THEN 'overdue'
    WHEN d.due_at <= ${now} + ${DUE_SOON_MAX} AND d.due_at - ${now} <= ${dueSoonLimit} THEN 'due_soon'
    ELSE 'open' END`;
}

/**
 * Overdue items owned strictly below `scope` that have climbed to the level of `scope` or higher
 * (escalatedInto of the rule). An item reaches level 1 just after its climb start and one more level
 * per escalation period, so it reaches `scope` after as many whole periods as there are levels
 * strictly between its owner and `scope`; that number depends only on the length of the owner's
 * code. `d.due_at < now` is implied by the rest and kept for the partial indexes on open rows.
 */
function escalatedIntoCondition(scope: string, nowOf: () => string, params: unknown[]): string {
  const now = nowOf();
  params.push(scope, `${scope}:`);
  const [from, to] = [`$${params.length - 1}`, `$${params.length}`];
  const whens: string[] = [];
  for (let length = scope.length + 1; length <= MAX_CODE_LENGTH; length++) {
    const levelsBetween = JURISDICTION_CODE_LENGTHS.filter((l) => l > scope.length && l < length).length;
    whens.push(`WHEN ${length} THEN ${levelsBetween}`);
  }
  if (whens.length === 0) return 'false';
  const periodsNeeded = `(CASE length(d.jurisdiction_code) ${whens.join(' ')} END)`;
  return `(d.jurisdiction_code >= ${from} AND d.jurisdiction_code < ${to} AND d.due_at < ${now}
    AND ${now} > ${CLIMB_START}
    AND ${now} - ${CLIMB_START} >= ${periodsNeeded} * ${ESCALATE_AFTER} * interval '1 second')`;
}

export function escalatedToAnyCondition(
  scopes: readonly string[],
  nowOf: () => string,
  params: unknown[],
): string {
  const parts = scopes.map((scope) => escalatedIntoCondition(scope, nowOf, params));
  return parts.length > 0 ? `(${OPEN} AND (${parts.join(' OR ')}))` : 'false';
}
