import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from '../time.js';
import { dayCounter } from './calendar.js';
import { planArrival } from './engine.js';
import { shippedPack, shippedPackFiles } from './testkit.js';
import type { ArrivalFacts, Plan } from './types.js';

const packs = shippedPackFiles().map(shippedPack);

const ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'America/New_York',
  'America/Santiago',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
];
const DAY = 86_400_000;
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const facts: fc.Arbitrary<ArrivalFacts> = fc
  .record({
    arrivedAt: fc.date({
      min: new Date('2019-12-01T00:00Z'),
      max: new Date('2030-12-31T00:00Z'),
      noInvalidDate: true,
    }),
    timeZone: fc.constantFrom(...ZONES),
    origin: fc.constantFrom('overseas' as const, 'domestic' as const),
    originRisk: optional(
      fc.constantFrom('high' as const, 'medium' as const, 'low' as const, 'key_concern' as const),
    ),
    originDistrictRisk: optional(fc.constantFrom('high' as const, 'medium' as const, 'low' as const)),
    entryDaysBefore: optional(fc.integer({ min: -2, max: 40 })),
    entryMs: fc.integer({ min: 0, max: DAY - 1 }),
    portIsolationDays: optional(fc.constantFrom(0, 7, 14)),
    contact: optional(fc.constant('close_contact_of_inbound_positive' as const)),
    returnee: optional(fc.constant('rural' as const)),
    truckCrew: optional(fc.boolean()),
    homeIsolationConditions: optional(fc.boolean()),
    negativeNatHoursBefore: optional(fc.integer({ min: 0, max: 400 })),
    greenHealthCode: optional(fc.boolean()),
    originDivisionCode: optional(fc.constantFrom('310115', '220204', '150781', '211122', '110105001000')),
  })
  .map(({ entryDaysBefore, entryMs, ...f }) => ({
    ...f,
    enteredAt:
      entryDaysBefore === undefined
        ? undefined
        : new Date(f.arrivedAt.getTime() - entryDaysBefore * DAY - entryMs),
  }));

/** Calendar days between two YYYY-MM-DD dates. */
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00Z`) - Date.parse(`${from}T00:00Z`)) / DAY;

function checkPlan(plan: Plan): void {
  // Phases are contiguous, each at least one day long.
  plan.phases.forEach((p, i) => {
    expect(p.startDate < p.endDate).toBe(true);
    if (i > 0) expect(p.startDate).toBe(plan.phases[i - 1]!.endDate);
  });
  const days = dayCounter(new Date(`${plan.day0}T12:00Z`), 'UTC');
  for (const t of plan.tests) {
    // Day N is day 0 + N calendar days, whatever the zone's offsets do.
    expect(daysBetween(plan.day0, t.date)).toBe(t.day);
    expect(t.date).toBe(days.dateOf(t.day));
    // Tests lie inside a phase, or on day 0 (the landing test).
    const inside = plan.phases.some((p) => p.startDate <= t.date && t.date <= p.endDate);
    expect(inside || t.day === 0).toBe(true);
    // Due at the end of its own local day: after the day starts, not a moment later than the next.
    expect(localDate(new Date(t.dueAt.getTime() - 1), plan.timeZone)).toBe(t.date);
    expect(localDate(t.dueAt, plan.timeZone) > t.date).toBe(true);
  }
  // An isolation phase released by a test has that release test on its last day.
  for (const p of plan.phases) {
    const release = plan.tests.filter((t) => t.forRelease && p.startDate <= t.date && t.date <= p.endDate);
    if (p.kind.endsWith('isolation') && release.length > 0) {
      expect(release.some((t) => t.date === p.endDate)).toBe(true);
    }
  }
  expect(plan.releaseDate >= plan.day0).toBe(true);
  // The plan ends with its last phase, or with a restriction that runs longer (ARR-6).
  const ends = [plan.phases.at(-1)?.endDate ?? days.dateOf(plan.arrivalDay ?? 0)];
  ends.push(...plan.restrictions.map((r) => r.endDate));
  expect(plan.releaseDate).toBe(ends.sort().at(-1));
}

describe('plans of every shipped pack, for random arrivals (ARR-1 … ARR-10 properties)', () => {
  it.each(packs.map((p) => [p.id, p] as const))(
    '%s: phases contiguous, tests inside, due at day end',
    (_id, pack) => {
      fc.assert(
        fc.property(facts, (f) => {
          const plan = planArrival(f, pack);
          if (plan) {
            checkPlan(plan);
            expect(plan).toMatchObject({ packId: pack.id, packVersion: pack.version, timeZone: f.timeZone });
          }
        }),
        { numRuns: 400 },
      );
    },
  );

  it('day 0 is the local date of the arrival (or the entry) in the zone', () => {
    fc.assert(
      fc.property(facts, (f) => {
        for (const pack of packs) {
          const plan = planArrival(f, pack);
          if (!plan) continue;
          const anchored = plan.arrivalDay === 0 && localDate(f.arrivedAt, f.timeZone) === plan.day0;
          const fromEntry = f.enteredAt !== undefined && localDate(f.enteredAt, f.timeZone) === plan.day0;
          expect(anchored || fromEntry).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
