import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { naturalId } from '../riskAreas/index.js';
import { fileTruckReport } from '../trucks/index.js';
import { contextAt, minutesBefore } from './clock.js';
import type { Random } from './random.js';
import { visitor } from './visitors.js';

/** GB 32100 characters and weights: the consignee's unified social credit code needs a valid check. */
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function creditCode(random: Random): string {
  for (;;) {
    const body = `92211122${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
    const sum =
      USCC_WEIGHTS.reduce((total, weight, i) => total + USCC.indexOf(body.charAt(i)) * weight, 0) % 31;
    // A remainder of 0 would need check character "0", which some validators refuse: draw again.
    if (sum !== 0) return body + USCC[31 - sum];
  }
}

interface DemoTruck {
  unitName: string;
  plate: string;
  from: string;
  /** Reported this many minutes before now, to arrive this many minutes after now. */
  reportedAgo: number;
  arrivesIn: number;
}

/**
 * ARR-12 pre-reports whose escort falls due soon: one reported yesterday for within the hour (on
 * the community's list as due soon) and one for tomorrow morning (open).
 */
const TRUCKS: readonly DemoTruck[] = [
  { unitName: '盘锦河蟹养殖合作社', plate: '冀A3K726', from: '130102', reportedAgo: 26 * 60, arrivesIn: 50 },
  { unitName: '盘山县城农贸市场', plate: '辽B7Q2D5', from: '210211', reportedAgo: 180, arrivesIn: 22 * 60 },
];

export async function addDemoTrucks(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  random: Random,
  destination: string,
): Promise<number> {
  const now = ctx.now();
  for (const [i, truck] of TRUCKS.entries()) {
    const driver = visitor(random, truck.from);
    await fileTruckReport(
      contextAt(ctx, minutesBefore(now, truck.reportedAgo)),
      tx,
      actor,
      {
        id: naturalId('demo_truck_report', [String(i)]),
        unitName: truck.unitName,
        unitCreditCode: creditCode(random),
        plate: truck.plate,
        plannedArrivalAt: minutesBefore(now, -truck.arrivesIn).toISOString(),
        jurisdictionCode: destination,
        originDivisionCode: truck.from,
        starred: false,
        crew: [driver],
      },
      actor.scopes,
    );
  }
  return TRUCKS.length;
}
