import type { TimelineEntry } from '../../api/investigations.js';
import type { Queryable } from '../../platform/db/types.js';
import type { LookBack } from '../../rules/investigation.js';
import { passesOf } from '../checkpoints/index.js';
import { visitsOf } from '../venues/index.js';
import { iso } from './view.js';

const toIso = (value: Date | string) => new Date(value).toISOString();

/**
 * EPI-2: the case's places and times in the look-back window, from every source the platform holds
 * (002 §24 "综合运用现代信息技术手段…摸清疫情传播脉络"): the investigator's interview entries (editable),
 * venue-code check-ins (HC-2), checkpoint passes (HC-3), samples taken and arrivals registered —
 * each marked by its source, oldest first. Auto entries are read in the caller's scope (row-level
 * security): a check-in at another county's venue shows only to those who see that county.
 */
export async function buildTimeline(
  tx: Queryable,
  investigationId: string,
  personId: string,
  window: LookBack,
): Promise<TimelineEntry[]> {
  const interviews = await tx.query<TimelineEntry>(
    `SELECT e.id, 'interview' AS source, ${iso('e.from_at')} AS at, ${iso('e.to_at')} AS until, e.place,
       e.activity, e.people_met AS "peopleMet", NULL AS detail, true AS editable
     FROM investigation_entries e WHERE e.investigation_id = $1 ORDER BY e.from_at, e.created_at`,
    [investigationId],
  );
  const [person] = await tx.query<{ idHash: Buffer | null }>(
    'SELECT id_hash AS "idHash" FROM persons WHERE id = $1',
    [personId],
  );
  const idHash = person?.idHash ? Buffer.from(person.idHash) : null;
  const visits = idHash ? await visitsOf(tx, idHash, window.from, window.to) : [];
  const passes = idHash ? await passesOf(tx, idHash, window.from, window.to) : [];
  const samples = await tx.query<{
    id: string;
    at: Date | string;
    place: string | null;
    result: string | null;
  }>(
    `SELECT s.id, s.sampled_at AS at, coalesce(site.name, t.barcode) AS place, t.result
     FROM samples s LEFT JOIN tubes t ON t.id = s.tube_id LEFT JOIN sampling_sites site ON site.id = t.site_id
     WHERE s.person_id = $1 AND s.sampled_at >= $2 AND s.sampled_at <= $3 ORDER BY s.sampled_at`,
    [personId, window.from, window.to],
  );
  const arrivals = await tx.query<{
    id: string;
    at: Date | string;
    left: Date | string;
    origin: string | null;
  }>(
    `SELECT a.id, a.arrived_at AS at, a.left_origin_at AS left, coalesce(a.origin_name, a.origin_country) AS origin
     FROM arrivals a WHERE a.person_id = $1 AND a.arrived_at >= $2 AND a.left_origin_at <= $3 ORDER BY a.arrived_at`,
    [personId, window.from, window.to],
  );
  const auto: TimelineEntry[] = [
    ...visits.map((v, n) => ({
      id: `check_in:${v.venueId}:${n}`,
      source: 'check_in' as const,
      at: v.at.toISOString(),
      until: null,
      place: v.venueName,
      activity: null,
      peopleMet: null,
      detail: v.source,
      editable: false,
    })),
    ...passes.map((p) => ({
      id: `checkpoint:${p.passId}`,
      source: 'checkpoint' as const,
      at: p.at.toISOString(),
      until: null,
      place: p.checkpointName,
      activity: null,
      peopleMet: null,
      detail: p.direction,
      editable: false,
    })),
    ...samples.map((s) => ({
      id: `sample:${s.id}`,
      source: 'sample' as const,
      at: toIso(s.at),
      until: null,
      place: s.place ?? '',
      activity: null,
      peopleMet: null,
      detail: s.result ?? 'pending',
      editable: false,
    })),
    ...arrivals.map((a) => ({
      id: `arrival:${a.id}`,
      source: 'arrival' as const,
      at: toIso(a.left),
      until: toIso(a.at),
      place: a.origin ?? '',
      activity: null,
      peopleMet: null,
      detail: null,
      editable: false,
    })),
  ];
  const typed = interviews.map((e) => ({ ...e, at: toIso(e.at), until: e.until ? toIso(e.until) : null }));
  return [...typed, ...auto].sort((a, b) => a.at.localeCompare(b.at) || a.source.localeCompare(b.source));
}
