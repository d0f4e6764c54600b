import type { StayItemT, StayQueryT, StayViewT } from '../../api/isolationStays.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { purposeOf, transferDue } from '../../rules/isolationAllocation.js';
import { HOME_RULES } from './homeStays.js';
import { shownName } from './staySources.js';

/** Stays as lists and pages show them (ISO-4, ISO-5): the person masked, the site and room, the dates. */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const ITEM_SQL = `st.id, st.kind, st.status, st.person_id AS "personId", coalesce(p.name, '***') AS "personName",
  p.id_masked AS "personIdMasked", st.source_type AS "sourceType", st.source_id AS "sourceId",
  st.jurisdiction_code AS "jurisdictionCode", st.site_id AS "siteId", si.name AS "siteName", st.room_id AS "roomId",
  r.number AS "roomNumber", r.floor, st.household_key AS "householdKey", st.allocated_at AS "allocatedAt",
  st.started_at AS "startedAt", to_char(st.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate",
  st.ended_at AS "endedAt", st.end_kind AS "endKind"`;
const FROM_SQL = `isolation_stays st LEFT JOIN persons p ON p.id = st.person_id
  LEFT JOIN isolation_sites si ON si.id = st.site_id LEFT JOIN isolation_rooms r ON r.id = st.room_id`;

type ItemRow = Omit<StayItemT, 'allocatedAt' | 'startedAt' | 'endedAt'> & {
  allocatedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
};

const itemOf = (actor: Actor, row: ItemRow): StayItemT => ({
  ...row,
  personName: shownName(actor, row.personName),
  allocatedAt: iso(row.allocatedAt),
  startedAt: iso(row.startedAt),
  endedAt: iso(row.endedAt),
});

export async function listStays(
  tx: Queryable,
  actor: Actor,
  filter: StayQueryT,
  page: number,
  pageSize: number,
): Promise<{ items: StayItemT[]; total: number }> {
  const params: unknown[] = [];
  const where = [scopeCondition('st.jurisdiction_code', actor.scopes, params)];
  if (filter.jurisdiction) where.push(scopeCondition('st.jurisdiction_code', [filter.jurisdiction], params));
  if (filter.status) {
    params.push(filter.status);
    where.push(`st.status = $${params.length}`);
  }
  if (filter.state)
    where.push(
      filter.state === 'open'
        ? "st.status IN ('allocated', 'in_room', 'home')"
        : "st.status IN ('ended', 'cancelled')",
    );
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`st.kind = $${params.length}`);
  }
  if (filter.siteId) {
    params.push(filter.siteId);
    where.push(`st.site_id = $${params.length}`);
  }
  if (filter.endingBy) {
    params.push(filter.endingBy);
    where.push(
      `st.planned_end_date <= $${params.length}::date AND st.status IN ('allocated', 'in_room', 'home')`,
    );
  }
  const clause = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM isolation_stays st WHERE ${clause}`,
    params,
  );
  const rows = await tx.query<ItemRow>(
    `SELECT ${ITEM_SQL} FROM ${FROM_SQL} WHERE ${clause}
     ORDER BY st.status IN ('ended', 'cancelled'), st.ended_at DESC NULLS FIRST, st.planned_end_date, si.name, r.floor, length(r.number), r.number, st.id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, pageSize, (page - 1) * pageSize],
  );
  return { items: rows.map((row) => itemOf(actor, row)), total: count?.n ?? 0 };
}

interface TransferRow {
  id: string;
  direction: 'in' | 'out';
  fromPlace: string;
  toPlace: string;
  vehicle: string | null;
  escortName: string | null;
  departedAt: Date;
  arrivedAt: Date | null;
}

export async function readStay(tx: Queryable, actor: Actor, stayId: string, now: Date): Promise<StayViewT> {
  const [row] = await tx.query<ItemRow & { endReason: string | null; nextStayId: string | null }>(
    `SELECT ${ITEM_SQL}, st.end_reason AS "endReason", st.next_stay_id AS "nextStayId" FROM ${FROM_SQL} WHERE st.id = $1`,
    [stayId],
  );
  if (!row) throw notFound();
  const transfers = await tx.query<TransferRow>(
    `SELECT id, direction, from_place AS "fromPlace", to_place AS "toPlace", vehicle, escort_name AS "escortName",
       departed_at AS "departedAt", arrived_at AS "arrivedAt"
     FROM isolation_transfers WHERE stay_id = $1 ORDER BY departed_at, recorded_at`,
    [stayId],
  );
  const item = itemOf(actor, row);
  const purpose = await purposeOfStay(tx, item);
  const transfer =
    item.sourceType === 'contact' && item.kind === 'centralised' ? await transferOf(tx, item, now) : null;
  return {
    ...item,
    endReason: row.endReason,
    nextStayId: row.nextStayId,
    purpose,
    transfer,
    transfers: transfers.map((t) => ({
      ...t,
      departedAt: iso(t.departedAt) as string,
      arrivedAt: iso(t.arrivedAt),
    })),
    timeline: timelineOf(item, transfers),
    homeRules: item.kind === 'home' ? HOME_RULES.map((r) => ({ ...r })) : [],
  };
}

