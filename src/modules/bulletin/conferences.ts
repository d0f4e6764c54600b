import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import {
  cancelDeadlines,
  closeDeadline,
  type DeadlineInput,
  openNewDeadlines,
} from '../../platform/deadlines/service.js';
import { fieldError, invalid, notFound } from '../../platform/errors.js';
import { conferenceDueDate, OUTBREAK_QUIET_DAYS } from '../../rules/bulletin.js';
import { FUTURE_TOLERANCE_MS } from '../../rules/clockSkew.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, localDate } from '../../rules/time.js';
import { localOutbreakStarts, outbreaksGone } from '../cases/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';

export const CONFERENCE_SUBJECT = 'press_conference';
export const CONFERENCE_KIND = 'bulletin.press_conference';
/** County codes are six digits (GB/T 2260): the level that holds the conference (CAS-5). */
const COUNTY_LENGTH = 6;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const CONFERENCE_COLUMNS = `p.id, p.jurisdiction_code AS "jurisdictionCode",
  coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = p.jurisdiction_code), '') AS "jurisdictionName",
  ${iso('p.first_case_at')} AS "firstCaseAt", ${iso('p.due_at')} AS "dueAt", ${iso('p.held_at')} AS "heldAt",
  p.place, p.spokesperson, p.note, p.recorded_by_name AS "recordedByName"`;

/** 12月8日, as a deadline title reads a date. */
const zhDate = (date: string) => {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
};

interface ConferenceView {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  firstCaseAt: string | null;
  dueAt: string | null;
  heldAt: string | null;
  place: string | null;
  spokesperson: string | null;
  note: string | null;
  recordedByName: string | null;
}

/**
 * CAS-5, set-based: every local outbreak start in the subtree `root` (see localOutbreakStarts) that
 * no conference row covers yet gets one, owed by the end of the next local day in its county, with its
 * deadline for the county's working group. Runs on the owner's connection (the sweep) or in a
 * transaction that sees the whole county. Returns how many were opened.
 */
export async function openOwedConferences(tx: Queryable, ctx: AppContext, root: string): Promise<number> {
  const starts = await localOutbreakStarts(tx, root, OUTBREAK_QUIET_DAYS);
  if (starts.length === 0) return 0;
  // Outbreak starts are decided from the conference rows already held, not re-derived alone: a case
  // that counts as a start only because an earlier first case was discarded belongs to the outbreak
  // whose conference (owed or held, not cancelled) began within the quiet days before it.
  const known = await tx.query<{ caseId: string }>(
    `SELECT s.case_id AS "caseId" FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS s(case_id, county, at)
     WHERE EXISTS (SELECT 1 FROM press_conferences p WHERE p.jurisdiction_code = s.county
       AND (p.first_case_id = s.case_id OR (p.first_case_id IS NOT NULL AND p.cancelled_at IS NULL
         AND p.first_case_at <= s.at AND s.at - p.first_case_at <= make_interval(days => $4))))`,
    [
      starts.map((s) => s.caseId),
      starts.map((s) => s.countyCode),
      starts.map((s) => new Date(s.countedAt).toISOString()),
      OUTBREAK_QUIET_DAYS,
    ],
  );
  const knownIds = new Set(known.map((k) => k.caseId));
  const fresh = starts.filter((s) => !knownIds.has(s.caseId));
  if (fresh.length === 0) return 0;
  const zones = new Map<string, string>();
  for (const county of new Set(fresh.map((s) => s.countyCode)))
    zones.set(county, await effectiveTimeZone(tx, county, ctx.config.defaultTimeZone));
  const rows = fresh.map((s) => {
    const zone = zones.get(s.countyCode) ?? ctx.config.defaultTimeZone;
    const countedAt = new Date(s.countedAt);
    const dueDate = conferenceDueDate(localDate(countedAt, zone));
    return { ...s, countedAt, dueDate, dueAt: endOfLocalDay(dueDate, zone) };
  });
  const inserted = await tx.query<{ id: string; caseId: string; county: string; name: string }>(
    `INSERT INTO press_conferences (jurisdiction_code, first_case_id, first_case_at, due_at)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::timestamptz[])
     ON CONFLICT (first_case_id) WHERE first_case_id IS NOT NULL DO NOTHING
     RETURNING id, first_case_id AS "caseId", jurisdiction_code AS county,
       coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = jurisdiction_code), '') AS name`,
    [
      rows.map((r) => r.countyCode),
      rows.map((r) => r.caseId),
      rows.map((r) => r.countedAt.toISOString()),
      rows.map((r) => r.dueAt.toISOString()),
    ],
  );
  const byCase = new Map(rows.map((r) => [r.caseId, r]));
  await openNewDeadlines(
    tx,
    inserted.flatMap((row) => {
      const start = byCase.get(row.caseId);
      if (!start) return [];
      const input: DeadlineInput = {
        ruleId: 'CAS-5',
        subjectType: CONFERENCE_SUBJECT,
        subjectId: row.id,
        kind: CONFERENCE_KIND,
        jurisdictionCode: row.county,
        ownerRole: 'working_group',
        openedAt: start.countedAt,
        dueAt: start.dueAt,
        title: {
          zh: `${row.name}出现本土病例，须于${zhDate(start.dueDate)}24时前召开新闻发布会`,
          en: `First local case in ${row.name}: hold a press conference by the end of ${start.dueDate}`,
        },
      };
      return [input];
    }),
  );
  return inserted.length;
}

/** Why a conference owed after a first case was cancelled (CAS-5). */
const FIRST_CASE_DISCARDED = 'first local case discarded';

