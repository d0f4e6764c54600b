/**
 * The policy pack and the plan it yields (ARR-1 … ARR-10). A pack is data: a protocol says whom it
 * matches and what it prescribes, each item citing the seed clause behind it, so a new outbreak's
 * rules are a new pack and not new code.
 */

import type { KeyGroup } from '../keyGroups.js';
import type { ContactControl, DischargeFollowUp, TriggerRule } from './outbreakTypes.js';

/** Where an item comes from: a registered source document ("002"), its clause ("§3"), the words quoted. */
export interface Source {
  document: string;
  section: string;
  quote?: string;
}

/** Every prescribing item cites its source; a detail the seed leaves open says so and why. */
export interface Sourced {
  source: Source;
  assumption?: boolean;
  /** Required when `assumption` is true. */
  reason?: string;
}

export interface Text {
  zh: string;
  en: string;
}

/** Risk status of an origin as the risk-area registry classifies it (ZON-5, ARR-7, ARR-9). */
export type RiskLevel = 'high' | 'medium' | 'low';
/** 重点关注地区 (ARR-6) is published beside the three levels. */
export type OriginRisk = RiskLevel | 'key_concern';

export type PhaseKind =
  | 'centralised_isolation' // 集中隔离医学观察
  | 'home_isolation' // 居家隔离医学观察
  | 'health_monitoring' // 居家/健康监测
  | 'designated_place'; // 指定场所医学检测 (ARR-4, ARR-6)

export type TestKind = 'nat' | 'antigen' | 'serum';

/** The facts about an arrival that protocols match on; the registry and forms supply them. */
export interface ArrivalFacts {
  /** Instant of arrival in this jurisdiction; day 0 is its local calendar date. */
  arrivedAt: Date;
  /** The jurisdiction's time zone, in which days are counted. */
  timeZone: string;
  origin: 'overseas' | 'domestic';
  /** Domestic origin as classified at the time the person was there; absent for overseas. */
  originRisk?: OriginRisk;
  /** Whether the origin's whole district (区/县) held a high- or medium-risk area then (ARR-9). */
  originDistrictRisk?: RiskLevel;
  /** Overseas: instant of entry into the country (ARR-2, ARR-3 count from it). */
  enteredAt?: Date;
  /** Overseas: days of centralised isolation already done at the first port of entry. */
  portIsolationDays?: number;
  contact?: 'close_contact_of_inbound_positive';
  returnee?: 'rural';
  truckCrew?: boolean;
  /** 居家隔离条件 (ARR-9: without them, home isolation becomes centralised). */
  homeIsolationConditions?: boolean;
  /** Hours before arrival of the latest negative NAT, if any (ARR-8, ARR-9, ARR-10). */
  negativeNatHoursBefore?: number;
  greenHealthCode?: boolean;
  /** GB/T 2260 code (6, 9 or 12 digits) of the origin, for cities treated whole as high-risk (ARR-9). */
  originDivisionCode?: string;
  /**
   * The highest level in force then among published areas finer than the origin as reported (a
   * street inside the district the traveller named): they may have come from one of them. The
   * pack's `coarseOrigin` says what applies; the cautious reading when it is silent.
   */
  originFinerRisk?: OriginRisk;
  /** The HQ's whole-division override in force over the origin then (ARR-9), by name. */
  originOverrideName?: string;
}

/** A closed range a numeric fact must lie in. */
export interface Range {
  min?: number;
  max?: number;
}

export interface Match {
  origin?: 'overseas' | 'domestic';
  originRisk?: OriginRisk[];
  originDistrictRisk?: RiskLevel[];
  contact?: 'close_contact_of_inbound_positive';
  returnee?: 'rural';
  truckCrew?: boolean;
  portIsolationDays?: Range;
  /** Calendar days from entry to arrival here (ARR-2: "入境后未满21天"). */
  daysSinceEntry?: Range;
}

interface PhaseSpec extends Sourced {
  kind: PhaseKind;
  startDay: number;
  endDay: number;
}

