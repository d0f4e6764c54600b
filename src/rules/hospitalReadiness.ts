/**
 * CAS-4 readiness of the treatment system, as figures: pure, no I/O.
 * - 002 §26: "按照不低于床位总数的 10% 配置重症监护床位" and "物资、药品储备量应当满足医疗机构30天满负荷运转需求";
 *   "根据疫情需要启动方舱医院".
 * - 003 §3.4.2 (二、2): "县医院需配置有不少于10张病床的ICU救治中心和30张床位的负压病房".
 * - 004 §22: "加快方舱医院建设 … 确保遇有突发疫情能够迅速启用" (mobile cabins ready on standby).
 */

const HOSPITAL_KINDS = ['designated', 'fever_clinic', 'mobile_cabin'] as const;
export type HospitalKind = (typeof HOSPITAL_KINDS)[number];
const HOSPITAL_STATUSES = ['in_use', 'standby'] as const;
export type HospitalStatus = (typeof HOSPITAL_STATUSES)[number];

/** CAS-4, 002 §26: ICU beds at least 10% of the beds. */
const ICU_PERCENT_MIN = 10;
/** CAS-4, 003 §3.4.2: a county hospital's ICU has at least 10 beds … */
const COUNTY_ICU_MIN = 10;
/** … and its negative-pressure ward at least 30 beds. */
const COUNTY_NEGATIVE_PRESSURE_MIN = 30;
/** CAS-4, 002 §26: supplies and drugs for 30 days at full load. */
const SUPPLY_DAYS_MIN = 30;
/** CAS-4, 002 §26: "出现 10 人以上确诊患者 … 48 小时内腾空一所定点医院". */
const EMPTYING_CONFIRMED_THRESHOLD = 10;
export const EMPTYING_HOURS = 48;

export interface HospitalCapacity {
  kind: HospitalKind;
  status: HospitalStatus;
  isCountyHospital: boolean;
  beds: number;
  icuBeds: number;
  negativePressureBeds: number;
  supplyDays: number;
}

type ShortfallCode = 'icu_share' | 'county_icu' | 'county_negative_pressure' | 'supply_days';

export interface Shortfall {
  code: ShortfallCode;
  /** What the hospital has, and what the rule asks for (in beds or days). */
  actual: number;
  required: number;
}

/** The beds an ICU of `beds` must hold at least: 10%, rounded up (a share of a bed is a bed). */
export function icuBedsRequired(beds: number): number {
  return Math.ceil((beds * ICU_PERCENT_MIN) / 100);
}

/**
 * CAS-4: what a hospital lacks. The ICU share is the designated hospitals' (002 §26 "定点收治医院 …
 * 配置重症监护床位"); the 30 days apply to designated hospitals and to mobile cabins (a cabin on
 * standby must be ready to open; it takes mild cases, so no ICU share); a fever clinic screens and
 * refers, so none of the treatment figures apply to it. The county hospital's ICU and
 * negative-pressure minimums apply to the one marked as the county hospital, whatever its kind.
 */
export function readinessShortfalls(h: HospitalCapacity): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  const treats = h.kind !== 'fever_clinic';
  if (h.kind === 'designated' && h.beds > 0 && h.icuBeds < icuBedsRequired(h.beds))
    shortfalls.push({ code: 'icu_share', actual: h.icuBeds, required: icuBedsRequired(h.beds) });
  if (h.isCountyHospital && h.icuBeds < COUNTY_ICU_MIN)
    shortfalls.push({ code: 'county_icu', actual: h.icuBeds, required: COUNTY_ICU_MIN });
  if (h.isCountyHospital && h.negativePressureBeds < COUNTY_NEGATIVE_PRESSURE_MIN)
    shortfalls.push({
      code: 'county_negative_pressure',
      actual: h.negativePressureBeds,
      required: COUNTY_NEGATIVE_PRESSURE_MIN,
    });
  if ((treats || h.isCountyHospital) && h.supplyDays < SUPPLY_DAYS_MIN)
    shortfalls.push({ code: 'supply_days', actual: h.supplyDays, required: SUPPLY_DAYS_MIN });
  return shortfalls;
}

export interface JurisdictionReadiness {
  hospitals: number;
  beds: number;
  /** The designated hospitals' ICU beds. */
  icuBeds: number;
  negativePressureBeds: number;
  /** ICU beds as a share of the designated hospitals' beds, in whole percent (0 without beds). */
  icuSharePct: number;
  /** Mobile cabins registered, and how many of them stand by ready (CAS-4, 004 §22). */
  mobileCabins: number;
  mobileCabinsStandby: number;
  /** Hospitals with at least one shortfall. */
  withShortfalls: number;
}

/**
 * CAS-4 summed over a jurisdiction's hospitals: the treatment beds (designated hospitals and
 * cabins), the designated hospitals' ICU beds and their share of those hospitals' beds, cabins on
 * standby, hospitals short of a figure.
 */
export function sumReadiness(hospitals: readonly HospitalCapacity[]): JurisdictionReadiness {
  const treating = hospitals.filter((h) => h.kind !== 'fever_clinic');
  const designated = hospitals.filter((h) => h.kind === 'designated');
  const designatedBeds = designated.reduce((n, h) => n + h.beds, 0);
  const icuBeds = designated.reduce((n, h) => n + h.icuBeds, 0);
  const cabins = hospitals.filter((h) => h.kind === 'mobile_cabin');
  return {
    hospitals: hospitals.length,
    beds: treating.reduce((n, h) => n + h.beds, 0),
    icuBeds,
    negativePressureBeds: treating.reduce((n, h) => n + h.negativePressureBeds, 0),
    icuSharePct: designatedBeds === 0 ? 0 : Math.floor((icuBeds * 100) / designatedBeds),
    mobileCabins: cabins.length,
    mobileCabinsStandby: cabins.filter((h) => h.status === 'standby').length,
    withShortfalls: hospitals.filter((h) => readinessShortfalls(h).length > 0).length,
  };
}

/**
 * CAS-3 "四集中": a case is admitted to a designated hospital in use, or to a mobile cabin once it is
 * opened (in use); never to a fever clinic, and never to a cabin still on standby.
 */
export function admitsCases(h: Pick<HospitalCapacity, 'kind' | 'status'>): boolean {
  return (h.kind === 'designated' || h.kind === 'mobile_cabin') && h.status === 'in_use';
}

/**
 * CAS-4: a designated hospital holding `confirmed` confirmed cases (admitted, not discharged) owes
 * emptying of its other patients within 48 hours from the moment it reaches 10 ("10 人以上" read as
 * 10 or more: the cautious reading).
 */
export function owesEmptying(kind: HospitalKind, confirmed: number): boolean {
  return kind === 'designated' && confirmed >= EMPTYING_CONFIRMED_THRESHOLD;
}
