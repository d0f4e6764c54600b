import type { Sourced, TestKind, Text } from './types.js';

/**
 * The outbreak-response sections of a pack (issue: cases and multi-point surveillance): trigger rules
 * (MON-4) and the follow-up after a patient's discharge (CAS-3). Packs hold them as data, each item
 * citing its document, so a changed threshold is a new pack version and not new code.
 */

/** Levels a rule groups a feed by; a jurisdiction level is a code-prefix length (GB/T 2260, 12-digit). */
export type TriggerLevel = 'city' | 'county' | 'town' | 'village' | 'site';

/** Code length of each jurisdiction level: city 4, county 6, town 9, village 12. */
export const LEVEL_CODE_LENGTH: Readonly<Record<Exclude<TriggerLevel, 'site'>, number>> = {
  city: 4,
  county: 6,
  town: 9,
  village: 12,
};

/** What today's value is compared with. */
export type TriggerBaseline =
  /** No baseline: the threshold is an absolute count (e.g. any positive environment sample). */
  | { kind: 'none' }
  /** The mean of the same weekday over the previous `weeks` weeks (MON-4: e.g. 4 weeks). */
  | { kind: 'same_weekday_mean'; weeks: number }
  /** The mean of the previous `days` days. */
  | { kind: 'daily_mean'; days: number };

export type TriggerThreshold =
  /** Fires when the window's value reaches `count`. */
  | { kind: 'at_least'; count: number }
  /** Fires when the window's value is at least `ratio` × its baseline and at least `minCount`. */
  | { kind: 'ratio_to_baseline'; ratio: number; minCount: number };

/** MON-4: one multi-point trigger rule of a pack. */
export interface TriggerRule extends Sourced {
  /** Unique in the pack: 'four-class-sales-town'. */
  id: string;
  title: Text;
  /** A feed and measure offered through src/platform/signals (e.g. 'drug_sales' / 'sales'). */
  feed: string;
  measure: string;
  level: TriggerLevel;
  /** The value is summed over the last `windowDays` local days (1 = today alone). */
  windowDays: number;
  baseline: TriggerBaseline;
  threshold: TriggerThreshold;
  /** Whether the alert proposes a published warning (预警发布); the CDC decides on assessment. */
  proposeWarning?: boolean;
}

/** One step of the follow-up after discharge (CAS-3: 出院后隔离观察、随访复诊). */
export interface DischargeStep extends Sourced {
  kind: 'isolation' | 'health_monitoring' | 'follow_up_visit' | 'test';
  /** Days after the discharge date (day 0 = the local discharge date). */
  day: number;
  /** For isolation and monitoring: the last day of the step. */
  untilDay?: number;
  test?: TestKind;
  title: Text;
}

/** CAS-3: what follows a discharge, as a plan with its deadlines. */
export interface DischargeFollowUp extends Sourced {
  steps: DischargeStep[];
}

/** EPI-4: the classes of contacts a pack says how to control (密切接触者、次密切接触者、一般接触者). */
export type ContactClass = 'close' | 'secondary_close' | 'general';
export const CONTACT_CLASSES: readonly ContactClass[] = ['close', 'secondary_close', 'general'];

/**
 * EPI-4: one step of a contact's control. `transfer` counts hours from identification (002 §25
 * "做到隔离人员 12 小时内转运到集中隔离点"); the others count days from the last exposure (day 0 = its
 * local date in the contact's jurisdiction).
 */
export interface ContactStep extends Sourced {
  kind: 'transfer' | 'centralised_isolation' | 'home_isolation' | 'health_monitoring' | 'test';
  /** transfer: hours after identification by which the contact is in the isolation place. */
  withinHours?: number;
  /** transfer and centralised isolation: a single room (单人单间). */
  singleRoom?: boolean;
  /** Days after the last exposure; isolation and monitoring run from `day` to `untilDay`. */
  day?: number;
  untilDay?: number;
  test?: TestKind;
  title: Text;
}

/** EPI-4: what follows a contact's identification, per class, each step citing its clause. */
export interface ContactControl extends Sourced {
  classes: Partial<Record<ContactClass, { steps: ContactStep[] } & Partial<Sourced>>>;
}
