import type { QueueRowT } from '../../api/isolationStays.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import {
  arrivalCandidates,
  arrivalSource,
  contactCandidates,
  contactSource,
  type StaySource,
  shownName,
} from './staySources.js';

/**
 * Who needs a room (ISO-4, EPI-4) or a home stay (ISO-5) and has no open stay: close and secondary
 * close contacts whose plan has a centralised isolation step not ended, with the transfer's due time
 * (12 hours from identification, 002 §25 "做到隔离人员 12 小时内转运到集中隔离点") and whether it is
 * overdue; arrivals whose active plan has a centralised isolation phase not ended (inbound from
 * abroad, key-area arrivals from within the country). For home: general contacts owed home isolation
 * and arrivals in a home isolation phase. The most urgent first.
 */
const QUEUE_LIMIT = 500;

/** Whether the person has an open stay anywhere, one outside the caller's scope too (migration 0196). */
const NO_OPEN_STAY = (person: string) =>
  `NOT EXISTS (SELECT 1 FROM fangkong_persons_with_open_stay(ARRAY[${person}]))`;

export async function readQueue(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  filter: {
    jurisdiction?: string | undefined;
    kind?: 'centralised' | 'home' | undefined;
    overdue?: boolean | undefined;
  },
): Promise<{ items: QueueRowT[]; truncated: boolean }> {
  const now = ctx.now();
  const kind = filter.kind ?? 'centralised';
  const scopes = filter.jurisdiction ? [filter.jurisdiction] : actor.scopes;
  if (filter.jurisdiction && !actor.scopes.some((s) => inScope(filter.jurisdiction as string, [s])))
    return { items: [], truncated: false };
  const step = kind === 'centralised' ? 'centralised_isolation' : 'home_isolation';
  // A day's margin either way of the plan's own time zone: each row is checked by its plan below.
  const roughToday = localDate(new Date(now.getTime() - 86_400_000), 'UTC');

  const contactParams: unknown[] = [JSON.stringify([{ kind: step }])];
  const contacts = await contactCandidates(
    tx,
    `c.plan->'steps' @> $1::jsonb AND ${scopeCondition('c.jurisdiction_code', actor.scopes, contactParams)}
       AND ${scopeCondition('c.jurisdiction_code', scopes, contactParams)} AND ${NO_OPEN_STAY('c.person_id')}`,
    contactParams,
  );
  const arrivalParams: unknown[] = [step, roughToday];
  const arrivals = await arrivalCandidates(
    tx,
    `EXISTS (SELECT 1 FROM jsonb_array_elements(ap.plan->'phases') ph WHERE ph->>'kind' = $1 AND ph->>'endDate' >= $2)
       AND ${scopeCondition('a.jurisdiction_code', actor.scopes, arrivalParams)}
       AND ${scopeCondition('a.jurisdiction_code', scopes, arrivalParams)} AND ${NO_OPEN_STAY('a.person_id')}`,
    arrivalParams,
  );

  const sources: StaySource[] = [];
  const seen = new Set<string>();
  const add = (source: StaySource | null) => {
    if (!source || seen.has(source.personId)) return;
    seen.add(source.personId);
    sources.push(source);
  };
  // Someone still owed centralised isolation is queued for a room, not for home (the release moves
  // them on to the plan's home phase).
  const home = kind === 'home';
  for (const row of contacts)
    if (!home || !contactSource(row, 'centralised', now)) add(contactSource(row, kind, now));
  for (const row of arrivals)
    if (!home || !arrivalSource(row, 'centralised', now)) add(arrivalSource(row, kind, now));
  if (filter.overdue) {
    const late = sources.filter((s) => s.transferDueAt !== null && s.transferDueAt.getTime() < now.getTime());
    sources.splice(0, sources.length, ...late);
  }
  sources.sort(
    (a, b) =>
      (a.transferDueAt?.getTime() ?? Number.POSITIVE_INFINITY) -
        (b.transferDueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
      a.identifiedAt.getTime() - b.identifiedAt.getTime() ||
      a.sourceId.localeCompare(b.sourceId),
  );
  const names = await jurisdictionNames(tx, [...new Set(sources.map((s) => s.jurisdictionCode))]);
  const items = sources.slice(0, QUEUE_LIMIT).map(
    (s): QueueRowT => ({
      sourceType: s.sourceType,
      sourceId: s.sourceId,
      personId: s.personId,
      personName: shownName(actor, s.personName),
      personIdMasked: s.personIdMasked,
      jurisdictionCode: s.jurisdictionCode,
      jurisdictionName: names.get(s.jurisdictionCode) ?? null,
      contactClass: s.contactClass,
      purpose: s.purpose,
      plannedEndDate: s.plannedEndDate,
      identifiedAt: s.identifiedAt.toISOString(),
      dueAt: s.transferDueAt ? s.transferDueAt.toISOString() : null,
      overdue: s.transferDueAt !== null && s.transferDueAt.getTime() < now.getTime(),
      sharingAllowed: s.sharingAllowed,
      householdCode: s.householdCode,
    }),
  );
  return { items, truncated: sources.length > QUEUE_LIMIT };
}

async function jurisdictionNames(tx: Queryable, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx.query<{ code: string; name: string }>(
    'SELECT code, name FROM jurisdictions WHERE code = ANY ($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
