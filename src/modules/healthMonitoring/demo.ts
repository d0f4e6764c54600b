import type { AppContext } from '../../platform/context.js';
import { currentSlot, owedSlots } from '../../rules/healthMonitoring.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { openReport } from './readings.js';

const DAY = 86_400_000;

interface DemoStay {
  id: string;
  personId: string;
  jurisdictionCode: string;
  kind: 'centralised' | 'home';
  startedAt: Date;
  siteName: string | null;
  roomNumber: string | null;
}

/**
 * The demo county's health-monitoring readings (ISO-4, ISO-5), loaded after its isolation stays:
 * the last two days' slots of everyone under monitoring (normal temperatures, by staff, or by the
 * person at home), two slots missed, and one fever in the current slot whose 2-hour report is open.
 * Nothing when the county has no one under monitoring; once per county (its first reading stops it).
 */
export async function loadMonitoringDemo(ctx: AppContext, county: string): Promise<void> {
  const [done] = await ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM monitoring_readings WHERE jurisdiction_code ^@ $1',
    [county],
  );
  if ((done?.n ?? 0) > 0) return;
  const stays = await ctx.db.query<DemoStay>(
    `SELECT s.id, s.person_id AS "personId", s.jurisdiction_code AS "jurisdictionCode", s.kind, s.started_at AS "startedAt",
       si.name AS "siteName", r.number AS "roomNumber"
     FROM isolation_stays s LEFT JOIN isolation_sites si ON si.id = s.site_id LEFT JOIN isolation_rooms r ON r.id = s.room_id
     WHERE s.jurisdiction_code ^@ $1 AND s.status IN ('in_room', 'home') ORDER BY s.kind, si.name, r.number, s.started_at, s.id
     LIMIT 200`,
    [county],
  );
  const now = ctx.now();
  const timeZone = await effectiveTimeZone(ctx.db, county, ctx.config.defaultTimeZone);
  const current = currentSlot(now, timeZone);
  const feverStay = stays.find((s) => s.kind === 'centralised') ?? stays[0];
  if (!feverStay) return;
  // The two stays listed last miss their latest owed slot (a missed check-in on the board).
  const missing = new Set(stays.slice(-2).map((s) => s.id));
  await ctx.db.transaction(async (tx) => {
    for (const [index, stay] of stays.entries()) {
      const from = new Date(Math.max(new Date(stay.startedAt).getTime(), now.getTime() - 2 * DAY));
      const owed = owedSlots({ startedAt: from, endedAt: null }, now, timeZone);
      const skip = missing.has(stay.id) && stay.id !== feverStay.id ? owed.at(-1) : undefined;
      for (const [n, slot] of owed.entries()) {
        if (slot === skip) continue;
        // Recorded in the slot's last hours, at 36.2 … 36.9 ℃.
        const at = new Date(slot.due.getTime() - (2 + ((index + n) % 3)) * 3_600_000);
        const temperature = 36.2 + ((index * 3 + n * 7) % 8) / 10;
        await tx.query(
          `INSERT INTO monitoring_readings (stay_id, person_id, jurisdiction_code, local_date, slot, temperature, symptoms,
             abnormal, source, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, '{}', false, $7, $8) ON CONFLICT DO NOTHING`,
          [
            stay.id,
            stay.personId,
            stay.jurisdictionCode,
            slot.date,
            slot.slot,
            temperature.toFixed(1),
            stay.kind === 'home' && n % 2 === 1 ? 'self' : 'staff',
            at,
          ],
        );
      }
    }
    // The fever: the current slot, just now, its immediate report open (ISO-4 一报告).
    const [fever] = await tx.query<{ id: string }>(
      `INSERT INTO monitoring_readings (stay_id, person_id, jurisdiction_code, local_date, slot, temperature, symptoms,
         abnormal, source, recorded_at)
       VALUES ($1, $2, $3, $4, $5, 38.1, ARRAY['cough'], true, 'staff', $6) ON CONFLICT DO NOTHING RETURNING id`,
      [feverStay.id, feverStay.personId, feverStay.jurisdictionCode, current.date, current.slot, now],
    );
    if (fever) await openReport(tx, feverStay, { id: fever.id, temperature: 38.1, symptoms: ['cough'] }, now);
  });
}
