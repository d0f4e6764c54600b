import type { ArrivalInput } from '../../src/modules/arrivals/index.js';
import type { Random } from '../../src/modules/demo/index.js';
import type { AreaInput } from '../../src/modules/riskAreas/index.js';
import type { ChinaDivisions, Place } from './chinaDivisions.js';

/**
 * Arrivals for the plans benchmark: who arrives where from what, so that every protocol of the two
 * counties' packs is exercised. 盘山县 (panshan-2021) tells overseas returnees after port isolation,
 * people from high/medium-risk areas and everyone else apart (ARR-1, ARR-5); 红山区 (chifeng-2022)
 * goes by the origin's district (ARR-9), treats Shanghai whole as high-risk and has truck crews (ARR-12).
 */
export interface BenchArea {
  input: AreaInput;
  code: string;
  county: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

/**
 * A few published areas around `now`, each county of origin holding one kind so that a district is
 * plainly high or medium (ARR-9): in two counties a high-risk village in force for a month, a
 * key-concern village and a high-risk village lifted five days ago (who left it before the lift
 * is still high-risk, ARR-7); in two others a medium-risk village.
 */
export function benchAreas(random: Random, divisions: ChinaDivisions, now: Date): BenchArea[] {
  const areas: BenchArea[] = [];
  const published = new Date(now.getTime() - 30 * DAY);
  const lifted = new Date(now.getTime() - 5 * DAY);
  const large = divisions.counties.filter((c) => (divisions.villagesOf.get(c.code)?.length ?? 0) > 20);
  const kinds = [
    ['high', 'key_concern', 'high'],
    ['medium'],
    ['high', 'key_concern', 'high'],
    ['medium'],
  ] as const;
  for (const levels of kinds) {
    const county = random.pick(large);
    const villages = divisions.villagesOf.get(county.code)!;
    for (const [j, level] of levels.entries()) {
      const village = villages[j * 5]!;
      areas.push({
        code: village.code,
        county: county.code,
        input: {
          level,
          divisionCode: village.code,
          areaName: village.name,
          publishedAt: published,
          liftedAt: j === 2 ? lifted : null,
          publisher: '国务院联防联控机制',
        },
      });
    }
  }
  return areas;
}

interface Resident {
  id: string;
  jurisdictionCode: string;
}

/** One arrival per resident, arrived within the last ten days, origin drawn per the county's mix. */
export function benchArrivals(
  random: Random,
  divisions: ChinaDivisions,
  areas: readonly BenchArea[],
  residents: readonly Resident[],
  options: { now: Date; chifeng: string; tag: string },
): ArrivalInput[] {
  const inForce = areas.filter((a) => a.input.liftedAt === null && a.input.level !== 'key_concern');
  const keyConcern = areas.filter((a) => a.input.level === 'key_concern');
  const lifted = areas.filter((a) => a.input.liftedAt !== null);
  const shanghai = divisions.villages.filter((v) => v.code.startsWith('31'));
  const elsewhere = (county: string): Place => random.pick(divisions.villagesOf.get(county)!);
  return residents.map((resident, i): ArrivalInput => {
    const arrivedAt = minute(options.now.getTime() - random.next() * 10 * DAY);
    const leftOriginAt = minute(arrivedAt.getTime() - random.int(2, 30) * HOUR);
    const base = {
      person: { personId: resident.id },
      jurisdictionCode: resident.jurisdictionCode,
      channel: 'checkpoint' as const,
      sourceRef: `${options.tag}:${i}`,
      arrivedAt,
      homeIsolationConditions: random.next() < 0.7,
      negativeNatAt: random.next() < 0.7 ? minute(arrivedAt.getTime() - random.int(6, 40) * HOUR) : null,
    };
    const domestic = (code: string, left = leftOriginAt): ArrivalInput => ({
      ...base,
      origin: 'domestic',
      originDivisionCode: code,
      leftOriginAt: left,
    });
    const roll = random.next();
    if (resident.jurisdictionCode.startsWith(options.chifeng)) {
      if (roll < 0.2) return domestic(elsewhere(random.pick(inForce).county).code);
      if (roll < 0.3) return domestic(random.pick(inForce).code);
      if (roll < 0.35) return domestic(random.pick(shanghai).code);
      if (roll < 0.45) return { ...domestic(random.pick(divisions.villages).code), truckCrew: true };
      return domestic(random.pick(divisions.villages).code);
    }
    if (roll < 0.15) {
      const enteredAt = minute(arrivedAt.getTime() - random.int(14, 16) * DAY);
      return { ...base, origin: 'overseas', originCountry: '日本', enteredAt, portIsolationDays: 14 };
    }
    if (roll < 0.35) return domestic(random.pick(inForce).code);
    if (roll < 0.4) return domestic(random.pick(keyConcern).code);
    if (roll < 0.45) {
      // Left a high-risk village before or after its lift: the level in force then decides (ARR-7).
      const area = random.pick(lifted);
      const left = area.input.liftedAt!.getTime() + random.int(-3, 2) * DAY;
      const arrived = Math.min(left + random.int(2, 30) * HOUR, options.now.getTime());
      return { ...domestic(area.code, minute(left)), arrivedAt: minute(arrived), negativeNatAt: null };
    }
    return domestic(random.pick(divisions.villages).code);
  });
}