async function purposeOfStay(tx: Queryable, item: StayItemT): Promise<StayViewT['purpose']> {
  if (item.sourceType === 'contact') return purposeOf({ sourceType: 'contact' });
  const [row] = await tx.query<{ origin: 'overseas' | 'domestic' }>(
    'SELECT origin FROM arrivals WHERE id = $1',
    [item.sourceId],
  );
  return row ? purposeOf({ sourceType: 'arrival', origin: row.origin }) : null;
}

/** A contact's transfer deadline (EPI-4): as the deadlines hold it, else as the plan says. */
async function transferOf(tx: Queryable, item: StayItemT, now: Date): Promise<StayViewT['transfer']> {
  const [deadline] = await tx.query<{ dueAt: Date; doneAt: Date | null }>(
    `SELECT due_at AS "dueAt", done_at AS "doneAt" FROM deadlines
     WHERE subject_type = 'contact' AND subject_id = $1 AND kind = 'transfer' AND cancelled_at IS NULL
     ORDER BY opened_at DESC LIMIT 1`,
    [item.sourceId],
  );
  if (deadline) {
    const dueAt = new Date(deadline.dueAt);
    const doneAt = deadline.doneAt ? new Date(deadline.doneAt) : null;
    return {
      dueAt: dueAt.toISOString(),
      doneAt: iso(doneAt),
      overdue: (doneAt ?? now).getTime() > dueAt.getTime(),
    };
  }
  const [contact] = await tx.query<{ identifiedAt: Date }>(
    'SELECT identified_at AS "identifiedAt" FROM contacts WHERE id = $1',
    [item.sourceId],
  );
  if (!contact) return null;
  const dueAt = transferDue(new Date(contact.identifiedAt));
  const doneAt = item.startedAt ? new Date(item.startedAt) : null;
  return {
    dueAt: dueAt.toISOString(),
    doneAt: iso(doneAt),
    overdue: (doneAt ?? now).getTime() > dueAt.getTime(),
  };
}

function timelineOf(item: StayItemT, transfers: TransferRow[]): StayViewT['timeline'] {
  const entries: StayViewT['timeline'] = [];
  const room = item.roomNumber ? `${item.siteName ?? ''} ${item.roomNumber}` : (item.siteName ?? '');
  if (item.allocatedAt)
    entries.push({
      at: item.allocatedAt,
      kind: 'allocated',
      text: { zh: `分配房间：${room}`, en: `Room allocated: ${room}` },
    });
  for (const t of transfers) {
    entries.push({
      at: iso(t.departedAt) as string,
      kind: t.direction === 'in' ? 'departed' : 'left',
      text:
        t.direction === 'in'
          ? { zh: `自${t.fromPlace}出发转运`, en: `Transfer departed from ${t.fromPlace}` }
          : { zh: `转出至${t.toPlace}`, en: `Transferred out to ${t.toPlace}` },
    });
    if (t.arrivedAt && t.direction === 'in')
      entries.push({
        at: iso(t.arrivedAt) as string,
        kind: 'arrived',
        text: {
          zh: `到达${t.toPlace}，开始集中隔离`,
          en: `Arrived at ${t.toPlace}; centralised isolation began`,
        },
      });
  }
  if (item.kind === 'home' && item.startedAt)
    entries.push({
      at: item.startedAt,
      kind: 'home',
      text: { zh: '开始居家隔离', en: 'Home isolation began' },
    });
  if (item.endedAt)
    entries.push({
      at: item.endedAt,
      kind: item.endKind ?? 'ended',
      text: endText(item.endKind),
    });
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

function endText(kind: StayItemT['endKind']) {
  if (kind === 'cancelled') return { zh: '取消房间分配', en: 'Allocation cancelled' };
  if (kind === 'next_phase') return { zh: '转入下一阶段', en: 'Moved on to the next phase' };
  if (kind === 'hospital') return { zh: '转运至定点医院', en: 'Transferred to a designated hospital' };
  return { zh: '解除隔离', en: 'Released' };
}
