import type { Static } from 'typebox';
import type { ContactItemT, ContactQuery, ContactViewT } from '../../api/contacts.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import type { StoredPlan } from './plan.js';

type Filter = Static<typeof ContactQuery>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// The first open deadline of a contact: the transfer or hand-over while open (EPI-4's 12 hours), else
// the earliest. Deadlines are row-level secured by their owner's jurisdiction,
// so the sender of a hand-over sees none of the receiving county's: it reads the hand-over state.
const NEXT_DEADLINE_SQL = `(SELECT json_build_object('id', d.id, 'kind', d.kind, 'titleZh', d.title_zh, 'titleEn', d.title_en,
    'dueAt', d.due_at, 'ownerRole', d.owner_role, 'jurisdictionCode', d.jurisdiction_code)
  FROM deadlines d WHERE d.subject_type = 'contact' AND d.subject_id = c.id AND d.done_at IS NULL AND d.cancelled_at IS NULL
  ORDER BY d.kind NOT IN ('transfer', 'handover'), d.due_at, d.kind LIMIT 1)`;

const ITEM_SQL = `c.id, c.case_id AS "caseId", c.class, c.status, p.name AS "personName", p.id_masked AS "personIdMasked",
  c.jurisdiction_code AS "jurisdictionCode", (SELECT j.name FROM jurisdictions j WHERE j.code = c.jurisdiction_code) AS "jurisdictionName",
  c.source_code AS "sourceCode", c.address_unverified AS "addressUnverified", c.exposure_kind AS "exposureKind",
  c.exposure_at AS "exposureAt", c.identified_at AS "identifiedAt", c.handover_state AS "handoverState",
  ${NEXT_DEADLINE_SQL} AS "nextDeadline"`;

interface DeadlineJson {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  dueAt: string;
  ownerRole: string;
  jurisdictionCode: string;
  doneAt?: string | null;
  cancelledAt?: string | null;
}

function deadlineOf(d: DeadlineJson, now: Date) {
  const state = d.doneAt
    ? 'done'
    : d.cancelledAt
      ? 'cancelled'
      : new Date(d.dueAt) < now
        ? 'overdue'
        : 'open';
  return {
    id: d.id,
    kind: d.kind,
    title: { zh: d.titleZh, en: d.titleEn },
    dueAt: new Date(d.dueAt).toISOString(),
    ownerRole: d.ownerRole,
    jurisdictionCode: d.jurisdictionCode,
    state: state as 'open' | 'overdue' | 'done' | 'cancelled',
    doneAt: iso(d.doneAt ?? null),
  };
}

type ItemRow = Omit<ContactItemT, 'nextDeadline' | 'mine' | 'exposureAt' | 'identifiedAt'> & {
  exposureAt: Date;
  identifiedAt: Date;
  nextDeadline: DeadlineJson | null;
};

function itemOf(row: ItemRow, actor: Actor, now: Date): ContactItemT {
  return {
    ...row,
    exposureAt: new Date(row.exposureAt).toISOString(),
    identifiedAt: new Date(row.identifiedAt).toISOString(),
    mine: inScope(row.jurisdictionCode, actor.scopes),
    nextDeadline: row.nextDeadline ? deadlineOf(row.nextDeadline, now) : null,
  };
}

