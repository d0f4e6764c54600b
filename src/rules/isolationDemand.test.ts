import { describe, expect, it } from 'vitest';
import { type DemandInput, isolationDemand, type RoomStates, sumDemand } from './isolationDemand.js';

const none: RoomStates = { ready: 0, occupied: 0, cleaning: 0, outOfService: 0 };
const base: DemandInput = {
  confirmedCases: 0,
  inRoom: 0,
  awaitingArrival: 0,
  queued: 0,
  inUse: none,
  standby: none,
};
const rooms = (ready: number, more: Partial<RoomStates> = {}): RoomStates => ({ ...none, ready, ...more });

describe('ISO-2 rooms demanded against rooms held (002 §25 "按照确诊病例数量合理确定隔离人员规模，原则上按照 1 例确诊病例配置 100 间隔离房间")', () => {
  const cases: Array<
    [
      string,
      Partial<DemandInput>,
      { demanded: number; neededNow: number; total: number; gap: number; level: 'ok' | 'short' },
    ]
  > = [
    [
      'ISO-2 no confirmed case demands no room',
      {},
      { demanded: 0, neededNow: 0, total: 0, gap: 0, level: 'ok' },
    ],
    [
      'ISO-2 no case and 120 ready rooms: 120 spare',
      { inUse: rooms(120) },
      { demanded: 0, neededNow: 0, total: 120, gap: -120, level: 'ok' },
    ],
    [
      'ISO-2 one case demands 100 rooms: 80 held are 20 short',
      { confirmedCases: 1, inUse: rooms(80) },
      { demanded: 100, neededNow: 0, total: 80, gap: 20, level: 'short' },
    ],
    [
      'ISO-2 one case against exactly 100 rooms is not short',
      { confirmedCases: 1, inUse: rooms(60, { occupied: 30, cleaning: 10 }) },
      { demanded: 100, neededNow: 0, total: 100, gap: 0, level: 'ok' },
    ],
    [
      'ISO-2 three cases demand 300 rooms: 250 held are 50 short',
      { confirmedCases: 3, inUse: rooms(150), standby: rooms(100) },
      { demanded: 300, neededNow: 0, total: 250, gap: 50, level: 'short' },
    ],
    [
      'ISO-2 contacts beyond the ratio: 1 case, 90 in rooms, 10 awaiting, 50 contacts owed need 150 rooms',
      {
        confirmedCases: 1,
        inRoom: 90,
        awaitingArrival: 10,
        queued: 50,
        inUse: rooms(30, { occupied: 100 }),
      },
      { demanded: 100, neededNow: 150, total: 130, gap: 20, level: 'short' },
    ],
    [
      'ISO-2 rooms out of service are not counted',
      { confirmedCases: 1, inUse: rooms(90, { outOfService: 40 }) },
      { demanded: 100, neededNow: 0, total: 90, gap: 10, level: 'short' },
    ],
    [
      'ISO-2 with ISO-1: a standby site’s rooms count as capacity (一用一备)',
      { confirmedCases: 2, inUse: rooms(100), standby: rooms(100) },
      { demanded: 200, neededNow: 0, total: 200, gap: 0, level: 'ok' },
    ],
    [
      'ISO-2 a negative case count (never stored) demands nothing',
      { confirmedCases: -1 },
      { demanded: 0, neededNow: 0, total: 0, gap: 0, level: 'ok' },
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const demand = isolationDemand({ ...base, ...input });
    expect({
      demanded: demand.demanded,
      neededNow: demand.neededNow,
      total: demand.capacity.total,
      gap: demand.gap,
      level: demand.level,
    }).toEqual(expected);
    expect(demand.required).toBe(Math.max(demand.demanded, demand.neededNow));
  });

  it('ISO-2 standby rooms are capacity but not ready now; cleaning and occupied rooms are neither ready', () => {
    const demand = isolationDemand({
      ...base,
      confirmedCases: 1,
      inUse: rooms(20, { occupied: 30, cleaning: 5, outOfService: 3 }),
      standby: rooms(50, { outOfService: 2 }),
    });
    expect(demand.capacity).toEqual({
      total: 105,
      readyNow: 20,
      occupied: 30,
      cleaning: 5,
      standby: 50,
      outOfService: 5,
    });
    expect(demand.level).toBe('ok');
  });

  it('ISO-2 a wider scope sums its counties: one county’s spare rooms do not cover another’s shortfall', () => {
    const short = isolationDemand({ ...base, confirmedCases: 3, inUse: rooms(250) });
    const fine = isolationDemand({ ...base, confirmedCases: 1, inUse: rooms(300) });
    const total = sumDemand([short, fine]);
    expect(total).toMatchObject({ demanded: 400, required: 400, gap: 50, level: 'short', countiesShort: 1 });
    expect(total.capacity.total).toBe(550);
    expect(sumDemand([fine])).toMatchObject({ gap: -200, level: 'ok', countiesShort: 0 });
    expect(sumDemand([])).toMatchObject({ demanded: 0, gap: 0, level: 'ok' });
  });
});
