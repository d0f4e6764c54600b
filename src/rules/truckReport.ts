import { TZDate } from '@date-fns/tz';
import { addDays, addHours, differenceInCalendarDays, differenceInMinutes, format } from 'date-fns';

/**
 * Truck pre-reports (ARR-12, 004 §5): "要在车辆到达我市24小时前向收发货单位主动报备车牌号、计划抵达时间以及
 * 司乘人员姓名、身份证号、手机号码等信息". Pure checks shared by the API and the web forms.
 */

/** The one-character province abbreviations that open a mainland plate (GA 36). */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// Letters on plates never include I or O (they read as 1 and 0).
const L = 'A-HJ-NP-Z';
const PLATE_PATTERNS = [
  // Ordinary plates, 5 characters after the issuing office; trucks' trailers end in 挂.
  new RegExp(`^[${PROVINCES}][${L}][${L}0-9]{4}[${L}0-9挂学警]$`, 'u'),
  // New-energy plates, 6 characters: small vehicles D/F first, large vehicles (trucks) D/F last.
  new RegExp(`^[${PROVINCES}][${L}][DF][${L}0-9][0-9]{4}$`, 'u'),
  new RegExp(`^[${PROVINCES}][${L}][0-9]{5}[DF]$`, 'u'),
];

export type PlateCheck =
  | { ok: true; normalized: string }
  | { ok: false; problem: 'required' | 'plate_format' };

/** Upper-cases and drops the spaces, dots and hyphens people type between the parts of a plate. */
export function checkPlate(raw: string): PlateCheck {
  const value = raw.replace(/[\s·•.\-_]/gu, '').toUpperCase();
  if (value === '') return { ok: false, problem: 'required' };
  return PLATE_PATTERNS.some((pattern) => pattern.test(value))
    ? { ok: true, normalized: value }
    : { ok: false, problem: 'plate_format' };
}

/** "到达我市24小时前": the least lead time between the report and the planned arrival. */
const REPORT_LEAD_HOURS = 24;
/** A report for an arrival that is already this far past, or this far ahead, is a typing mistake. */
const PLANNED_ARRIVAL_PAST_HOURS = 24;
const PLANNED_ARRIVAL_AHEAD_DAYS = 30;

export type ReportTiming = { ok: true; late: boolean; leadMinutes: number } | { ok: false; problem: 'range' };

/**
 * Whether a report came at least 24 h before the planned arrival (ARR-12). A late report is still
 * accepted and flagged: refusing a truck at the gate is the checkpoint's call, not the software's.
 */
export function assessReportTiming(reportedAt: Date, plannedArrivalAt: Date): ReportTiming {
  if (plannedArrivalAt < addHours(reportedAt, -PLANNED_ARRIVAL_PAST_HOURS))
    return { ok: false, problem: 'range' };
  if (plannedArrivalAt > addDays(reportedAt, PLANNED_ARRIVAL_AHEAD_DAYS))
    return { ok: false, problem: 'range' };
  return {
    ok: true,
    late: plannedArrivalAt < addHours(reportedAt, REPORT_LEAD_HOURS),
    leadMinutes: differenceInMinutes(plannedArrivalAt, reportedAt),
  };
}

/** Positions (0-based) of crew members whose ID number appeared earlier in the list. */
export function repeatedIds(idNumbers: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  idNumbers.forEach((id, index) => {
    if (seen.has(id)) repeated.push(index);
    seen.add(id);
  });
  return repeated;
}

export const TRUCK_STATUSES = [
  'unverified',
  'reported',
  'escorted',
  'at_checkpoint',
  'left',
  'staying',
  'rejected',
  'cancelled',
] as const;
export type TruckStatus = (typeof TRUCK_STATUSES)[number];
export type TruckAction = 'verify' | 'reject' | 'cancel' | 'escort' | 'arrive' | 'depart' | 'stay';

/** Why a public report was rejected unverified: reported twice, not a real trip, a test. */
export const TRUCK_REJECT_REASONS = ['duplicate', 'not_genuine', 'test'] as const;
export type TruckRejectReason = (typeof TRUCK_REJECT_REASONS)[number];

/**
 * The escort workflow of 004 §5. A report from the public form is a claim ('unverified') until staff
 * confirm it with the consignee, or reject it. Then an escort is named ("派人持相关证明引导"), the truck reaches the
 * checkpoint, then either unloads and leaves ("装卸货后立即返回") or stays over ("因特殊情况短时间内
 * 不能离开"), which may be extended, until it leaves.
 */
const TRANSITIONS: Record<TruckAction, Partial<Record<TruckStatus, TruckStatus>>> = {
  verify: { unverified: 'reported' },
  reject: { unverified: 'rejected' },
  // The trip is called off before the truck reached the checkpoint.
  cancel: { reported: 'cancelled', escorted: 'cancelled' },
  escort: { reported: 'escorted', escorted: 'escorted', at_checkpoint: 'at_checkpoint' },
  arrive: { escorted: 'at_checkpoint' },
  stay: { at_checkpoint: 'staying', staying: 'staying' },
  depart: { at_checkpoint: 'left', staying: 'left' },
};

export function nextTruckStatus(status: TruckStatus, action: TruckAction): TruckStatus | undefined {
  return TRANSITIONS[action][status];
}

/** Longest stay-over booked at once; it can be extended. Assumption: the seed sets no limit. */
const MAX_STAY_DAYS = 14;

/** Adds calendar days to a YYYY-MM-DD date (no time zone involved: it is already a local date). */
export function addLocalDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return format(addDays(new TZDate(year, month - 1, day, 'UTC'), days), 'yyyy-MM-dd');
}

/** The later of two YYYY-MM-DD dates (they compare as text). */
export function laterDate(a: string, b: string): string {
  return a.localeCompare(b) > 0 ? a : b;
}

/**
 * The local dates of a stay-over that each need one NAT ("每日进行1次核酸检测"): from the first day
 * through the last, inclusive; undefined when the range is empty or longer than MAX_STAY_DAYS.
 */
export function stayNatDates(firstDate: string, lastDate: string): string[] | undefined {
  const toUtc = (d: string) => new TZDate(`${d}T00:00:00Z`, 'UTC');
  const span = differenceInCalendarDays(toUtc(lastDate), toUtc(firstDate)) + 1;
  if (!(span >= 1 && span <= MAX_STAY_DAYS)) return undefined;
  return Array.from({ length: span }, (_, i) => addLocalDays(firstDate, i));
}