/** GET /api/contacts: the caller's contacts and the ones it handed over; open transfers first. */
export async function listContacts(
  tx: Queryable,
  actor: Actor,
  filter: Filter,
  page: number,
  pageSize: number,
  now: Date,
): Promise<{ items: ContactItemT[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.caseId) add((n) => `c.case_id = ${n}`, filter.caseId);
  if (filter.class) add((n) => `c.class = ${n}`, filter.class);
  if (filter.status) add((n) => `c.status = ${n}`, filter.status);
  if (filter.jurisdiction) add((n) => `c.jurisdiction_code ^@ ${n}`, filter.jurisdiction);
  if (filter.open) {
    where.push(`EXISTS (SELECT 1 FROM deadlines d WHERE d.subject_type = 'contact' AND d.subject_id = c.id
      AND d.kind IN ('transfer', 'handover') AND d.done_at IS NULL AND d.cancelled_at IS NULL)`);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM contacts c ${whereSql}`,
    params,
  );
  const rows = await tx.query<ItemRow>(
    `SELECT ${ITEM_SQL} FROM contacts c LEFT JOIN persons p ON p.id = c.person_id ${whereSql}
     ORDER BY (c.status IN ('released', 'discarded')), c.identified_at DESC, c.id
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items: rows.map((r) => itemOf(r, actor, now)), total: count?.n ?? 0 };
}

/** GET /api/contacts/:id: 404 outside the caller's scope (neither the manager nor the sender). */
export async function readContact(tx: Queryable, actor: Actor, id: string, now: Date): Promise<ContactViewT> {
  const [row] = await tx.query<
    ItemRow & {
      reason: string;
      sourceContactId: string | null;
      venueId: string | null;
      checkpointId: string | null;
      place: string | null;
      overlapMinutes: number | null;
      identifiedByName: string;
      plan: StoredPlan | null;
      closeReason: string | null;
      handoverAcceptedAt: Date | null;
      version: number;
    }
  >(
    `SELECT ${ITEM_SQL}, c.reason, c.source_contact_id AS "sourceContactId", c.exposure_venue_id AS "venueId",
       c.exposure_checkpoint_id AS "checkpointId", c.exposure_place AS place, c.overlap_minutes AS "overlapMinutes",
       c.identified_by_name AS "identifiedByName", c.plan, c.close_reason AS "closeReason",
       c.handover_accepted_at AS "handoverAcceptedAt", c.version
     FROM contacts c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
    [id],
  );
  if (!row) throw notFound();
  const item = itemOf(row, actor, now);
  const deadlines = await tx.query<DeadlineJson>(
    `SELECT id, kind, title_zh AS "titleZh", title_en AS "titleEn", due_at AS "dueAt", owner_role AS "ownerRole",
       jurisdiction_code AS "jurisdictionCode", done_at AS "doneAt", cancelled_at AS "cancelledAt"
     FROM deadlines WHERE subject_type = 'contact' AND subject_id = $1 ORDER BY due_at, kind`,
    [id],
  );
  const events = await tx.query<{ at: Date; actorName: string; kind: string; detail: unknown }>(
    `SELECT at, actor_name AS "actorName", kind, detail FROM contact_events WHERE contact_id = $1 ORDER BY id`,
    [id],
  );
  const cited = [...new Set((row.plan?.steps ?? []).map((s) => s.source.document))];
  const documents = await tx.query<{ id: string; title: string }>(
    'SELECT id, coalesce(short_title, title) AS title FROM source_documents WHERE id = ANY($1::text[])',
    [cited],
  );
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const plan = row.plan;
  return {
    ...item,
    reason: row.reason,
    sourceContactId: row.sourceContactId,
    exposure: {
      kind: row.exposureKind,
      venueId: row.venueId,
      checkpointId: row.checkpointId,
      place: row.place,
      at: item.exposureAt,
      overlapMinutes: row.overlapMinutes,
    },
    identifiedByName: row.identifiedByName,
    plan: plan
      ? {
          packId: plan.packId,
          packVersion: plan.packVersion,
          timeZone: plan.timeZone,
          day0: plan.day0,
          endDate: plan.endDate,
          steps: plan.steps.map((s) => ({
            ...s,
            dueAt: new Date(s.dueAt).toISOString(),
            documentTitle: titles.get(s.source.document) ?? null,
          })),
        }
      : null,
    deadlines: deadlines.map((d) => deadlineOf(d, now)),
    events: events.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
    closeReason: row.closeReason,
    handoverAcceptedAt: iso(row.handoverAcceptedAt),
    version: row.version,
  };
}
