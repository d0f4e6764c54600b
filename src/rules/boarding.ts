import { TZDate } from '@date-fns/tz';
import { addHours, format } from 'date-fns';
import { FEVER_CELSIUS } from './fever.js';

/**
 * Boarding check for inbound flights (ARR-13, 002 §1): "禁止确诊病例、疑似病例、密切接触者、有发热等症状者
 * '四类人员'登机" and "登机前提供5日内核酸检测阴性证明".
 */

/**
 * Assumption: "5日内" is read as within 5 × 24 hours of boarding, counted from the sampling time on
 * the certificate. A gate agent can check hours against the certificate without knowing in which
 * zone a calendar day was meant, and it is the stricter reading: counting calendar days would admit
 * a sample taken almost six days before a late-evening flight.
 */
const NAT_VALID_HOURS = 5 * 24;

export interface BoardingFacts {
  confirmed: boolean;
  suspected: boolean;
  closeContact: boolean;
  /** Stated symptoms (fever or others "等症状"); a measured temperature is judged on its own. */
  fever?: boolean | null;
  temperatureC?: number | null;
  /** Sampling time of the latest negative NAT; null when no certificate is shown. */
  negativeNatAt: Date | null;
  boardingAt: Date;
  /** The zone the times are shown in (the checkpoint's jurisdiction). */
  timeZone: string;
}

type BoardingReasonCode =
  | 'confirmed'
  | 'suspected'
  | 'close_contact'
  | 'fever'
  | 'nat_missing'
  | 'nat_expired'
  | 'nat_after_boarding';

interface BoardingReason {
  code: BoardingReasonCode;
  zh: string;
  en: string;
  rule: 'ARR-13';
}

export interface BoardingResult {
  allowed: boolean;
  reasons: BoardingReason[];
  /** The last moment the certificate shown is good for boarding. */
  natValidUntil: Date | null;
}

const reason = (code: BoardingReasonCode, zh: string, en: string): BoardingReason => ({
  code,
  zh,
  en,
  rule: 'ARR-13',
});

const local = (instant: Date, timeZone: string) => format(new TZDate(instant, timeZone), 'yyyy-MM-dd HH:mm');

function feverOf(facts: BoardingFacts): BoardingReason | undefined {
  const measured = facts.temperatureC ?? null;
  if (measured !== null && measured >= FEVER_CELSIUS) {
    return reason(
      'fever',
      `体温${measured.toFixed(1)}℃，达到发热标准（≥${FEVER_CELSIUS}℃），禁止登机`,
      `Temperature ${measured.toFixed(1)} °C is a fever (≥ ${FEVER_CELSIUS} °C): boarding refused`,
    );
  }
  if (facts.fever)
    return reason('fever', '有发热等症状，禁止登机', 'Fever or other symptoms: boarding refused');
  return undefined;
}

function natOf(facts: BoardingFacts, validUntil: Date | null): BoardingReason | undefined {
  const { negativeNatAt: natAt, boardingAt, timeZone } = facts;
  if (!natAt || !validUntil) {
    return reason(
      'nat_missing',
      '未提供登机前5日内核酸检测阴性证明',
      'No negative NAT certificate from the 5 days before boarding',
    );
  }
  if (natAt > boardingAt) {
    return reason(
      'nat_after_boarding',
      `核酸采样时间${local(natAt, timeZone)}晚于登机时间，证明无效`,
      `The NAT sample time ${local(natAt, timeZone)} is after boarding: the certificate is not valid`,
    );
  }
  if (boardingAt > validUntil) {
    return reason(
      'nat_expired',
      `核酸采样时间${local(natAt, timeZone)}，已超过登机前5日（${NAT_VALID_HOURS}小时），有效期至${local(validUntil, timeZone)}`,
      `The NAT was sampled ${local(natAt, timeZone)}, more than 5 days (${NAT_VALID_HOURS} h) before boarding; it was good until ${local(validUntil, timeZone)}`,
    );
  }
  return undefined;
}

/** Every reason that bars this traveller from boarding; allowed when there is none. */
export function checkBoarding(facts: BoardingFacts): BoardingResult {
  const validUntil = facts.negativeNatAt ? addHours(facts.negativeNatAt, NAT_VALID_HOURS) : null;
  const reasons: BoardingReason[] = [];
  if (facts.confirmed)
    reasons.push(reason('confirmed', '确诊病例，禁止登机', 'Confirmed case: boarding refused'));
  if (facts.suspected)
    reasons.push(reason('suspected', '疑似病例，禁止登机', 'Suspected case: boarding refused'));
  if (facts.closeContact) {
    reasons.push(reason('close_contact', '密切接触者，禁止登机', 'Close contact: boarding refused'));
  }
  const fever = feverOf(facts);
  if (fever) reasons.push(fever);
  const nat = natOf(facts, validUntil);
  if (nat) reasons.push(nat);
  return { allowed: reasons.length === 0, reasons, natValidUntil: validUntil };
}
