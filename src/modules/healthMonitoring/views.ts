import type { Static } from 'typebox';
import type {
  Alert,
  BoardFilter,
  BoardView,
  FloorView,
  Reading,
  StayReadingsView,
} from '../../api/healthMonitoring.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import {
  currentSlot,
  missedSlots,
  SLOTS,
  type Slot,
  slotKey,
  slotWindow,
} from '../../rules/healthMonitoring.js';
import { maskName } from '../../rules/landing.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { mayUnmask } from '../persons/index.js';
import { READING_SUBJECT, REPORT_KIND, readingsOfStay, stayOf } from './readings.js';

/** A person's name as the caller may read it (masked unless person.unmask, as the room grid). */
const nameFor = (actor: Actor) => (name: string) => (mayUnmask(actor) ? name : maskName(name));

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface SlotRow {
  id: string;
  temperature: number;
  symptoms: string[];
  abnormal: boolean;
  source: 'staff' | 'self';
  version: number;
}

/** The readings of the given stays for one local date, by stay and slot. */
async function dayReadings(tx: Queryable, stayIds: string[], date: string) {
  const rows =
    stayIds.length === 0
      ? []
      : await tx.query<SlotRow & { stayId: string; slot: Slot }>(
          `SELECT m.id, m.stay_id AS "stayId", m.slot, m.temperature::float8 AS temperature, m.symptoms, m.abnormal,
             m.source, m.version
           FROM monitoring_readings m WHERE m.stay_id = ANY($1::uuid[]) AND m.local_date = $2`,
          [stayIds, date],
        );
  const byStay = new Map<string, { am: SlotRow | null; pm: SlotRow | null }>();
  for (const { stayId, slot, ...reading } of rows) {
    const entry = byStay.get(stayId) ?? { am: null, pm: null };
    entry[slot] = reading;
    byStay.set(stayId, entry);
  }
  return (stayId: string) => byStay.get(stayId) ?? { am: null, pm: null };
}

/** Open abnormal reports (ISO-4 一报告), due first, under the filter. */
async function openAlerts(
  tx: Queryable,
  actor: Actor,
  where: {
    jurisdiction?: string | undefined;
    siteId?: string | undefined;
    kind?: string | undefined;
    stayId?: string;
  },
  now: Date,
): Promise<Alert[]> {
  const params: unknown[] = [now];
  const conditions = ['m.abnormal', 'm.handled_at IS NULL'];
  if (where.jurisdiction) conditions.push(`m.jurisdiction_code ^@ $${params.push(where.jurisdiction)}`);
  if (where.siteId) conditions.push(`s.site_id = $${params.push(where.siteId)}`);
  if (where.kind) conditions.push(`s.kind = $${params.push(where.kind)}`);
  if (where.stayId) conditions.push(`m.stay_id = $${params.push(where.stayId)}`);
  const rows = await tx.query<Omit<Alert, 'overdue'> & { overdue: boolean }>(
    `SELECT m.id, m.stay_id AS "stayId", p.name AS "personName", s.kind, si.name AS "siteName", r.number AS "roomNumber",
       to_char(m.local_date, 'YYYY-MM-DD') AS date, m.slot, m.temperature::float8 AS temperature, m.symptoms,
       ${ISO('m.recorded_at')} AS "recordedAt",
       ${ISO('coalesce(d.due_at, m.recorded_at)')} AS "dueAt", coalesce(d.due_at < $1, false) AS overdue
     FROM monitoring_readings m
     JOIN isolation_stays s ON s.id = m.stay_id
     JOIN persons p ON p.id = m.person_id
     LEFT JOIN isolation_rooms r ON r.id = s.room_id
     LEFT JOIN isolation_sites si ON si.id = s.site_id
     LEFT JOIN deadlines d ON d.subject_type = '${READING_SUBJECT}' AND d.subject_id = m.id AND d.kind = '${REPORT_KIND}'
       AND d.done_at IS NULL AND d.cancelled_at IS NULL
     WHERE ${conditions.join(' AND ')}
     ORDER BY d.due_at NULLS LAST, m.recorded_at LIMIT 100`,
    params,
  );
  const name = nameFor(actor);
  return rows.map((row) => ({ ...row, personName: name(row.personName) }));
}

/**
 * The monitoring board (ISO-4, ISO-5): everyone under monitoring in the caller's scope (or a
 * jurisdiction within it), by site and kind, with today's readings, the current slot's missing
 * ones, open abnormal reports first; paged in the database so 50,000 people stay fast.
 */
