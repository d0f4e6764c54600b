import { localDate } from '../../rules/time.js';
import type { ArrivalInput, Channel } from '../arrivals/index.js';
import { originName } from '../landing/index.js';
import { localAt, minutesBefore, onDate } from './clock.js';
import type { Random } from './random.js';
import { DEMO_AREAS } from './riskAreas.js';
import { type Visitor, visitor } from './visitors.js';

/** Arrivals from one origin on days [from, to] before now. */
interface Domestic {
  code: string;
  days: readonly [number, number];
  count: number;
}

/**
 * Where the demo's domestic arrivals left from. Every range keeps a day clear of the publication or
 * lift of the area it concerns, so each arrival is classified the same whatever the hour of loading.
 */
const DOMESTIC: readonly Domestic[] = [
  // ARR-5: an area in force (high or medium) when they left it.
  { code: '110105004', days: [0, 8], count: 3 },
  { code: '110105002', days: [0, 8], count: 2 },
  { code: '440305001', days: [0, 6], count: 2 },
  { code: '150702', days: [0, 11], count: 2 },
  { code: '150781', days: [0, 10], count: 2 },
  { code: '620102', days: [0, 12], count: 2 },
  { code: '650102', days: [0, 13], count: 1 },
  { code: '210102016', days: [0, 3], count: 2 },
  { code: '510107', days: [0, 2], count: 1 },
  // ARR-7: left before the area was lifted, so still ARR-5.
  { code: '310115005', days: [7, 13], count: 2 },
  { code: '310104', days: [5, 13], count: 1 },
  { code: '210213', days: [3, 13], count: 2 },
  { code: '220202', days: [11, 13], count: 1 },
  // ARR-8: low risk, including the same places after their lift, and districts whose risk is a street.
  { code: '310115005', days: [0, 5], count: 2 },
  { code: '220202', days: [0, 9], count: 1 },
  { code: '110105', days: [0, 13], count: 2 },
  { code: '330106', days: [0, 13], count: 3 },
  { code: '130102', days: [0, 13], count: 2 },
  { code: '610113', days: [0, 13], count: 2 },
  { code: '210103', days: [0, 13], count: 3 },
  { code: '211102', days: [0, 13], count: 3 },
  { code: '211103', days: [0, 13], count: 2 },
  { code: '210211', days: [0, 13], count: 2 },
  // 重点关注地区: the county's plan [003] has no protocol for them (status no_protocol).
  { code: '440106', days: [0, 4], count: 2 },
  { code: '420106', days: [2, 7], count: 1 },
];

/** A low-risk district (ARR-8) of the same province. */
const UNPROVEN_ORIGIN = '211102';

/** ARR-4: returning from abroad after 14 days' isolation at the first port, days before now. */
const OVERSEAS: ReadonlyArray<{ country: string; days: number }> = [
  { country: '俄罗斯', days: 12 },
  { country: '韩国', days: 10 },
  { country: '日本', days: 6 },
  { country: '美国', days: 4 },
  { country: '德国', days: 2 },
  { country: '新加坡', days: 0 },
];

/** "北京市朝阳区三里屯街道": a street's name from the demo's areas, a district's from GB/T 2260. */
function placeName(code: string): string | null {
  const area = DEMO_AREAS.find((a) => a.code === code && a.street);
  return area ? `${originName(code.slice(0, 6))}${area.street}` : (originName(code) ?? null);
}

export interface Resident {
  id: string;
  village: string;
}

export interface Places {
  /** Villages and communities of the county, in code order. */
  villages: readonly string[];
  /** The community the demo's community worker serves: every fourth arrival goes there. */
  first: string;
  /** Adult residents, and those of the first community. */
  residents: readonly Resident[];
  firstResidents: readonly Resident[];
}

export interface DemoArrival {
  input: Omit<ArrivalInput, 'person'> & { person: { personId: string } | Visitor };
  /** Who registers it: the channel's staff. */
  by: 'community_worker' | 'working_group' | 'checkpoint_staff';
}

function takeResident(random: Random, pool: readonly Resident[], used: Set<string>): Resident | undefined {
  for (let attempt = 0; attempt < 20 && pool.length > 0; attempt++) {
    const resident = random.pick(pool);
    if (!used.has(resident.id)) {
      used.add(resident.id);
      return resident;
    }
  }
  return undefined;
}

