import { ROLES, type Role } from '../../rules/roles.js';
import type { Queryable } from '../db/types.js';

/**
 * Opening, closing and cancelling obligations: the calls every module makes from inside its own
 * write transaction (and audits as part of that write). Lists and escalation are in ./list.ts.
 */
interface Text {
  zh: string;
  en: string;
}

export interface DeadlineKey {
  subjectType: string;
  subjectId: string;
  kind: string;
}

export interface DeadlineInput extends DeadlineKey {
  ruleId: string;
  jurisdictionCode: string;
  ownerRole: Role;
  dueAt: Date;
  title: Text;
  personId?: string | null;
  /**
   * When the obligation arose (pass `ctx.now()`); defaults to the database clock. Its window,
   * due − opened, sets the default escalation period and the due-soon threshold. Kept on re-open.
   */
  openedAt?: Date;
  /** Climb one level per this many minutes once overdue, instead of the window-based default. */
  escalateAfterMinutes?: number | null;
}

const RULE_ID = /^[A-Z]{2,5}-\d{1,3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Characters of a title (deadlines.title_zh/en); callers that compose titles cut them to this. */
export const DEADLINE_TITLE_MAX = 200;

/** Refuses inputs that are programming errors, before they reach a constraint as a 500. */
function check(input: DeadlineInput): void {
  const checks: Array<[boolean, string]> = [
    [RULE_ID.test(input.ruleId), `rule id ${input.ruleId}`],
    [ROLES.includes(input.ownerRole), `owner role ${input.ownerRole}`],
    [/^\d{2,15}$/.test(input.jurisdictionCode), `jurisdiction ${input.jurisdictionCode}`],
    [!Number.isNaN(input.dueAt.getTime()), 'due time'],
    [[input.title.zh, input.title.en].every((t) => t && t.length <= DEADLINE_TITLE_MAX), 'title'],
    [UUID.test(input.subjectId), `subject id ${input.subjectId}`],
    [!input.personId || UUID.test(input.personId), `person id ${input.personId}`],
  ];
  const failed = checks.find(([ok]) => !ok);
  if (failed) throw new Error(`openDeadline: invalid ${failed[1]}`);
}

const iso = (value: Date | undefined | null) => (value ? value.toISOString() : null);

const keyOf = (k: DeadlineKey) => `${k.subjectType}\u0000${k.subjectId.toLowerCase()}\u0000${k.kind}`;

/** Checked inputs, the last one for each key (one statement may not touch a row twice). */
function uniqueInputs(inputs: readonly DeadlineInput[]): DeadlineInput[] {
  for (const input of inputs) check(input);
  return [...new Map(inputs.map((input) => [keyOf(input), input])).values()];
}

/** The INSERT of `inputs` as rows `x` of an unnest; the caller adds a WHERE and ON CONFLICT. */
const INSERT_ROWS = `INSERT INTO deadlines AS d (rule_id, subject_type, subject_id, kind, person_id, jurisdiction_code,
    owner_role, title_zh, title_en, opened_at, due_at, escalate_after_seconds)
  SELECT r, st, si, k, p, j, o, tz, te, coalesce(oa, now()), du, ea
  FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::timestamptz[], $11::timestamptz[], $12::int[]) AS x(r, st, si, k, p, j, o, tz, te, oa, du, ea)`;

function insertParams(unique: readonly DeadlineInput[]): unknown[] {
  const column = <T>(pick: (input: DeadlineInput) => T) => unique.map(pick);
  return [
    column((i) => i.ruleId),
    column((i) => i.subjectType),
    column((i) => i.subjectId),
    column((i) => i.kind),
    column((i) => i.personId ?? null),
    column((i) => i.jurisdictionCode),
    column((i) => i.ownerRole),
    column((i) => i.title.zh),
    column((i) => i.title.en),
    column((i) => iso(i.openedAt)),
    column((i) => iso(i.dueAt)),
    column((i) => (i.escalateAfterMinutes ? Math.round(i.escalateAfterMinutes * 60) : null)),
  ];
}

type WrittenKey = DeadlineKey & { id: string };
const RETURNING_KEY = 'RETURNING d.id, d.subject_type AS "subjectType", d.subject_id AS "subjectId", d.kind';

/**
 * Opens many obligations in one statement; a key already open is moved and retitled (its
 * opening time kept), and left untouched when nothing changed. Returns the ids in input order.
 */
export async function openDeadlines(tx: Queryable, inputs: readonly DeadlineInput[]): Promise<string[]> {
  const unique = uniqueInputs(inputs);
  if (unique.length === 0) return [];
  const written = await tx.query<WrittenKey>(
    `${INSERT_ROWS}
     ON CONFLICT (subject_type, subject_id, kind) WHERE done_at IS NULL AND cancelled_at IS NULL
     DO UPDATE SET rule_id = excluded.rule_id, person_id = excluded.person_id,
       jurisdiction_code = excluded.jurisdiction_code, owner_role = excluded.owner_role,
       title_zh = excluded.title_zh, title_en = excluded.title_en, due_at = excluded.due_at,
       escalate_after_seconds = excluded.escalate_after_seconds, updated_at = now()
     WHERE (d.rule_id, d.person_id, d.jurisdiction_code, d.owner_role, d.title_zh, d.title_en, d.due_at,
       d.escalate_after_seconds) IS DISTINCT FROM (excluded.rule_id, excluded.person_id, excluded.jurisdiction_code,
       excluded.owner_role, excluded.title_zh, excluded.title_en, excluded.due_at, excluded.escalate_after_seconds)
     ${RETURNING_KEY}`,
    insertParams(unique),
  );
  const ids = new Map(written.map((row) => [keyOf(row), row.id]));
  const unchanged = unique.filter((input) => !ids.has(keyOf(input)));
  if (unchanged.length > 0) {
    const found = await tx.query<WrittenKey>(
      `SELECT d.id, d.subject_type AS "subjectType", d.subject_id AS "subjectId", d.kind
       FROM unnest($1::text[], $2::uuid[], $3::text[]) AS x(st, si, k)
       JOIN deadlines d ON d.subject_type = x.st AND d.subject_id = x.si AND d.kind = x.k
         AND d.done_at IS NULL AND d.cancelled_at IS NULL`,
      [unchanged.map((i) => i.subjectType), unchanged.map((i) => i.subjectId), unchanged.map((i) => i.kind)],
    );
    for (const row of found) ids.set(keyOf(row), row.id);
  }
  return inputs.map((input) => {
    const id = ids.get(keyOf(input));
    if (!id) throw new Error('openDeadlines: an obligation was neither written nor found');
    return id;
  });
}

/**
 * Opens, in one statement, the obligations whose key was never opened before: not open, done or
 * cancelled. For a duty owed once per key, such as a missed routine test pushed once per missed
 * date (TST-5), which must not come back after it was done. Same checks as openDeadlines; an
 * existing key is left as it is. Returns the keys opened, with their ids.
 */
export async function openNewDeadlines(
  tx: Queryable,
  inputs: readonly DeadlineInput[],
): Promise<WrittenKey[]> {
  const unique = uniqueInputs(inputs);
  if (unique.length === 0) return [];
  return tx.query<WrittenKey>(
    `${INSERT_ROWS}
     WHERE NOT EXISTS (SELECT 1 FROM deadlines e WHERE e.subject_id = x.si AND e.subject_type = x.st AND e.kind = x.k)
     ON CONFLICT (subject_type, subject_id, kind) WHERE done_at IS NULL AND cancelled_at IS NULL DO NOTHING
     ${RETURNING_KEY}`,
    insertParams(unique),
  );
}

/** Opens (or, if the same key is already open, moves/retitles) an obligation; idempotent on the key. Returns its id. */
export async function openDeadline(tx: Queryable, input: DeadlineInput): Promise<string> {
  const [id] = await openDeadlines(tx, [input]);
  if (!id) throw new Error('openDeadline: no obligation was opened');
  return id;
}

export interface Completion {
  at: Date;
  by?: string | null;
  outcome?: string;
}

/** Closes the open obligations with these keys; returns how many were open. */
async function closeDeadlines(
  tx: Queryable,
  keys: readonly DeadlineKey[],
  done: Completion,
): Promise<number> {
  if (keys.length === 0) return 0;
  const closed = await tx.query<{ id: string }>(
    `UPDATE deadlines d SET done_at = $4, done_by = $5, outcome = $6, updated_at = now()
     FROM unnest($1::text[], $2::uuid[], $3::text[]) AS x(st, si, k)
     WHERE d.subject_type = x.st AND d.subject_id = x.si AND d.kind = x.k
       AND d.done_at IS NULL AND d.cancelled_at IS NULL
     RETURNING d.id`,
    [
      keys.map((k) => k.subjectType),
      keys.map((k) => k.subjectId),
      keys.map((k) => k.kind),
      iso(done.at),
      done.by ?? null,
      done.outcome ?? null,
    ],
  );
  return closed.length;
}

/** Closes the open obligation with that key; returns false when none was open. */
export async function closeDeadline(tx: Queryable, key: DeadlineKey, done: Completion): Promise<boolean> {
  return (await closeDeadlines(tx, [key], done)) > 0;
}

/** Cancels every open obligation of a subject (e.g. a plan replaced by a new pack version); returns how many. */
export async function cancelDeadlines(
  tx: Queryable,
  subject: { subjectType: string; subjectId: string },
  reason: string,
  at: Date,
  options: { onlyDueAfter?: Date } = {},
): Promise<number> {
  // With onlyDueAfter, what was already owed stays open (and overdue): only what is not yet due goes.
  const cancelled = await tx.query<{ id: string }>(
    `UPDATE deadlines SET cancelled_at = $3, cancel_reason = $4, updated_at = now()
     WHERE subject_type = $1 AND subject_id = $2 AND done_at IS NULL AND cancelled_at IS NULL
       AND ($5::timestamptz IS NULL OR due_at > $5::timestamptz)
     RETURNING id`,
    [
      subject.subjectType,
      subject.subjectId,
      iso(at),
      reason,
      options.onlyDueAfter ? iso(options.onlyDueAfter) : null,
    ],
  );
  return cancelled.length;
}

/**
 * Cancels, for each key given, the open obligations of its subject in the same series (kinds that
 * start with `kindPrefix`) whose kind sorts before the key's: the later duty supersedes the earlier
 * (e.g. only a person's latest missed routine test is worked, TST-5). Returns how many.
 */
export async function cancelSupersededDeadlines(
  tx: Queryable,
  latest: readonly DeadlineKey[],
  kindPrefix: string,
  reason: string,
  at: Date,
): Promise<number> {
  if (latest.length === 0 || kindPrefix === '') return 0;
  const cancelled = await tx.query<{ id: string }>(
    `UPDATE deadlines d SET cancelled_at = $5, cancel_reason = $6, updated_at = now()
     FROM unnest($1::text[], $2::uuid[], $3::text[]) AS x(st, si, k)
     WHERE d.subject_type = x.st AND d.subject_id = x.si AND x.k ^@ $4 AND d.kind ^@ $4
       AND d.kind COLLATE "C" < x.k COLLATE "C" AND d.done_at IS NULL AND d.cancelled_at IS NULL
     RETURNING d.id`,
    [
      latest.map((k) => k.subjectType),
      latest.map((k) => k.subjectId),
      latest.map((k) => k.kind),
      kindPrefix,
      iso(at),
      reason,
    ],
  );
  return cancelled.length;
}

/**
 * Cancels every open obligation of these subjects whose kind starts with `kindPrefix`: a duty that
 * is no longer owed (e.g. a missed routine test of someone who left the key group, TST-5), which
 * would otherwise go overdue and escalate. Returns how many.
 */
export async function cancelDeadlinesByKindPrefix(
  tx: Queryable,
  subjectType: string,
  subjectIds: readonly string[],
  kindPrefix: string,
  reason: string,
  at: Date,
): Promise<number> {
  if (subjectIds.length === 0 || kindPrefix === '') return 0;
  const cancelled = await tx.query<{ id: string }>(
    `UPDATE deadlines SET cancelled_at = $4, cancel_reason = $5, updated_at = now()
     WHERE subject_type = $1 AND subject_id = ANY ($2::uuid[]) AND kind ^@ $3
       AND done_at IS NULL AND cancelled_at IS NULL
     RETURNING id`,
    [subjectType, subjectIds, kindPrefix, iso(at), reason],
  );
  return cancelled.length;
}

/**
 * Closes every open obligation of these subjects whose kind starts with one of `kindPrefixes`
 * (e.g. a person sampled clears "resample:*" and "routine:*" at once), wherever it is owed: a
 * pool member handed over by another county's lab is re-sampled by their own county, whose scope
 * does not reach the hand-over (TST-1). Runs through a security-definer function (migration 0062)
 * that closes only these subjects and kinds. Returns how many.
 */
export async function closeDeadlinesByKindPrefix(
  tx: Queryable,
  subjectType: string,
  subjectIds: readonly string[],
  kindPrefixes: readonly string[],
  done: Completion,
): Promise<number> {
  if (subjectIds.length === 0 || kindPrefixes.length === 0 || kindPrefixes.includes('')) return 0;
  const [closed] = await tx.query<{ n: number }>(
    `SELECT fangkong_close_deadlines_by_prefix($1, $2::uuid[], $3::text[], $4::timestamptz, $5::uuid, $6) AS n`,
    [subjectType, subjectIds, kindPrefixes, iso(done.at), done.by ?? null, done.outcome ?? null],
  );
  return closed?.n ?? 0;
}

/**
 * Cancels the open obligations with these exact keys, wherever they are owed (e.g. the tasks a
 * tube's positive result opened, when the result is corrected: they never were owed, and some sit
 * on a city lab's or another county's list, out of the corrector's scope). Runs through a
 * security-definer function (migration 0063) that cancels exactly these keys. Returns how many.
 */
export async function cancelDeadlinesByKey(
  tx: Queryable,
  keys: readonly DeadlineKey[],
  reason: string,
  at: Date,
): Promise<number> {
  if (keys.length === 0) return 0;
  const [cancelled] = await tx.query<{ n: number }>(
    'SELECT fangkong_cancel_deadlines_by_key($1::text[], $2::uuid[], $3::text[], $4::timestamptz, $5) AS n',
    [keys.map((k) => k.subjectType), keys.map((k) => k.subjectId), keys.map((k) => k.kind), iso(at), reason],
  );
  return cancelled?.n ?? 0;
}