export async function monitoringBoard(
  tx: Queryable,
  actor: Actor,
  filter: BoardFilter,
  now: Date,
  fallbackZone: string,
): Promise<Static<typeof BoardView>> {
  const timeZone = await effectiveTimeZone(tx, filter.jurisdiction ?? actor.scopes[0] ?? '', fallbackZone);
  const { date, slot } = currentSlot(now, timeZone);
  const opens = slotWindow(date, slot, timeZone).opens;
  const params: unknown[] = [date, slot, opens];
  const conditions = [`s.status IN ('in_room', 'home')`];
  if (filter.jurisdiction) conditions.push(`s.jurisdiction_code ^@ $${params.push(filter.jurisdiction)}`);
  if (filter.siteId) conditions.push(`s.site_id = $${params.push(filter.siteId)}`);
  if (filter.kind) conditions.push(`s.kind = $${params.push(filter.kind)}`);
  // Uncorrelated IN / NOT IN: one hashed pass over the day's readings (and the few open reports) for
  // all the stays, rather than a probe per stay inside the counts' FILTERs.
  const open = `s.id IN (SELECT o.stay_id FROM monitoring_readings o WHERE o.abnormal AND o.handled_at IS NULL)`;
  const missing = `(s.started_at <= $3 AND s.id NOT IN (SELECT c.stay_id FROM monitoring_readings c
    WHERE c.local_date = $1 AND c.slot = $2))`;
  const base = conditions.join(' AND ');
  const [counts] = await tx.query<Static<typeof BoardView>['counts']>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE s.kind = 'centralised')::int AS centralised,
       count(*) FILTER (WHERE s.kind = 'home')::int AS home,
       count(*) FILTER (WHERE ${open})::int AS abnormal, count(*) FILTER (WHERE ${missing})::int AS missing
     FROM isolation_stays s WHERE ${base}`,
    params,
  );
  const listed = [base];
  if (filter.abnormal) listed.push(open);
  if (filter.missing) listed.push(missing);
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  const total =
    filter.abnormal || filter.missing
      ? ((
          await tx.query<{ n: number }>(
            // The slot's parameters are typed even when only the abnormal filter is on.
            `SELECT count(*)::int AS n FROM isolation_stays s
             WHERE $1::date IS NOT NULL AND $2::text IS NOT NULL AND $3::timestamptz IS NOT NULL AND ${listed.join(' AND ')}`,
            params,
          )
        )[0]?.n ?? 0)
      : (counts?.total ?? 0);
  const rows = await tx.query<{
    stayId: string;
    personName: string;
    kind: 'centralised' | 'home';
    jurisdictionName: string;
    siteId: string | null;
    siteName: string | null;
    floor: number | null;
    roomNumber: string | null;
    startedAt: string;
    plannedEndDate: string;
    missing: boolean;
    openAlerts: number;
  }>(
    `WITH page AS (
       SELECT s.id, s.person_id, s.kind, s.jurisdiction_code, s.site_id, s.room_id, s.started_at, s.planned_end_date
       FROM isolation_stays s LEFT JOIN isolation_rooms r ON r.id = s.room_id
       WHERE ${listed.join(' AND ')}
       ORDER BY s.kind, s.site_id, r.floor, r.number, s.jurisdiction_code, s.started_at, s.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
     )
     SELECT pg.id AS "stayId", p.name AS "personName", pg.kind,
       coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = pg.jurisdiction_code), '') AS "jurisdictionName",
       pg.site_id AS "siteId", si.name AS "siteName", r.floor, r.number AS "roomNumber",
       ${ISO('pg.started_at')} AS "startedAt", to_char(pg.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate",
       (pg.started_at <= $3 AND NOT EXISTS (SELECT 1 FROM monitoring_readings c
         WHERE c.stay_id = pg.id AND c.local_date = $1 AND c.slot = $2)) AS missing,
       (SELECT count(*)::int FROM monitoring_readings o WHERE o.stay_id = pg.id AND o.abnormal AND o.handled_at IS NULL) AS "openAlerts"
     FROM page pg JOIN persons p ON p.id = pg.person_id
     LEFT JOIN isolation_rooms r ON r.id = pg.room_id LEFT JOIN isolation_sites si ON si.id = pg.site_id
     ORDER BY pg.kind, pg.site_id, r.floor, r.number, pg.jurisdiction_code, pg.started_at, pg.id`,
    params,
  );
  const readingsOf = await dayReadings(
    tx,
    rows.map((r) => r.stayId),
    date,
  );
  const sites = await tx.query<{ id: string; name: string; floor: number; people: number }>(
    `SELECT si.id, si.name, r.floor, count(*)::int AS people
     FROM isolation_stays s JOIN isolation_sites si ON si.id = s.site_id JOIN isolation_rooms r ON r.id = s.room_id
     WHERE s.status = 'in_room'${filter.jurisdiction ? ' AND s.jurisdiction_code ^@ $1' : ''}
     GROUP BY si.id, si.name, r.floor ORDER BY si.name, r.floor`,
    filter.jurisdiction ? [filter.jurisdiction] : [],
  );
  const siteList: Static<typeof BoardView>['sites'] = [];
  for (const row of sites) {
    let site = siteList.find((s) => s.id === row.id);
    if (!site) {
      site = { id: row.id, name: row.name, floors: [] };
      siteList.push(site);
    }
    site.floors.push({ floor: row.floor, people: row.people });
  }
  const name = nameFor(actor);
  return {
    date,
    slot,
    counts: counts ?? { total: 0, centralised: 0, home: 0, abnormal: 0, missing: 0 },
    alerts: await openAlerts(tx, actor, filter, now),
    sites: siteList,
    items: rows.map((row) => ({ ...row, personName: name(row.personName), ...readingsOf(row.stayId) })),
    total,
    page,
    pageSize,
  };
}

/** A floor of a site for its staff (ISO-4): one row per room, its occupant masked, today's two slots. */
export async function floorSheet(
  tx: Queryable,
  siteId: string,
  floor: number,
  now: Date,
  fallbackZone: string,
): Promise<Static<typeof FloorView>> {
  const [site] = await tx.query<{ name: string; jurisdictionCode: string }>(
    `SELECT name, jurisdiction_code AS "jurisdictionCode" FROM isolation_sites WHERE id = $1`,
    [siteId],
  );
  if (!site) throw notFound();
  const timeZone = await effectiveTimeZone(tx, site.jurisdictionCode, fallbackZone);
  const { date, slot } = currentSlot(now, timeZone);
  const floors = await tx.query<{ floor: number }>(
    'SELECT DISTINCT floor FROM isolation_rooms WHERE site_id = $1 ORDER BY floor',
    [siteId],
  );
  const rows = await tx.query<{
    roomId: string;
    roomNumber: string;
    stayId: string | null;
    personName: string | null;
  }>(
    `SELECT r.id AS "roomId", r.number AS "roomNumber", s.id AS "stayId", p.name AS "personName"
     FROM isolation_rooms r
     LEFT JOIN isolation_stays s ON s.room_id = r.id AND s.status = 'in_room'
     LEFT JOIN persons p ON p.id = s.person_id
     WHERE r.site_id = $1 AND r.floor = $2
     ORDER BY length(r.number), r.number, s.started_at`,
    [siteId, floor],
  );
  const readingsOf = await dayReadings(
    tx,
    rows.flatMap((r) => (r.stayId ? [r.stayId] : [])),
    date,
  );
  // The sheet is read on a phone in a corridor: occupants masked whoever holds it (ISO-4).
  return {
    siteId,
    siteName: site.name,
    floor,
    floors: floors.map((f) => f.floor),
    date,
    slot,
    rooms: rows.map((row) => ({
      ...row,
      personName: row.personName === null ? null : maskName(row.personName),
      ...(row.stayId ? readingsOf(row.stayId) : { am: null, pm: null }),
    })),
  };
}

/** A stay's readings by day and slot, missed slots marked, its open reports and self-report link (ISO-4, ISO-5). */
export async function stayReadings(
  tx: Queryable,
  actor: Actor,
  stayId: string,
  now: Date,
  fallbackZone: string,
): Promise<Static<typeof StayReadingsView>> {
  const stay = await stayOf(tx, stayId);
  const timeZone = await effectiveTimeZone(tx, stay.jurisdictionCode, fallbackZone);
  const readings = await readingsOfStay(tx, stayId);
  const byKey = new Map<string, Reading>(readings.map((r) => [slotKey(r.date, r.slot), r]));
  const missed = stay.startedAt
    ? missedSlots(
        { startedAt: new Date(stay.startedAt), endedAt: stay.endedAt ? new Date(stay.endedAt) : null },
        new Set(byKey.keys()),
        now,
        timeZone,
      )
    : [];
  const dates = new Set<string>(readings.map((r) => r.date));
  for (const m of missed) dates.add(m.date);
  if (stay.startedAt && (stay.status === 'in_room' || stay.status === 'home'))
    dates.add(localDate(now, timeZone));
  const [link] = await tx.query<{ issuedAt: string; expiresAt: string }>(
    `SELECT ${ISO('issued_at')} AS "issuedAt", ${ISO('expires_at')} AS "expiresAt" FROM monitoring_links
     WHERE stay_id = $1 AND revoked_at IS NULL AND expires_at > $2`,
    [stayId, now],
  );
  return {
    stayId,
    kind: stay.kind,
    status: stay.status,
    personName: nameFor(actor)(stay.personName),
    startedAt: stay.startedAt ? new Date(stay.startedAt).toISOString() : null,
    plannedEndDate: stay.plannedEndDate,
    today: currentSlot(now, timeZone),
    days: [...dates]
      .sort()
      .reverse()
      .map((date) => ({
        date,
        am: byKey.get(slotKey(date, 'am')) ?? null,
        pm: byKey.get(slotKey(date, 'pm')) ?? null,
        missed: SLOTS.filter((slot) => missed.some((m) => m.date === date && m.slot === slot)),
      })),
    alerts: await openAlerts(tx, actor, { stayId }, now),
    link: link ?? null,
  };
}