function registrar(channel: Channel, destination: string, places: Places): DemoArrival['by'] {
  if (channel === 'checkpoint') return 'checkpoint_staff';
  return channel === 'manual' && destination.startsWith(places.first) ? 'community_worker' : 'working_group';
}

/**
 * The demo's arrivals of the last 14 days, deterministic for a seed and a "now": returning residents
 * and visitors, by checkpoint, big-data push list or manual registration, each with its source ref.
 */
export function demoArrivals(random: Random, now: Date, timeZone: string, places: Places): DemoArrival[] {
  const used = new Set<string>();
  const result: DemoArrival[] = [];
  const arrival = (days: number, earliestHour: number) => {
    const at = localAt(now, timeZone, days, random.int(earliestHour, 21), random.int(0, 59));
    const fallback = random.int(10, 240);
    // Today's arrivals are in the past, whatever the hour of loading.
    return at.getTime() > now.getTime() - 5 * 60_000 ? minutesBefore(now, fallback) : at;
  };
  const person = (i: number, home: string, resident: boolean) => {
    const toFirst = i % 4 === 0;
    const found = resident
      ? takeResident(random, toFirst ? places.firstResidents : places.residents, used)
      : undefined;
    if (found) return { person: { personId: found.id }, destination: found.village };
    const destination = toFirst ? places.first : random.pick(places.villages);
    return { person: visitor(random, home), destination };
  };
  for (const origin of DOMESTIC) {
    for (let n = 0; n < origin.count; n++) {
      const i = result.length;
      const arrivedAt = arrival(random.int(origin.days[0], origin.days[1]), 8);
      const travelHours = origin.code.startsWith('21') ? random.int(1, 3) : random.int(3, 6);
      const channel = random.pick<Channel>(['checkpoint', 'checkpoint', 'push_list', 'push_list', 'manual']);
      const who = person(i, origin.code, random.next() < 0.45);
      const tested = random.next() < 0.5;
      result.push({
        by: registrar(channel, who.destination, places),
        input: {
          person: who.person,
          jurisdictionCode: who.destination,
          channel,
          sourceRef: `demo-arrival-${String(i).padStart(3, '0')}`,
          origin: 'domestic',
          originDivisionCode: origin.code,
          originName: placeName(origin.code),
          leftOriginAt: minutesBefore(arrivedAt, travelHours * 60),
          arrivedAt,
          homeIsolationConditions: random.next() < 0.7,
          greenHealthCode: true,
          negativeNatAt: tested ? minutesBefore(arrivedAt, random.int(20, 60) * 60) : null,
        },
      });
    }
  }
  {
    // ARR-8 with neither proof, three days ago, into the community worker's community: the shortfall
    // task (a call to have them tested) is theirs and overdue, so their "my work" has a real item.
    const i = result.length;
    const arrivedAt = arrival(3, 9);
    const resident = takeResident(random, places.firstResidents, used);
    result.push({
      by: 'working_group',
      input: {
        person: resident ? { personId: resident.id } : visitor(random, UNPROVEN_ORIGIN),
        jurisdictionCode: resident?.village ?? places.first,
        channel: 'push_list',
        sourceRef: `demo-arrival-${String(i).padStart(3, '0')}`,
        origin: 'domestic',
        originDivisionCode: UNPROVEN_ORIGIN,
        originName: placeName(UNPROVEN_ORIGIN),
        leftOriginAt: minutesBefore(arrivedAt, 90),
        arrivedAt,
        homeIsolationConditions: true,
        greenHealthCode: false,
        negativeNatAt: null,
      },
    });
  }
  for (const abroad of OVERSEAS) {
    const i = result.length;
    const arrivedAt = arrival(abroad.days, 9);
    // Entered China 15 local days earlier, then 14 days at the first port's isolation site.
    const enteredAt = onDate(localDate(arrivedAt, timeZone), timeZone, 7, 30, -15);
    const channel = random.pick<Channel>(['push_list', 'manual']);
    const who = person(i, '211122', true);
    result.push({
      by: registrar(channel, who.destination, places),
      input: {
        person: who.person,
        jurisdictionCode: who.destination,
        channel,
        sourceRef: `demo-arrival-${String(i).padStart(3, '0')}`,
        origin: 'overseas',
        originCountry: abroad.country,
        originName: abroad.country,
        leftOriginAt: minutesBefore(enteredAt, 10 * 60),
        enteredAt,
        portIsolationDays: 14,
        arrivedAt,
        homeIsolationConditions: true,
      },
    });
  }
  return result;
}
