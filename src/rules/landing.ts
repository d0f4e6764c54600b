import { TZDate } from '@date-fns/tz';
import { addMinutes } from 'date-fns';
import { endOfLocalDay, localDate } from './time.js';

/**
 * ARR-11 landing code (落地码) workflow, pure: "各地区要明确专人最长每半小时查看一次报备信息,并第一时间推送
 * 所去社区逐人核实,当日反馈检测管控情况,形成工作闭环,做到每日清零" [004 §4].
 */

/** "最长每半小时查看一次": a report waits at most 30 minutes for its look. */
export const LOOK_MINUTES = 30;

export const VERIFICATIONS = ['found', 'not_found', 'wrong_address', 'moved_on'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** What the community feeds back about testing and control (检测管控情况). */
export const FEEDBACK_MEASURES = [
  'nat_done',
  'antigen_done',
  'home_isolation',
  'centralised_isolation',
  'health_monitoring',
  'handed_over',
] as const;
export type FeedbackMeasure = (typeof FEEDBACK_MEASURES)[number];

const REPORT_STATES = ['new', 'looked', 'pushed', 'verified', 'cleared', 'discarded'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/**
 * Why the county's staff set a self-report aside instead of pushing it: the same arrival reported
 * twice, a report that is not a real arrival, a test. A report is a claim until verified (DESIGN
 * "Safe by default"), so setting it aside touches no person.
 */
export const DISCARD_REASONS = ['duplicate', 'not_genuine', 'test'] as const;
export type DiscardReason = (typeof DISCARD_REASONS)[number];

export interface ReportProgress {
  lookedAt: Date | string | null;
  pushedAt: Date | string | null;
  verifiedAt: Date | string | null;
  feedbackAt: Date | string | null;
  discardedAt?: Date | string | null;
}

/** The look is due 30 minutes after the report arrives. */
export function lookDueAt(submittedAt: Date): Date {
  return addMinutes(submittedAt, LOOK_MINUTES);
}

/** "当日反馈": verification and feedback are due by the end of the local day of the push. */
export function verifyDueAt(pushedAt: Date, timeZone: string): Date {
  return endOfLocalDay(localDate(pushedAt, timeZone), timeZone);
}

/** A report is cleared when the community has verified the person and fed back (闭环). */
function isCleared(report: Pick<ReportProgress, 'verifiedAt' | 'feedbackAt'>): boolean {
  return report.verifiedAt !== null && report.feedbackAt !== null;
}

/** Where a report stands in the loop; each step implies the ones before it. */
export function reportState(report: ReportProgress): ReportState {
  if (report.discardedAt) return 'discarded';
  if (isCleared(report)) return 'cleared';
  if (report.verifiedAt !== null) return 'verified';
  if (report.pushedAt !== null) return 'pushed';
  if (report.lookedAt !== null) return 'looked';
  return 'new';
}

/** The instants a local calendar date starts and ends in a zone: [start, end). */
export function localDayRange(date: string, timeZone: string): { start: Date; end: Date } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return {
    start: new Date(new TZDate(year, month - 1, day, timeZone).getTime()),
    end: endOfLocalDay(date, timeZone),
  };
}

/** One community's day on the daily-clear board (每日清零). */
export interface CommunityDay {
  /** Reports submitted on the day. */
  received: number;
  verified: number;
  fedBack: number;
  cleared: number;
  /** Reports from earlier days that are still not cleared: they keep the community red. */
  backlog: number;
}

export function outstanding(day: CommunityDay): number {
  return day.received - day.cleared + day.backlog;
}

/** Green when nothing is outstanding: every report of the day (and before) is cleared. */
export function isClear(day: CommunityDay): boolean {
  return outstanding(day) === 0;
}

/** The board is green when every community on it is. */
export function boardClear(days: readonly CommunityDay[]): boolean {
  return days.every(isClear);
}

export function totalOf(days: readonly CommunityDay[]): CommunityDay {
  const total: CommunityDay = { received: 0, verified: 0, fedBack: 0, cleared: 0, backlog: 0 };
  for (const day of days) {
    total.received += day.received;
    total.verified += day.verified;
    total.fedBack += day.fedBack;
    total.cleared += day.cleared;
    total.backlog += day.backlog;
  }
  return total;
}

/** No 0/O, 1/I/L: a receipt is read out over the phone. */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RECEIPT_RANDOM_LENGTH = 6;

/** "LD261124-7KQ3XM": the local date of submission and six random characters from `random` bytes. */
export function formatReceipt(date: string, random: Uint8Array): string {
  if (random.length < RECEIPT_RANDOM_LENGTH) throw new Error('not enough random bytes');
  let tail = '';
  for (const byte of random.subarray(0, RECEIPT_RANDOM_LENGTH))
    tail += RECEIPT_ALPHABET.charAt(byte % RECEIPT_ALPHABET.length);
  return `LD${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-${tail}`;
}

/** "欧阳明远" → "欧***": enough for the traveller to recognise their report, no more. */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  return `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

/** What the QR code encodes: the public page of one county's or city's landing code. */
export function landingUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/landing/${code}`;
}

/** A landing code belongs to a city (4 digits) or a county (6 digits). */
export function isLandingCode(code: string): boolean {
  return /^\d{4}(\d{2})?$/.test(code);
}

/** The county whose working group looks at a report: the destination's six-digit prefix. */
export function countyOf(code: string): string {
  return code.slice(0, 6);
}
