import type { Database } from '../../src/platform/db/types.js';
import { localDate } from '../../src/rules/time.js';

const OPEN_STAY = (person: string) =>
  `NOT EXISTS (SELECT 1 FROM isolation_stays st WHERE st.person_id = ${person} AND st.status IN ('allocated', 'in_room', 'home'))`;

/**
 * The isolation stays tile's figures (ISO-4, ISO-5, EPI-4), counted from the base tables: people owed
 * a room without an open stay (contacts whose plan has a centralised isolation step not ended,
 * arrivals whose active plan has a centralised isolation phase not ended; one per person), those
 * whose 12-hour transfer is past, and the open stays by status, the rooms ending today among them.
 */
export async function expectedStayFigures(
  db: Database,
  root: string,
  now: Date,
  zone: string,
): Promise<Map<string, number>> {
  const today = localDate(now, zone);
  const contacts = await db.query<{ person: string; due: Date | null }>(
    `SELECT c.person_id AS person,
       (SELECT (s->>'dueAt')::timestamptz FROM jsonb_array_elements(c.plan->'steps') s
        WHERE s->>'kind' = 'transfer' AND NOT coalesce((s->>'elapsed')::boolean, false) LIMIT 1) AS due
     FROM contacts c
     WHERE c.jurisdiction_code LIKE $1 AND c.status IN ('identified', 'under_control') AND ${OPEN_STAY('c.person_id')}
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.plan->'steps') s WHERE s->>'kind' = 'centralised_isolation'
         AND NOT coalesce((s->>'elapsed')::boolean, false) AND coalesce(s->>'untilDate', s->>'date') >= $2)`,
    [`${root}%`, today],
  );
  const arrivals = await db.query<{ person: string }>(
    `SELECT a.person_id AS person FROM arrivals a JOIN arrival_plans ap ON ap.arrival_id = a.id AND ap.status = 'active'
     WHERE a.jurisdiction_code LIKE $1 AND a.status <> 'released' AND ${OPEN_STAY('a.person_id')}
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(ap.plan->'phases') ph
         WHERE ph->>'kind' = 'centralised_isolation' AND ph->>'endDate' >= $2)`,
    [`${root}%`, today],
  );
  const due = new Map<string, Date | null>();
  for (const c of contacts) if (!due.has(c.person)) due.set(c.person, c.due ? new Date(c.due) : null);
  for (const a of arrivals) if (!due.has(a.person)) due.set(a.person, null);
  const overdue = [...due.values()].filter((d) => d !== null && d.getTime() < now.getTime()).length;
  const [row] = await db.query<{ allocated: number; inRoom: number; home: number; ending: number }>(
    `SELECT count(*) FILTER (WHERE status = 'allocated')::int AS allocated,
       count(*) FILTER (WHERE status = 'in_room')::int AS "inRoom",
       count(*) FILTER (WHERE status = 'home')::int AS home,
       count(*) FILTER (WHERE status = 'in_room' AND planned_end_date <= $2::date)::int AS ending
     FROM isolation_stays WHERE jurisdiction_code LIKE $1`,
    [`${root}%`, today],
  );
  return new Map([
    ['isolation.stays.awaiting', due.size],
    ['isolation.stays.overdue', overdue],
    ['isolation.stays.allocated', row?.allocated ?? 0],
    ['isolation.stays.inRooms', row?.inRoom ?? 0],
    ['isolation.stays.endingToday', row?.ending ?? 0],
    ['isolation.stays.home', row?.home ?? 0],
  ]);
}