interface TestSpec extends Sourced {
  kind: TestKind;
  /** Days counted from the protocol's anchor. */
  days: number[];
  /** Parallel reagents (TST-10, ARR-1 day 14: two reagents, both negative). */
  reagents?: number;
  /** Needed negative before release from the phase the day falls in (ISO-6). */
  forRelease?: boolean;
  /** Whether a test already done satisfies this one when a new version moves it; a default reading when absent. */
  earlierResult?: EarlierResultSpec;
}

/**
 * Issue 12 Deliver 4: whether a done test of the same kind (negative, with at least as many
 * reagents) satisfies this test when a new pack version moves it, and how long before the test's
 * day it may have been done (`withinDays`; by default since the previous test of that kind).
 */
export interface EarlierResultSpec extends Sourced {
  accept: boolean;
  withinDays?: number;
}

export interface RestrictionSpec extends Sourced {
  id:
    | 'no_gatherings'
    | 'no_movement'
    | 'daily_health_report'
    | 'closed_loop_transfer'
    | 'register_with_community'
    /** 001 §13 "向所在社区(村屯)和单位登记": the employer's half of that registration. */
    | 'register_with_employer';
  startDay: number;
  endDay: number;
}

/** What must hold before arrival (ARR-8 negative NAT within 7 days or a green code; ARR-9 48 h). */
export interface RequirementSpec extends Sourced {
  id: 'negative_nat_within_hours' | 'green_health_code_or_negative_nat';
  hours: number;
}

/**
 * What applies when the origin is known only to a level that contains a published risk area:
 * `cautious` counts the origin at the highest level inside it (never understating risk);
 * `review` plans nothing until the CDC has established where the person was.
 */
interface CoarseOriginSpec extends Sourced {
  reading: 'cautious' | 'review';
}

/** A pack-wide change applied after matching (ARR-9: no home-isolation conditions → centralised). */
interface AdjustmentSpec extends Sourced {
  when: { homeIsolationConditions: boolean };
  replacePhase: { from: PhaseKind; to: PhaseKind };
}

/**
 * How a protocol reads a term of its document that the risk-area registry does not publish as such
 * (重点地区, 来返沈人员): the protocol's match is that reading, stated with its clause and, when the
 * document does not define the term, as an assumption with its reason (issue 12 item 8). Two packs
 * may read one term differently; the plan shows the reading it was made on.
 */
export interface Reading extends Sourced {
  /** The document's words, e.g. 重点地区. */
  term: string;
}

export interface Protocol extends Sourced {
  id: string;
  /** The requirement this protocol implements, e.g. "ARR-1". */
  rule: string;
  title: Text;
  /** Among matching protocols the highest priority wins; equal priorities are a pack error. */
  priority: number;
  match: Match;
  /** The term of the document that `match` reads, when the registry does not publish it as such. */
  reading?: Reading;
  /** Day 0: the arrival here (default) or the entry into the country (ARR-2, ARR-3). */
  anchor?: 'arrival' | 'entry';
  phases: PhaseSpec[];
  tests: TestSpec[];
  restrictions?: RestrictionSpec[];
  requirements?: RequirementSpec[];
  release: Text;
}

/** TST-4: a key group tested `times` per `perDays` days ("2 天 1 检" = 1 per 2), by the pack's list. */
export interface RoutineTestingSpec extends Sourced {
  keyGroup: KeyGroup;
  times: number;
  perDays: number;
  /** Schools and childcare: a `share` of the people each working day, everyone once a week. */
  allocation?: 'working_day_share';
  share?: number;
  /** The supervising department a missed test is pushed to (TST-5); inferred ones say so. */
  department: Text & { assumption?: boolean; reason?: string };
}

/** A pack without frequencies of its own adopts another pack version's list (always an assumption). */
interface RoutineTestingFrom extends Sourced {
  pack: string;
  version: string;
}

