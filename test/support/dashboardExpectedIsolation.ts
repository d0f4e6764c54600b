import type { Database } from '../../src/platform/db/types.js';

/**
 * The isolation demand tile's figures (ISO-2, 002 §25 "原则上按照 1 例确诊病例配置 100 间隔离房间")
 * counted straight from the base tables, per county of `root` (or `root` itself at or below county
 * level): 100 rooms per current confirmed case (not discarded, not discharged), rooms needed now
 * (people in rooms, allocated, and the queue: close and secondary close contacts and arrivals owed a
 * room with no stay, each person once), rooms of
 * active sites in use or on standby not out of service; the shortfall summed over counties short.
 * None when the tile is hidden (nothing to size).
 */
export async function expectedIsolationFigures(
  db: Database,
  root: string,
  now: Date,
  today: string,
): Promise<Map<string, number>> {
  const key = Math.max(6, root.length);
  const counties = new Map<string, { demanded: number; needed: number; capacity: number }>();
  const at = (code: string) => {
    const entry = counties.get(code) ?? { demanded: 0, needed: 0, capacity: 0 };
    counties.set(code, entry);
    return entry;
  };
  const cases = await db.query<{ code: string; n: number }>(
    `SELECT left(c.jurisdiction_code, ${key}) AS code, count(*)::int AS n FROM cases c
     WHERE c.jurisdiction_code LIKE $1 AND c.classification = 'confirmed' AND c.status <> 'discarded'
       AND (NOT EXISTS (SELECT 1 FROM hospital_stays h WHERE h.case_id = c.id AND h.status = 'discharged')
         OR EXISTS (SELECT 1 FROM hospital_stays h WHERE h.case_id = c.id AND h.status IN ('requested', 'departed', 'admitted')))
     GROUP BY 1`,
    [`${root}%`],
  );
  for (const row of cases) at(row.code).demanded = 100 * row.n;
  const placed = await db.query<{ code: string; n: number }>(
    `SELECT left(jurisdiction_code, ${key}) AS code, count(*)::int AS n FROM isolation_stays
     WHERE jurisdiction_code LIKE $1 AND kind = 'centralised' AND status IN ('allocated', 'in_room') GROUP BY 1`,
    [`${root}%`],
  );
  for (const row of placed) at(row.code).needed += row.n;
  // The isolation queue: contacts and arrivals owed a room, each person once, none with an open stay.
  const queued = new Map<string, Set<string>>();
  const queue = (code: string, person: string) =>
    queued.set(code, (queued.get(code) ?? new Set()).add(person));
  const openStay =
    "SELECT 1 FROM isolation_stays s WHERE s.person_id = %s AND s.status IN ('allocated', 'in_room', 'home')";
  const contacts = await db.query<{
    code: string;
    person: string;
    plan: { steps?: Array<Record<string, unknown>> } | null;
  }>(
    `SELECT left(c.jurisdiction_code, ${key}) AS code, c.person_id AS person, c.plan FROM contacts c
     WHERE c.jurisdiction_code LIKE $1 AND c.class IN ('close', 'secondary_close')
       AND c.status IN ('identified', 'under_control')
       AND NOT EXISTS (SELECT 1 FROM isolation_stays s WHERE s.source_type = 'contact' AND s.source_id = c.id
         AND s.status <> 'cancelled')
       AND NOT EXISTS (${openStay.replace('%s', 'c.person_id')})`,
    [`${root}%`],
  );
  for (const row of contacts) {
    const owed =
      row.plan === null ||
      (row.plan.steps ?? []).some(
        (s) =>
          s.kind === 'centralised_isolation' &&
          s.elapsed !== true &&
          new Date(String(s.dueAt)).getTime() > now.getTime(),
      );
    if (owed) queue(row.code, row.person);
  }
  const arrivals = await db.query<{
    code: string;
    person: string;
    phases: Array<{ kind: string; endDate: string }>;
  }>(
    `SELECT left(a.jurisdiction_code, ${key}) AS code, a.person_id AS person, ap.plan -> 'phases' AS phases
     FROM arrivals a JOIN arrival_plans ap ON ap.arrival_id = a.id AND ap.status = 'active'
     WHERE a.jurisdiction_code LIKE $1 AND a.status <> 'released'
       AND NOT EXISTS (SELECT 1 FROM isolation_stays s WHERE s.source_type = 'arrival' AND s.source_id = a.id
         AND s.status <> 'cancelled')
       AND NOT EXISTS (${openStay.replace('%s', 'a.person_id')})`,
    [`${root}%`],
  );
  for (const row of arrivals)
    if ((row.phases ?? []).some((p) => p.kind === 'centralised_isolation' && p.endDate >= today))
      queue(row.code, row.person);
  for (const [code, people] of queued) at(code).needed += people.size;
  const rooms = await db.query<{ code: string; n: number }>(
    `SELECT left(s.jurisdiction_code, ${key}) AS code, count(*)::int AS n
     FROM isolation_rooms r JOIN isolation_sites s ON s.id = r.site_id
     WHERE s.jurisdiction_code LIKE $1 AND s.active AND s.status IN ('in_use', 'standby') AND r.state <> 'out_of_service'
     GROUP BY 1`,
    [`${root}%`],
  );
  for (const row of rooms) at(row.code).capacity = row.n;
  const [sites] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM isolation_sites WHERE jurisdiction_code LIKE $1 AND active',
    [`${root}%`],
  );
  const all = [...counties.values()];
  const sum = (pick: (c: { demanded: number; needed: number; capacity: number }) => number) =>
    all.reduce((n, c) => n + pick(c), 0);
  const required = sum((c) => Math.max(c.demanded, c.needed));
  if (required === 0 && sum((c) => c.capacity) === 0 && sites!.n === 0) return new Map();
  return new Map([
    ['isolation.demand.demanded', sum((c) => c.demanded)],
    ['isolation.demand.available', sum((c) => c.capacity)],
    ['isolation.demand.shortfall', sum((c) => Math.max(0, Math.max(c.demanded, c.needed) - c.capacity))],
  ]);
}
