import { describe, expect, it } from 'vitest';
import {
  arrivalNeed,
  chooseRooms,
  contactNeed,
  mayJoin,
  mayShare,
  purposeOf,
  roomOrder,
  transferDue,
} from './isolationAllocation.js';

/**
 * ISO-4, 002 §25: "对密切接触者、次密切接触者等…严格实施单人单间隔离…做到隔离人员 12 小时内转运到集中隔离点".
 */
const room = (id: string, floor: number, number: string, capacity = 1) => ({ id, floor, number, capacity });
const single = { sharingAllowed: false };
const household = { sharingAllowed: true };
const READY = [
  room('r1001', 10, '1001'),
  room('r102', 1, '102', 3),
  room('r101', 1, '101'),
  room('r201', 2, '201'),
];

describe('ISO-4 one person per room (单人单间)', () => {
  it('orders rooms by floor, then number as a number reads', () => {
    expect([...READY].sort(roomOrder).map((r) => r.id)).toEqual(['r101', 'r102', 'r201', 'r1001']);
  });

  it.each([
    ['one person, rooms omitted: the first ready room', [single], {}, ['r101']],
    ['three people: three rooms in order', [single, single, single], {}, ['r101', 'r102', 'r201']],
    ['rooms picked: one each, as picked', [single, single], { picked: ['r201', 'r101'] }, ['r201', 'r101']],
    [
      'a household whose plans all allow it: the first room that takes them all',
      [household, household],
      { householdKey: 'H1' },
      ['r102', 'r102'],
    ],
    [
      'a household allowed to share, rooms picked together',
      [household, household],
      { householdKey: 'H1', picked: ['r102', 'r102'] },
      ['r102', 'r102'],
    ],
  ] as const)('%s', (_name, people, options, expected) => {
    expect(chooseRooms(people, READY, options)).toEqual({ ok: true, roomIds: expected });
  });

  it.each([
    [
      'two people picked into one room, no household',
      [single, single],
      { picked: ['r102', 'r102'] },
      'single_room_required',
    ],
    [
      'a household where one plan requires a single room (an arrival never allows sharing)',
      [household, single],
      { householdKey: 'H1' },
      'single_room_required',
    ],
    [
      'a household picked together where one plan requires a single room',
      [household, single],
      { householdKey: 'H1', picked: ['r102', 'r102'] },
      'single_room_required',
    ],
    ['fewer picked rooms than people', [single, single], { picked: ['r101'] }, 'room_count_mismatch'],
    ['more people than ready rooms', [single, single, single, single, single], {}, 'not_enough_ready_rooms'],
    [
      'a household larger than any ready room',
      [household, household, household, household],
      { householdKey: 'H1' },
      'room_full',
    ],
  ] as const)('refuses %s', (_name, people, options, code) => {
    expect(chooseRooms(people, READY, options)).toEqual({ ok: false, code });
  });

  it('shares only as one household whose every plan allows it', () => {
    expect(mayShare([household, household], 'H1')).toBe(true);
    expect(mayShare([household, household], undefined)).toBe(false);
    expect(mayShare([household, single], 'H1')).toBe(false);
  });

  it('never puts a stranger beside someone already in a room', () => {
    expect(mayJoin([], undefined, [single])).toBe(true);
    expect(mayJoin(['H1'], 'H1', [household])).toBe(true);
    expect(mayJoin(['H1'], 'H2', [household])).toBe(false);
    expect(mayJoin([null], undefined, [single])).toBe(false);
    expect(mayJoin(['H1'], 'H1', [single])).toBe(false);
  });
});

describe('ISO-4 site purposes (003 §3.4.5 集中隔离场所按用途使用)', () => {
  it.each([
    [{ sourceType: 'contact' } as const, 'close_contacts'],
    [{ sourceType: 'arrival', origin: 'overseas' } as const, 'inbound'],
    [{ sourceType: 'arrival', origin: 'domestic' } as const, 'key_area_arrivals'],
  ])('%o is placed under %s', (source, purpose) => {
    expect(purposeOf(source)).toBe(purpose);
  });
});

describe('EPI-4 the 12-hour transfer (做到隔离人员 12 小时内转运到集中隔离点)', () => {
  it('is due 12 hours after identification unless the plan says otherwise', () => {
    const at = new Date('2026-11-24T02:00:00Z');
    expect(transferDue(at).toISOString()).toBe('2026-11-24T14:00:00.000Z');
    expect(transferDue(at, 8).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
});

describe('ISO-4, ISO-5 what a plan owes (EPI-4 contacts, ARR-* arrivals)', () => {
  const steps = [
    { kind: 'transfer', withinHours: 12, singleRoom: true, dueAt: '2026-11-24T14:00:00Z' },
    {
      kind: 'centralised_isolation',
      date: '2026-11-22',
      untilDate: '2026-12-05',
      dueAt: '2026-12-05T16:00:00Z',
    },
    { kind: 'home_isolation', date: '2026-12-06', untilDate: '2026-12-12', dueAt: '2026-12-12T16:00:00Z' },
  ];

  it('a close contact owes centralised isolation until its last day, the transfer due 12 hours after identification', () => {
    expect(contactNeed(steps, 'centralised', '2026-11-24')).toEqual({
      plannedEndDate: '2026-12-05',
      sharingAllowed: false,
      transferDueAt: new Date('2026-11-24T14:00:00Z'),
    });
    expect(contactNeed(steps, 'centralised', '2026-12-06')).toBeNull();
    expect(contactNeed(steps, 'home', '2026-12-06')).toMatchObject({
      plannedEndDate: '2026-12-12',
      transferDueAt: null,
    });
  });

  it('allows a household to share only where a step says singleRoom: false and none says true', () => {
    const shared = steps.map((s) => (s.kind === 'transfer' ? { ...s, singleRoom: false } : s));
    expect(contactNeed(shared, 'centralised', '2026-11-24')?.sharingAllowed).toBe(true);
    const silent = steps.map(({ singleRoom: _, ...s }) => s);
    expect(contactNeed(silent, 'centralised', '2026-11-24')?.sharingAllowed).toBe(false);
  });

  it('owes nothing for a step that ended before identification', () => {
    const elapsed = steps.map((s) => ({ ...s, elapsed: true }));
    expect(contactNeed(elapsed, 'centralised', '2026-11-24')).toBeNull();
  });

  it('an arrival owes its first centralised phase not ended, never shared', () => {
    const phases = [
      { kind: 'centralised_isolation', startDate: '2026-11-23', endDate: '2026-11-29' },
      { kind: 'home_isolation', startDate: '2026-11-30', endDate: '2026-12-06' },
    ];
    expect(arrivalNeed(phases, 'centralised', '2026-11-24')).toEqual({
      plannedEndDate: '2026-11-29',
      sharingAllowed: false,
      transferDueAt: null,
    });
    expect(arrivalNeed(phases, 'centralised', '2026-11-30')).toBeNull();
    expect(arrivalNeed(phases, 'home', '2026-11-24')?.plannedEndDate).toBe('2026-12-06');
  });
});
