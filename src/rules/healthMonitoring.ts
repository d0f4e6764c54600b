import { TZDate } from '@date-fns/tz';
import { localDate, startOfLocalDay } from './time.js';

/**
 * ISO-4 (001 §21 "每日健康监测 … 体温异常情况报告 (一报告)"; 002 §11) and ISO-5 (002 §17, §25: home
 * isolation, the community supervises): daily health monitoring of people in isolation.
 *
 * The plans say 每日健康监测 without a number of readings. Local choice (本地口径): two readings a
 * day, as the issue asks: morning (上午) due by 12:00 local and afternoon (下午) due by 20:00 local.
 * The morning slot opens at the day's start, the afternoon slot at 12:00; a slot is recorded on its
 * own day (a late reading of that day still fills it), never for a future slot or a past day.
 */
export const SLOTS = ['am', 'pm'] as const;
export type Slot = (typeof SLOTS)[number];

/** Local hour each slot opens and is due by (本地口径, see above). */
const SLOT_HOURS: Readonly<Record<Slot, { opens: number; due: number }>> = {
  am: { opens: 0, due: 12 },
  pm: { opens: 12, due: 20 },
};

/**
 * Abnormal temperature (本地口径): 37.3 ℃ and above, the usual fever threshold of the plans' fever
 * screening (发热 ≥ 37.3 ℃); the plans say "体温异常" without a number.
 */
export const FEVER_THRESHOLD = 37.3;
/** The temperatures a reading may record (℃): outside them a reading is a typing error. */
export const TEMPERATURE_RANGE = { min: 35, max: 42.5 } as const;

export { SYMPTOMS } from './symptoms.js';

/**
 * The immediate report of an abnormal reading (ISO-4 一报告) is due 2 hours after the reading
 * (本地口径): the plans say 立即报告 without a number; 2 hours is the platform's report window for
 * a case (CAS-2 "2小时内网络直报").
 */
const ABNORMAL_REPORT_HOURS = 2;

export interface ReadingValues {
  temperature: number;
  symptoms: readonly string[];
}

/** ISO-4: a reading is abnormal at 37.3 ℃ or above, or with any listed symptom. */
export function isAbnormal(reading: ReadingValues): boolean {
  return reading.temperature >= FEVER_THRESHOLD || reading.symptoms.length > 0;
}

/** The instant a local hour of a local date begins. */
function atLocalHour(date: string, hour: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (hour === 0) return startOfLocalDay(date, timeZone);
  return new Date(new TZDate(year, month - 1, day, hour, timeZone).getTime());
}

/** When a slot of a local date opens and is due. */
export function slotWindow(date: string, slot: Slot, timeZone: string): { opens: Date; due: Date } {
  const hours = SLOT_HOURS[slot];
  return { opens: atLocalHour(date, hours.opens, timeZone), due: atLocalHour(date, hours.due, timeZone) };
}

/** The slot open at `now` (the afternoon's runs to the day's end) and its local date. */
export function currentSlot(now: Date, timeZone: string): { date: string; slot: Slot } {
  const date = localDate(now, timeZone);
  const pm = slotWindow(date, 'pm', timeZone);
  return { date, slot: now.getTime() >= pm.opens.getTime() ? 'pm' : 'am' };
}

/** Why staff may not record a slot now: its day is not today, or it has not opened. */
export type SlotRefusal = 'past_day' | 'in_future' | 'slot_not_open';

/** Staff and the person record today's slots that have opened; never a past day or a future slot. */
export function recordableSlot(
  date: string,
  slot: Slot,
  now: Date,
  timeZone: string,
): { ok: true } | { ok: false; problem: SlotRefusal } {
  const today = localDate(now, timeZone);
  if (date < today) return { ok: false, problem: 'past_day' };
  if (date > today) return { ok: false, problem: 'in_future' };
  if (slotWindow(date, slot, timeZone).opens.getTime() > now.getTime())
    return { ok: false, problem: 'slot_not_open' };
  return { ok: true };
}

export interface MonitoredSpan {
  /** When the person arrived in the room, or home isolation began. */
  startedAt: Date;
  /** When the stay ended, or null while it runs. */
  endedAt: Date | null;
}

/** Every slot key of a day, `YYYY-MM-DD:am`. */
export const slotKey = (date: string, slot: Slot) => `${date}:${slot}`;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

/**
 * The slots a stay owed by `now`: a slot counts only when the person was under monitoring for the
 * whole of it (the stay had started when the slot opened and had not ended by its due time), and
 * its due time has passed. Someone who arrives at 10:00 owes the afternoon first.
 */
export function owedSlots(
  span: MonitoredSpan,
  now: Date,
  timeZone: string,
): Array<{ date: string; slot: Slot; due: Date }> {
  const until = span.endedAt && span.endedAt.getTime() < now.getTime() ? span.endedAt : now;
  const owed: Array<{ date: string; slot: Slot; due: Date }> = [];
  const last = localDate(until, timeZone);
  // A stay of a few weeks at most; the cap keeps a bad start date from running away.
  for (
    let date = localDate(span.startedAt, timeZone), n = 0;
    date <= last && n < 400;
    date = addDays(date, 1), n++
  ) {
    for (const slot of SLOTS) {
      const { opens, due } = slotWindow(date, slot, timeZone);
      if (opens.getTime() < span.startedAt.getTime()) continue;
      if (due.getTime() > until.getTime()) continue;
      owed.push({ date, slot, due });
    }
  }
  return owed;
}

/** ISO-4, ISO-5: the owed slots without a reading (`recorded` holds slotKey()s). */
export function missedSlots(
  span: MonitoredSpan,
  recorded: ReadonlySet<string>,
  now: Date,
  timeZone: string,
): Array<{ date: string; slot: Slot }> {
  return owedSlots(span, now, timeZone)
    .filter((s) => !recorded.has(slotKey(s.date, s.slot)))
    .map(({ date, slot }) => ({ date, slot }));
}

/** Whether the stay owes the slot at all (it was under monitoring when the slot opened). */
export function slotCounts(span: MonitoredSpan, date: string, slot: Slot, timeZone: string): boolean {
  const { opens } = slotWindow(date, slot, timeZone);
  return (
    opens.getTime() >= span.startedAt.getTime() && (!span.endedAt || span.endedAt.getTime() > opens.getTime())
  );
}

/** When the immediate report of an abnormal reading recorded at `at` is due (ISO-4). */
export function abnormalReportDue(at: Date): Date {
  return new Date(at.getTime() + ABNORMAL_REPORT_HOURS * 3_600_000);
}
