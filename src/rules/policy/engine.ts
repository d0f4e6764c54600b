import { dayCounter } from './calendar.js';
import { withEarlierResults } from './earlierResult.js';
import { effectiveFacts, matchProtocol } from './match.js';
import { needsOriginReview, planRisk, withReading } from './originReading.js';
import type {
  ArrivalFacts,
  Pack,
  Plan,
  PlanPhase,
  PlanRestriction,
  PlanShortfall,
  PlanTest,
  Protocol,
  RequirementSpec,
  Sourced,
  TestKind,
} from './types.js';

export { diffPlans } from './diffPlans.js';
export { matchProtocol } from './match.js';
export { needsOriginReview } from './originReading.js';

/**
 * The plan the pack prescribes for an arrival, or undefined when no protocol matches or when the
 * pack sends an origin known only to a level holding a published area to the CDC (B7: see
 * needsOriginReview).
 */
export function planArrival(facts: ArrivalFacts, pack: Pack): Plan | undefined {
  if (needsOriginReview(facts, pack)) return undefined;
  const protocol = matchProtocol(facts, pack);
  return protocol ? planFor(facts, pack, protocol) : undefined;
}

const assumed = (item: Sourced) => (item.assumption ? { assumption: true } : {});

const TEST_ORDER: Record<TestKind, number> = { nat: 0, antigen: 1, serum: 2 };

/**
 * The dated plan of one protocol. Day 0 is the arrival here, or the entry into the country when
 * the protocol counts from it (ARR-2, ARR-3); then whatever ended by the day of arrival was the
 * port's to do, and the plan starts on that day.
 */
function planFor(facts: ArrivalFacts, pack: Pack, protocol: Protocol): Plan {
  const entry = protocol.anchor === 'entry' ? facts.enteredAt : undefined;
  const days = dayCounter(entry ?? facts.arrivedAt, facts.timeZone);
  const arrivalDay = entry ? Math.max(0, days.dayOf(facts.arrivedAt)) : 0;
  const kept = (endDay: number) => arrivalDay === 0 || endDay > arrivalDay;

  const phases = adjustPhases(
    protocol.phases
      .filter((p) => kept(p.endDay))
      .map((p) => {
        const startDay = Math.max(p.startDay, arrivalDay);
        return {
          kind: p.kind,
          startDay,
          endDay: p.endDay,
          startDate: days.dateOf(startDay),
          endDate: days.dateOf(p.endDay),
          source: p.source,
          ...assumed(p),
        };
      }),
    facts,
    pack,
  );
  const tests: PlanTest[] = protocol.tests
    .flatMap((t) =>
      t.days.filter(kept).map((day) => ({
        kind: t.kind,
        day,
        date: days.dateOf(day),
        reagents: t.reagents ?? 1,
        forRelease: t.forRelease === true,
        dueAt: days.dueAt(day),
        source: t.source,
        ...assumed(t),
      })),
    )
    .sort((a, b) => a.day - b.day || TEST_ORDER[a.kind] - TEST_ORDER[b.kind]);
  const restrictions: PlanRestriction[] = (protocol.restrictions ?? [])
    .filter((r) => kept(r.endDay))
    .map((r) => ({
      id: r.id,
      startDate: days.dateOf(Math.max(r.startDay, arrivalDay)),
      endDate: days.dateOf(r.endDay),
      source: r.source,
      ...assumed(r),
    }));
  const last = phases.at(-1);
  // ARR-6: a restriction that outlasts the last phase ("不准组织、参加聚集性活动") ends the plan
  // (dates YYYY-MM-DD compare as text).
  const lastPhaseEnd = last ? last.endDate : days.dateOf(arrivalDay);
  const releaseDate =
    restrictions
      .map((r) => r.endDate)
      .filter((end) => end > lastPhaseEnd)
      .sort()
      .at(-1) ?? lastPhaseEnd;
  return {
    packId: pack.id,
    packVersion: pack.version,
    protocolId: protocol.id,
    rule: protocol.rule,
    title: protocol.title,
    timeZone: facts.timeZone,
    day0: days.day0,
    arrivalDay,
    phases,
    // Issue 12 Deliver 4: each test says how a done test counts for it when a new version moves it.
    tests: withEarlierResults(tests, protocol.tests),
    restrictions,
    shortfalls: shortfalls(facts, protocol.requirements ?? []),
    releaseDate,
    release: protocol.release,
    risk: withReading(planRisk(facts, pack, effectiveFacts(facts, pack)), protocol),
  };
}

/** Pack-wide replacements (ARR-9: "所有不符合居家隔离条件的均须集中隔离"). Unknown facts change nothing. */
function adjustPhases(phases: PlanPhase[], facts: ArrivalFacts, pack: Pack): PlanPhase[] {
  let result = phases;
  for (const adjustment of pack.adjustments ?? []) {
    if (facts.homeIsolationConditions !== adjustment.when.homeIsolationConditions) continue;
    const { from, to } = adjustment.replacePhase;
    result = result.map((p) =>
      p.kind === from ? { ...p, kind: to, adjustedBy: { from, source: adjustment.source } } : p,
    );
  }
  return result;
}

function natWithin(facts: ArrivalFacts, hours: number): boolean {
  const before = facts.negativeNatHoursBefore;
  return before !== undefined && before >= 0 && before <= hours;
}

/** Requirements the arrival does not meet (ARR-8, ARR-9, ARR-10): they become work for staff. */
function shortfalls(facts: ArrivalFacts, requirements: RequirementSpec[]): PlanShortfall[] {
  return requirements
    .filter((r) =>
      r.id === 'negative_nat_within_hours'
        ? !natWithin(facts, r.hours)
        : !(facts.greenHealthCode === true || natWithin(facts, r.hours)),
    )
    .map((r) => ({ id: r.id, hours: r.hours, source: r.source }));
}