/**
 * CAS-5: a conference owed and not held whose first case has been discarded (排除), with no other
 * local case of its outbreak left, is cancelled with its deadline: there was no outbreak to announce.
 * One already held stays as it was. Returns how many were cancelled.
 */
async function cancelVanishedConferences(tx: Queryable, ctx: AppContext, root: string): Promise<number> {
  const owed = await tx.query<{ id: string; caseId: string; countyCode: string; countedAt: Date }>(
    `SELECT id, first_case_id AS "caseId", jurisdiction_code AS "countyCode", first_case_at AS "countedAt"
     FROM press_conferences
     WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2 AND first_case_id IS NOT NULL
       AND held_at IS NULL AND cancelled_at IS NULL`,
    [root, `${root}:`],
  );
  const gone = new Set(await outbreaksGone(tx, root, OUTBREAK_QUIET_DAYS, owed));
  const ids = owed.filter((o) => gone.has(o.caseId)).map((o) => o.id);
  if (ids.length === 0) return 0;
  const now = ctx.now();
  await tx.query(
    `UPDATE press_conferences SET cancelled_at = $2, cancel_reason = $3
     WHERE id = ANY($1::uuid[]) AND held_at IS NULL AND cancelled_at IS NULL`,
    [ids, now.toISOString(), FIRST_CASE_DISCARDED],
  );
  for (const id of ids)
    await cancelDeadlines(tx, { subjectType: CONFERENCE_SUBJECT, subjectId: id }, FIRST_CASE_DISCARDED, now);
  return ids.length;
}

/**
 * The sweep over every county, on the owner's connection (row-level security does not apply): first
 * the conferences whose outbreak vanished are cancelled, then those newly owed are opened. Returns
 * how many were opened.
 */
export async function sweepConferences(ctx: AppContext): Promise<number> {
  const roots = await ctx.db.query<{ code: string }>(
    "SELECT code FROM jurisdictions WHERE level = 'province' ORDER BY code",
  );
  let opened = 0;
  for (const root of roots)
    opened += await ctx.db.transaction(async (tx) => {
      await cancelVanishedConferences(tx, ctx, root.code);
      return openOwedConferences(tx, ctx, root.code);
    });
  return opened;
}

interface ConferenceInput {
  jurisdictionCode: string;
  heldAt: string;
  place: string;
  spokesperson: string;
  note?: string | undefined;
}

/**
 * Records a press conference a county held: it answers the oldest conference still owed there (its
 * deadline closed), or stands as a regular release when none is owed. Audited.
 */
export async function recordConference(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  input: ConferenceInput,
): Promise<ConferenceView> {
  const county = input.jurisdictionCode;
  if (county.length !== COUNTY_LENGTH) throw invalid([fieldError('jurisdictionCode', 'format')]);
  if (!inScope(county, actor.scopes)) throw notFound();
  const heldAt = new Date(input.heldAt);
  if (heldAt.getTime() > ctx.now().getTime() + FUTURE_TOLERANCE_MS)
    throw invalid([fieldError('heldAt', 'in_future')]);
  const [exists] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [county]);
  if (!exists) throw notFound();
  const values = [
    heldAt.toISOString(),
    input.place,
    input.spokesperson,
    input.note ?? null,
    actor.userId,
    actor.displayName,
    ctx.now().toISOString(),
  ];
  const [owed] = await tx.query<{ id: string }>(
    `UPDATE press_conferences SET held_at = $2, place = $3, spokesperson = $4, note = $5, recorded_by = $6,
       recorded_by_name = $7, recorded_at = $8
     WHERE id = (SELECT id FROM press_conferences WHERE jurisdiction_code = $1 AND held_at IS NULL
       AND cancelled_at IS NULL ORDER BY due_at, id LIMIT 1 FOR UPDATE)
     RETURNING id`,
    [county, ...values],
  );
  let id = owed?.id;
  if (id) {
    await closeDeadline(
      tx,
      { subjectType: CONFERENCE_SUBJECT, subjectId: id, kind: CONFERENCE_KIND },
      { at: ctx.now(), by: actor.userId, outcome: 'held' },
    );
  } else {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO press_conferences (jurisdiction_code, held_at, place, spokesperson, note, recorded_by,
         recorded_by_name, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [county, ...values],
    );
    if (!row) throw new Error('recordConference: the conference was not written');
    id = row.id;
  }
  const view = await readConference(tx, id);
  await recordAudit(tx, actor, {
    action: 'bulletin.press_conference',
    entity: 'press_conference',
    entityId: id,
    jurisdictionCode: county,
    after: { ...view },
    detail: { owed: Boolean(owed) },
  });
  return view;
}

async function readConference(tx: Queryable, id: string): Promise<ConferenceView> {
  const [row] = await tx.query<ConferenceView>(
    `SELECT ${CONFERENCE_COLUMNS} FROM press_conferences p WHERE p.id = $1`,
    [id],
  );
  if (!row) throw notFound();
  return row;
}

/** Conferences of the subtree `root`: those owed and not held first (soonest due), then the latest held. */
export function listConferences(tx: Queryable, root: string, limit = 50): Promise<ConferenceView[]> {
  return tx.query<ConferenceView>(
    `SELECT ${CONFERENCE_COLUMNS} FROM press_conferences p
     WHERE p.jurisdiction_code >= $1 AND p.jurisdiction_code < $2 AND p.cancelled_at IS NULL
     ORDER BY (p.held_at IS NULL) DESC, p.due_at ASC NULLS LAST, p.held_at DESC, p.id
     LIMIT $3`,
    [root.slice(0, COUNTY_LENGTH), `${root.slice(0, COUNTY_LENGTH)}:`, limit],
  );
}