export interface Pack {
  id: string;
  version: string;
  authority: Text;
  title: Text;
  effectiveFrom: string;
  effectiveTo?: string;
  /** Named cities treated whole as high-risk (ARR-9), by division code. */
  treatAsHighRisk?: Array<Sourced & { divisionCode: string; name: string }>;
  adjustments?: AdjustmentSpec[];
  /** An origin known only to a level containing a published area; the cautious reading when absent. */
  coarseOrigin?: CoarseOriginSpec;
  protocols: Protocol[];
  routineTesting?: RoutineTestingSpec[];
  routineTestingFrom?: RoutineTestingFrom;
  /** MON-4: the multi-point trigger rules (absent: the pack sets none). */
  triggers?: TriggerRule[];
  /** CAS-3: isolation and follow-up after a patient's discharge (absent: the pack sets none). */
  dischargeFollowUp?: DischargeFollowUp;
  /** EPI-4: how contacts of a case are controlled, per class (absent: the pack sets none). */
  contactControl?: ContactControl;
  /** The seed the pack transcribes; `assumption` when e.g. its authority or dates are inferred. */
  source?: Source;
  assumption?: boolean;
  reason?: string;
}

export interface PlanPhase {
  kind: PhaseKind;
  startDay: number;
  endDay: number;
  startDate: string;
  endDate: string;
  source: Source;
  /** The item is a stated assumption of the pack, not the seed's words. */
  assumption?: boolean;
  /** Set when a pack adjustment replaced the prescribed kind (ARR-9: no home-isolation conditions). */
  adjustedBy?: { from: PhaseKind; source: Source };
}

export interface PlanTest {
  kind: TestKind;
  day: number;
  date: string;
  reagents: number;
  forRelease: boolean;
  /** The instant by which it is due: the end of its local day. */
  dueAt: Date;
  source: Source;
  assumption?: boolean;
  /** How a done test counts for this one when a new version moves it; absent on plans made before. */
  earlierResult?: PlanEarlierResult;
}

/**
 * A test's reading of an earlier result (issue 12 Deliver 4): a done test of its kind, negative,
 * with at least as many reagents, done on a plan day from `fromDay` to the test's own day,
 * satisfies it when `accept`. `source` is absent when the pack item said nothing: the engine's
 * default reading, always an assumption with its reason.
 */
export interface PlanEarlierResult {
  accept: boolean;
  fromDay: number;
  source?: Source;
  assumption?: boolean;
  reason?: string;
}

export interface PlanRestriction {
  id: RestrictionSpec['id'];
  startDate: string;
  endDate: string;
  source: Source;
  assumption?: boolean;
}

/** A requirement the arrival did not meet: it becomes work (e.g. a test on day 0). */
export interface PlanShortfall {
  id: RequirementSpec['id'];
  /** The requirement's window before arrival (48 h, 7 days); absent on plans made before it was kept. */
  hours?: number;
  source: Source;
}

/**
 * The origin's risk as the plan used it, and why it differs from what the registry published for
 * the origin itself: a whole-city override (the pack's ARR-9 list or the HQ's), or the reading of
 * an origin known only to a level that holds a finer published area.
 */
export interface PlanRisk {
  /** The level protocols were matched on; absent for overseas arrivals. */
  level?: OriginRisk;
  /** The district level protocols were matched on (ARR-9). */
  districtLevel?: RiskLevel;
  /** As the registry classified the origin itself. */
  published?: OriginRisk;
  override?: { name: string; source?: Source; assumption?: boolean; reason?: string };
  coarse?: {
    finerRisk: OriginRisk;
    reading: CoarseOriginSpec['reading'];
    /** Absent when the pack is silent and the engine took the cautious reading. */
    source?: Source;
    assumption?: boolean;
    reason?: string;
  };
  /** The protocol's reading of its document's term (重点地区 …), with the criteria it stands for. */
  reading?: Reading & { match: Match };
}

/** What the engine yields for one arrival; it is stored with the pack it came from. */
export interface Plan {
  packId: string;
  packVersion: string;
  protocolId: string;
  rule: string;
  title: Text;
  timeZone: string;
  /** Local date of day 0 (YYYY-MM-DD). */
  day0: string;
  /** Day of the arrival here counted from day 0: above 0 only when day 0 is the entry (ARR-1, ARR-2, ARR-3). */
  arrivalDay?: number;
  phases: PlanPhase[];
  tests: PlanTest[];
  restrictions: PlanRestriction[];
  shortfalls: PlanShortfall[];
  /**
   * Local date on which the plan ends: the last phase's end (release after that day's required
   * test), or a restriction's end when it runs longer (ARR-6: no gatherings after the designated place).
   */
  releaseDate: string;
  release: Text;
  /** Absent on plans made before it was recorded. */
  risk?: PlanRisk;
}
