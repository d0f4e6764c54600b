import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { localDate } from '../../rules/time.js';
import type { ReportInput } from '../landing/index.js';
import { pushToCommunity, submitReport, verifyReport } from '../landing/index.js';
import { naturalId } from '../riskAreas/index.js';
import { contextAt, localAt, minutesBefore, onDate } from './clock.js';
import type { Random } from './random.js';
import { stayAddress, visitor } from './visitors.js';

interface DemoReport {
  /** Submitted `[days ago, hour, minute]` local, or `minutes` before now. */
  at: readonly [number, number, number] | number;
  /** A district code, or a country for an arrival from abroad after port isolation (ARR-4). */
  from: string;
  toFirst: boolean;
  /** Minutes from submission to the community's verification and feedback. */
  verifiedAfter: number;
}

/**
 * ARR-11 landing-code reports of the last two days, each worked round the loop (查看 → 推送 →
 * 核实反馈) and cleared: the daily-clear board starts green, as after a day's work, and the
 * travellers are arrivals with plans like any other.
 */
const REPORTS: readonly DemoReport[] = [
  { at: [2, 9, 40], from: '330106', toFirst: false, verifiedAfter: 180 },
  { at: [2, 14, 15], from: '150781', toFirst: true, verifiedAfter: 120 },
  { at: [1, 10, 5], from: '620102', toFirst: true, verifiedAfter: 150 },
  { at: [1, 15, 40], from: '211103', toFirst: false, verifiedAfter: 90 },
  { at: [1, 19, 20], from: '110105', toFirst: true, verifiedAfter: 150 },
  { at: [1, 21, 30], from: '韩国', toFirst: false, verifiedAfter: 100 },
  { at: 150, from: '210102', toFirst: true, verifiedAfter: 60 },
  { at: 95, from: '440305', toFirst: false, verifiedAfter: 60 },
];

interface Place {
  code: string;
  name: string;
}

export interface LandingActors {
  workingGroup: Actor;
  communityWorker: Actor;
}

function input(random: Random, report: DemoReport, submitted: Date, timeZone: string, place: Place) {
  const overseas = !/^\d{6}$/.test(report.from);
  const person = visitor(random, overseas ? '210211' : report.from);
  const arrivedAt = minutesBefore(submitted, random.int(10, 40));
  const enteredAt = onDate(localDate(arrivedAt, timeZone), timeZone, 7, 30, -15);
  const left = overseas ? minutesBefore(enteredAt, 10 * 60) : minutesBefore(arrivedAt, random.int(2, 6) * 60);
  const body: ReportInput = {
    ...person,
    origin: overseas ? 'overseas' : 'domestic',
    originDivisionCode: overseas ? null : report.from,
    originCountry: overseas ? report.from : null,
    enteredAt: overseas ? enteredAt.toISOString() : null,
    portIsolationDays: overseas ? 14 : null,
    leftOriginAt: left.toISOString(),
    arrivedAt: arrivedAt.toISOString(),
    destinationCode: place.code,
    address: stayAddress(random, place.name),
    homeIsolationConditions: random.next() < 0.7,
    negativeNatAt: minutesBefore(arrivedAt, random.int(20, 40) * 60).toISOString(),
    itineraryStar: false,
    truckDriver: false,
  };
  return body;
}

/** Submits the reports as travellers would, each at its own time, then works them as staff did. */
export async function addDemoLandingReports(
  ctx: AppContext,
  tx: Queryable,
  actors: LandingActors,
  random: Random,
  timeZone: string,
  places: { first: Place; villages: readonly Place[] },
): Promise<number> {
  const now = ctx.now();
  const landingCode = places.first.code.slice(0, 6);
  for (const [i, report] of REPORTS.entries()) {
    const submitted =
      typeof report.at === 'number'
        ? minutesBefore(now, report.at)
        : localAt(now, timeZone, report.at[0], report.at[1], report.at[2]);
    const place = report.toFirst ? places.first : random.pick(places.villages);
    const body = input(random, report, submitted, timeZone, place);
    const id = naturalId('demo_landing_report', [String(i)]);
    await submitReport(contextAt(ctx, submitted), tx, undefined, landingCode, body, id);
    await pushToCommunity(contextAt(ctx, minutesBefore(submitted, -12)), tx, actors.workingGroup, id);
    // The demo has one community worker's account; elsewhere the county's working group stands in.
    const verifier = report.toFirst ? actors.communityWorker : actors.workingGroup;
    await verifyReport(contextAt(ctx, minutesBefore(submitted, -report.verifiedAfter)), tx, verifier, id, {
      verification: 'found',
      // The demo's travellers are not registered yet: verified, they are registered from the report.
      registerNew: true,
      measures: ['nat_done', 'health_monitoring'],
    });
  }
  return REPORTS.length;
}
