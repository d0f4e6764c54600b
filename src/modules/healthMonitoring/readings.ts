import type { Reading, ReadingCorrection } from '../../api/healthMonitoring.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines, closeDeadline, openDeadline } from '../../platform/deadlines/service.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { abnormalReportDue, isAbnormal, recordableSlot, type Slot } from '../../rules/healthMonitoring.js';
import { countyOf } from '../../rules/landing.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';

/** Deadlines of abnormal readings (ISO-4 一报告) are filed under this subject type, kind REPORT_KIND. */
export const READING_SUBJECT = 'monitoring_reading';
export const REPORT_KIND = 'abnormal_report';

export interface MonitoredStay {
  id: string;
  personId: string;
  personName: string;
  jurisdictionCode: string;
  kind: 'centralised' | 'home';
  status: string;
  siteId: string | null;
  roomNumber: string | null;
  siteName: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  plannedEndDate: string;
}

/** A stay in scope (row-level security), or 404. Read from the isolation module's table, never written. */
export async function stayOf(tx: Queryable, stayId: string, lock = false): Promise<MonitoredStay> {
  const [stay] = await tx.query<MonitoredStay>(
    `SELECT s.id, s.person_id AS "personId", p.name AS "personName", s.jurisdiction_code AS "jurisdictionCode",
       s.kind, s.status, s.site_id AS "siteId", r.number AS "roomNumber", si.name AS "siteName",
       s.started_at AS "startedAt", s.ended_at AS "endedAt", to_char(s.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate"
     FROM isolation_stays s JOIN persons p ON p.id = s.person_id
     LEFT JOIN isolation_rooms r ON r.id = s.room_id LEFT JOIN isolation_sites si ON si.id = s.site_id
     WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
    [stayId],
  );
  if (!stay) throw notFound();
  return stay;
}

/** ISO-4: a stay under monitoring is in its room (centralised) or at home. */
export const underMonitoring = (stay: MonitoredStay) => stay.status === 'in_room' || stay.status === 'home';

const READING_SQL = `m.id, m.stay_id AS "stayId", to_char(m.local_date, 'YYYY-MM-DD') AS date, m.slot,
  m.temperature::float8 AS temperature, m.symptoms, m.note, m.abnormal, m.source,
  to_char(m.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt",
  to_char(m.corrected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "correctedAt",
  to_char(m.handled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "handledAt",
  m.handle_outcome AS "handleOutcome", m.handle_note AS "handleNote",
  (SELECT to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM deadlines d
    WHERE d.subject_type = '${READING_SUBJECT}' AND d.subject_id = m.id AND d.kind = '${REPORT_KIND}'
      AND d.done_at IS NULL AND d.cancelled_at IS NULL) AS "reportDueAt",
  m.version`;

export async function readingsOfStay(tx: Queryable, stayId: string): Promise<Reading[]> {
  return tx.query<Reading>(
    `SELECT ${READING_SQL} FROM monitoring_readings m WHERE m.stay_id = $1 ORDER BY m.local_date, m.slot`,
    [stayId],
  );
}

async function readingById(
  tx: Queryable,
  id: string,
  lock = false,
): Promise<Reading & { jurisdictionCode: string }> {
  const [row] = await tx.query<Reading & { jurisdictionCode: string }>(
    `SELECT ${READING_SQL}, m.jurisdiction_code AS "jurisdictionCode" FROM monitoring_readings m WHERE m.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw notFound();
  return row;
}

const SYMPTOM_ZH: Record<string, string> = {
  fever: '发热',
  cough: '咳嗽',
  sore_throat: '咽痛',
  fatigue: '乏力',
  diarrhoea: '腹泻',
  smell_taste_loss: '嗅觉味觉减退',
  shortness_of_breath: '气促',
  muscle_pain: '肌肉酸痛',
  runny_nose: '流涕',
  conjunctivitis: '结膜炎',
};

/** The report's owner: the site's county isolation managers, or the person's community (ISO-5). */
function reportOwner(stay: Pick<MonitoredStay, 'kind' | 'jurisdictionCode'>) {
  return stay.kind === 'centralised'
    ? { jurisdictionCode: countyOf(stay.jurisdictionCode), ownerRole: 'isolation_manager' as const }
    : { jurisdictionCode: stay.jurisdictionCode, ownerRole: 'community_worker' as const };
}

/** Opens the immediate report of an abnormal reading (ISO-4 一报告), due 2 hours after it; never overdue when opened. */
export async function openReport(
  tx: Queryable,
  stay: Pick<MonitoredStay, 'kind' | 'jurisdictionCode' | 'personId' | 'siteName' | 'roomNumber'>,
  reading: { id: string; temperature: number; symptoms: readonly string[] },
  at: Date,
) {
  const symptomsZh = reading.symptoms.map((s) => SYMPTOM_ZH[s] ?? s).join('、');
  const place = stay.kind === 'centralised' ? `${stay.siteName ?? ''}${stay.roomNumber ?? ''}` : '居家隔离';
  const placeEn =
    stay.kind === 'centralised' ? `${stay.siteName ?? ''} ${stay.roomNumber ?? ''}` : 'home isolation';
  await openDeadline(tx, {
    ruleId: 'ISO-4',
    subjectType: READING_SUBJECT,
    subjectId: reading.id,
    kind: REPORT_KIND,
    personId: stay.personId,
    ...reportOwner(stay),
    dueAt: abnormalReportDue(at),
    openedAt: at,
    title: {
      zh: `隔离人员健康监测异常：${reading.temperature.toFixed(1)}℃${symptomsZh ? `，${symptomsZh}` : ''}（${place}）`.slice(
        0,
        200,
      ),
      en: `Abnormal health reading in isolation: ${reading.temperature.toFixed(1)} °C${reading.symptoms.length ? `, ${reading.symptoms.join(', ')}` : ''} (${placeEn.trim()})`.slice(
        0,
        200,
      ),
    },
  });
}

export interface NewReading {
  slot: Slot;
  temperature: number;
  symptoms?: readonly string[] | undefined;
  note?: string | null | undefined;
}

/**
 * ISO-4, ISO-5: records today's reading of a slot for a stay under monitoring (staff, or the
 * person by their link: source self). One per stay, date and slot (reading_recorded); an abnormal
 * one opens its immediate report. Returns the reading.
 */
export async function recordReading(
  tx: Queryable,
  actor: Actor | undefined,
  stayId: string,
  input: NewReading,
  source: 'staff' | 'self',
  now: Date,
  fallbackZone: string,
): Promise<Reading> {
  const stay = await stayOf(tx, stayId, true);
  if (!underMonitoring(stay)) throw invalid([fieldError('stayId', 'stay_not_monitored')]);
  const timeZone = await effectiveTimeZone(tx, stay.jurisdictionCode, fallbackZone);
  const date = localDate(now, timeZone);
  const allowed = recordableSlot(date, input.slot, now, timeZone);
  if (!allowed.ok)
    throw invalid([fieldError('slot', allowed.problem === 'slot_not_open' ? 'slot_not_open' : 'in_future')]);
  const symptoms = [...new Set(input.symptoms ?? [])];
  const temperature = Math.round(input.temperature * 10) / 10;
  const abnormal = isAbnormal({ temperature, symptoms });
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO monitoring_readings (stay_id, person_id, jurisdiction_code, local_date, slot, temperature, symptoms,
       note, abnormal, source, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (stay_id, local_date, slot) DO NOTHING RETURNING id`,
    [
      stay.id,
      stay.personId,
      stay.jurisdictionCode,
      date,
      input.slot,
      temperature,
      symptoms,
      input.note?.trim() || null,
      abnormal,
      source,
      now,
      source === 'staff' ? (actor?.userId ?? null) : null,
    ],
  );
  if (!row) throw new AppError('reading_recorded');
  if (abnormal) await openReport(tx, stay, { id: row.id, temperature, symptoms }, now);
  await recordAudit(tx, actor, {
    action: 'monitoring.record',
    entity: 'monitoring_reading',
    entityId: row.id,
    jurisdictionCode: stay.jurisdictionCode,
    after: { stayId: stay.id, date, slot: input.slot, temperature, symptoms, abnormal, source },
  });
  return readingById(tx, row.id);
}

/**
 * Staff correct a reading (audited, the version read). An abnormal reading corrected to normal
 * cancels its open report (it was a typing error); a normal one corrected to abnormal opens one.
 */
export async function correctReading(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: ReadingCorrection,
  now: Date,
): Promise<Reading> {
  const before = await readingById(tx, id, true);
  if (before.version !== input.version) throw new AppError('conflict', [fieldError('version', 'range')]);
  const stay = await stayOf(tx, before.stayId);
  const symptoms = [...new Set(input.symptoms ?? [])];
  const temperature = Math.round(input.temperature * 10) / 10;
  const abnormal = isAbnormal({ temperature, symptoms });
  await tx.query(
    `UPDATE monitoring_readings SET temperature = $2, symptoms = $3, note = $4, abnormal = $5, corrected_at = $6,
       corrected_by = $7, version = version + 1 WHERE id = $1`,
    [id, temperature, symptoms, input.note?.trim() || null, abnormal, now, actor.userId],
  );
  if (!before.handledAt) {
    if (abnormal) await openReport(tx, stay, { id, temperature, symptoms }, now);
    else if (before.abnormal)
      await cancelDeadlines(
        tx,
        { subjectType: READING_SUBJECT, subjectId: id },
        'reading corrected to normal',
        now,
      );
  }
  await recordAudit(tx, actor, {
    action: 'monitoring.correct',
    entity: 'monitoring_reading',
    entityId: id,
    jurisdictionCode: before.jurisdictionCode,
    before: {
      temperature: before.temperature,
      symptoms: before.symptoms,
      note: before.note,
      abnormal: before.abnormal,
    },
    after: { temperature, symptoms, note: input.note ?? null, abnormal },
  });
  return readingById(tx, id);
}

const OUTCOME_TEXT: Record<string, string> = {
  reported_cdc: '已报告疾控机构',
  fever_clinic: '已转送发热门诊',
  recheck_normal: '复测正常',
};

/** ISO-4: handling an abnormal reading closes its immediate report (audited). */
export async function handleAlert(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: { outcome: 'reported_cdc' | 'fever_clinic' | 'recheck_normal'; note?: string | null | undefined },
  now: Date,
): Promise<Reading> {
  const reading = await readingById(tx, id, true);
  if (!reading.abnormal) throw notFound();
  if (reading.handledAt) throw new AppError('alert_handled');
  const note = input.note?.trim() || null;
  await tx.query(
    `UPDATE monitoring_readings SET handled_at = $2, handled_by = $3, handle_outcome = $4, handle_note = $5,
       version = version + 1 WHERE id = $1`,
    [id, now, actor.userId, input.outcome, note],
  );
  await closeDeadline(
    tx,
    { subjectType: READING_SUBJECT, subjectId: id, kind: REPORT_KIND },
    { at: now, by: actor.userId, outcome: OUTCOME_TEXT[input.outcome] ?? input.outcome },
  );
  await recordAudit(tx, actor, {
    action: 'monitoring.handle',
    entity: 'monitoring_reading',
    entityId: id,
    jurisdictionCode: reading.jurisdictionCode,
    after: { outcome: input.outcome, note },
  });
  return readingById(tx, id);
}
