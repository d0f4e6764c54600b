import { describe, expect, it } from 'vitest';
import {
  type AssignedFrequency,
  type Frequency,
  governingFrequency,
  institutionRanks,
  missed,
  nextDue,
  personSlot,
  routineState,
  schedule,
  unitlessSlot,
} from './routineSchedule.js';

const DAILY: Frequency = { times: 1, perDays: 1 };
const EVERY_2: Frequency = { times: 1, perDays: 2 };
const EVERY_3: Frequency = { times: 1, perDays: 3 };
const WEEKLY: Frequency = { times: 1, perDays: 7 };
const TWICE_WEEKLY: Frequency = { times: 2, perDays: 7 };
const SCHOOL: Frequency = { times: 1, perDays: 7, allocation: 'working_day_share', share: 0.2 };

// 2026-11-24 is a Tuesday; 2026-12-31 a Thursday (the ISO week runs Mon 12-28 … Sun 2027-01-03).
describe('TST-4 next due date from the pack frequency [004 §13]', () => {
  it.each<[string, Frequency, string[], string, number, string]>([
    [
      'TST-4 "国际邮件快件从业及操作人员每日 1 检": tested yesterday → due today',
      DAILY,
      ['2026-11-23'],
      '2026-11-24',
      0,
      '2026-11-24',
    ],
    ['TST-4 daily: tested today → due tomorrow', DAILY, ['2026-11-24'], '2026-11-24', 0, '2026-11-25'],
    [
      'TST-4 "机场一线工作人员 2 天 1 检": tested Monday → due Wednesday',
      EVERY_2,
      ['2026-11-23'],
      '2026-11-24',
      0,
      '2026-11-25',
    ],
    [
      'TST-4 "市场监管系统一线工作人员 3 天 1 检": the latest test counts',
      EVERY_3,
      ['2026-11-15', '2026-11-22'],
      '2026-11-24',
      0,
      '2026-11-25',
    ],
    [
      'TST-4 "社会福利养老机构每周 1 检": across the year end',
      WEEKLY,
      ['2026-12-28'],
      '2026-12-31',
      0,
      '2027-01-04',
    ],
    [
      'TST-4 "每周 2 检": the 2nd latest test + 7 days',
      TWICE_WEEKLY,
      ['2026-11-17', '2026-11-20'],
      '2026-11-24',
      0,
      '2026-11-24',
    ],
    [
      'TST-4 "每周 2 检": two tests the same day count once',
      TWICE_WEEKLY,
      ['2026-11-20', '2026-11-20'],
      '2026-11-24',
      0,
      '2026-11-24',
    ],
    [
      'TST-4 "每周 2 检": 2nd latest of three',
      TWICE_WEEKLY,
      ['2026-11-10', '2026-11-19', '2026-11-22'],
      '2026-11-24',
      0,
      '2026-11-26',
    ],
    ['TST-4 never tested → due today', EVERY_2, [], '2026-11-24', 0, '2026-11-24'],
    ['TST-4 a test dated after today is ignored', DAILY, ['2026-11-30'], '2026-11-24', 0, '2026-11-24'],
    [
      'TST-4 "每个工作日抽检 20%, 每周全覆盖": Thursday slot, untested this week',
      SCHOOL,
      ['2026-11-19'],
      '2026-11-24',
      3,
      '2026-11-26',
    ],
    [
      'TST-4 school: Monday slot already passed this week → due (overdue) Monday',
      SCHOOL,
      [],
      '2026-11-24',
      0,
      '2026-11-23',
    ],
    [
      "TST-4 school: tested this week → next week's slot day",
      SCHOOL,
      ['2026-11-23'],
      '2026-11-24',
      1,
      '2026-12-01',
    ],
    [
      'TST-4 school: week over the year end, tested Monday 12-28 → Friday slot 2027-01-08',
      SCHOOL,
      ['2026-12-28'],
      '2026-12-31',
      4,
      '2027-01-08',
    ],
    [
      'TST-4 school: untested, Friday slot in the week of the year end → 2027-01-01',
      SCHOOL,
      ['2026-12-22'],
      '2026-12-31',
      4,
      '2027-01-01',
    ],
    [
      'TST-4 school: Sunday belongs to the week that began on Monday',
      SCHOOL,
      ['2026-11-23'],
      '2026-11-29',
      2,
      '2026-12-02',
    ],
  ])('%s', (_title, frequency, tests, today, slot, expected) => {
    expect(nextDue(frequency, tests, today, slot)).toBe(expected);
  });

  it.each<[string, string, string, string]>([
    ['TST-4 due before today is overdue', '2026-11-23', '2026-11-24', 'overdue'],
    ['TST-4 due today is due', '2026-11-24', '2026-11-24', 'due'],
    ['TST-4 due later is ok', '2026-11-25', '2026-11-24', 'ok'],
  ])('%s', (_title, due, today, expected) => {
    expect(routineState(due, today)).toBe(expected);
  });

  it('TST-4 "每个工作日抽检 20%": ranks 0 … 9 in a school fill Monday … Friday twice', () => {
    const slots = Array.from({ length: 10 }, (_, rank) => personSlot(rank, SCHOOL));
    expect(slots).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    const perDay = [0, 1, 2, 3, 4].map((d) => slots.filter((s) => s === d).length / slots.length);
    expect(perDay).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  it.each<[string, string, number]>([
    ['TST-4 an id ending …00000000 takes Monday', '3f2a1b4c-9d8e-4f70-8a6b-5c4d00000000', 0],
    ['TST-4 an id ending …00000003 takes Thursday', '3f2a1b4c-9d8e-4f70-8a6b-5c4d00000003', 3],
    ['TST-4 an id ending …ffffffff (4294967295) takes Monday', '3f2a1b4c-9d8e-4f70-8a6b-5c4dffffffff', 0],
    ['TST-4 upper-case hex reads alike', '3F2A1B4C-9D8E-4F70-8A6B-5C4D0000000E', 4],
  ])('%s', (_title, id, expected) => {
    expect(unitlessSlot(id, SCHOOL)).toBe(expected);
  });

  it('TST-4 "每个工作日抽检 20%": 1,000 pupils without a school spread over Monday … Friday, not all on Monday', () => {
    // Deterministic ids of the shape the database gives (UUID v4 from a fixed generator).
    let state = 20_261_124;
    const hex = (n: number) =>
      Array.from({ length: n }, () => {
        state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
        return (state >> 16) & 15;
      })
        .map((d) => d.toString(16))
        .join('');
    const people = Array.from({ length: 1000 }, () => ({
      id: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      jurisdictionCode: '211122001001',
      employer: null,
      keyGroups: ['student'],
      testDates: [],
    }));
    const rules = [{ assignmentCode: '2111', keyGroup: 'student', times: 1, perDays: 7, slots: 5 }];
    const entries = schedule(people, rules, ['2111'], '2026-11-24');
    const perDay = [0, 1, 2, 3, 4].map((d) => entries.filter((e) => e.slot === d).length);
    // An even share is 200 a day; a hash spreads them within a few percent of it.
    for (const count of perDay) expect(count).toBeGreaterThan(160);
    for (const count of perDay) expect(count).toBeLessThan(240);
    expect(perDay.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe('TST-5 missed routine tests "未按时检测的由疾控部门推送至行业主管部门" [004 §13]', () => {
  it.each<[string, Frequency, string[], string, number, string[]]>([
    [
      'TST-5 daily: tested 3 days ago → missed the day after it',
      DAILY,
      ['2026-11-21'],
      '2026-11-24',
      0,
      ['2026-11-22'],
    ],
    ['TST-5 daily: tested yesterday → nothing missed', DAILY, ['2026-11-23'], '2026-11-24', 0, []],
    ['TST-5 2 天 1 检: due today is not yet missed', EVERY_2, ['2026-11-22'], '2026-11-24', 0, []],
    ['TST-5 2 天 1 检: due yesterday is missed', EVERY_2, ['2026-11-21'], '2026-11-24', 0, ['2026-11-23']],
    [
      'TST-5 "由主管部门组织漏检人员当日完成检测": a test today answers the miss',
      DAILY,
      ['2026-11-21', '2026-11-24'],
      '2026-11-24',
      0,
      [],
    ],
    [
      "TST-5 school: tested today (Tuesday) answers Monday's slot",
      SCHOOL,
      ['2026-11-24'],
      '2026-11-24',
      0,
      [],
    ],
    ['TST-5 never tested is due today, not missed', WEEKLY, [], '2026-11-24', 0, []],
    ['TST-5 missed longer ago than the look-back is history', DAILY, ['2026-10-01'], '2026-11-24', 0, []],
    [
      'TST-5 school: Monday slot untested → missed that Monday',
      SCHOOL,
      ['2026-11-17'],
      '2026-11-24',
      0,
      ['2026-11-23'],
    ],
    ['TST-5 school: Tuesday slot is due today, not missed', SCHOOL, ['2026-11-17'], '2026-11-24', 1, []],
    [
      'TST-5 school: untested weeks each missed, oldest first',
      SCHOOL,
      ['2026-11-05'],
      '2026-11-24',
      2,
      ['2026-11-11', '2026-11-18'],
    ],
    [
      'TST-5 school: a Friday test covers its week (Monday 11-09); the next Monday is missed',
      SCHOOL,
      ['2026-11-13'],
      '2026-11-17',
      0,
      ['2026-11-16'],
    ],
    [
      'TST-5 school: never tested → each untested slot day of the 28-day look-back',
      SCHOOL,
      [],
      '2026-11-24',
      0,
      ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'],
    ],
    ['TST-5 school: across the year end', SCHOOL, ['2026-12-22'], '2027-01-05', 4, ['2027-01-01']],
  ])('%s', (_title, frequency, tests, today, slot, expected) => {
    expect(missed(frequency, tests, today, slot)).toEqual(expected);
  });
});

const rule = (assignmentCode: string, keyGroup: string, times: number, perDays: number, slots = 0) => ({
  assignmentCode,
  keyGroup,
  times,
  perDays,
  slots,
});
const RULES: AssignedFrequency[] = [
  rule('2111', 'courier', 1, 2),
  rule('2111', 'farmers_market', 2, 7),
  rule('2111', 'market_supervision', 1, 3),
  rule('2111', 'student', 1, 7, 5),
  rule('2111', 'elderly_care', 1, 7),
  rule('211122', 'elderly_care', 1, 7),
  rule('2111', 'port_staff', 1, 30),
];

describe('TST-4 the frequency that governs a person [004 §13]', () => {
  it.each<[string, string, string[], string[], AssignedFrequency | undefined]>([
    [
      'TST-4 in two key groups, the stricter: "2 天 1 检" over "每周 2 检"',
      '211103001001',
      ['farmers_market', 'courier'],
      ['2111'],
      RULES[0],
    ],
    [
      'TST-4 "3 天 1 检" (1/3 a day) is stricter than "每周 2 检" (2/7 a day)',
      '211103001001',
      ['farmers_market', 'market_supervision'],
      ['2111'],
      RULES[2],
    ],
    [
      'TST-4 at an equal rate an interval ("每周 1 检") comes before the working-day share',
      '211103001001',
      ['student', 'elderly_care'],
      ['2111'],
      RULES[4],
    ],
    [
      "TST-4 the nearest assignment governs: the county's list, not the city's",
      '211122001001',
      ['elderly_care'],
      ['2111', '211122'],
      RULES[5],
    ],
    [
      "TST-4 the nearest assignment without the person's group means no routine, even if the city has it",
      '211122001001',
      ['courier'],
      ['2111', '211122'],
      undefined,
    ],
    ['TST-4 no assignment above the person: no routine', '220102001001', ['courier'], ['2111'], undefined],
  ])('%s', (_title, jurisdictionCode, keyGroups, assignments, expected) => {
    expect(governingFrequency(RULES, assignments, { jurisdictionCode, keyGroups })).toEqual(expected);
  });

  it('TST-4 "每个工作日抽检 20%": a school is ranked within its county, by id; no employer ranks alone', () => {
    const ranks = institutionRanks([
      { id: 'c', jurisdictionCode: '211122001001', employer: '第一小学' },
      { id: 'a', jurisdictionCode: '211122002001', employer: '第一小学' },
      { id: 'b', jurisdictionCode: '211103001001', employer: '第一小学' },
      { id: 'd', jurisdictionCode: '211122001001', employer: null },
      { id: 'e', jurisdictionCode: '211122001001', employer: null },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 0, c: 1, b: 0, d: 0, e: 0 });
  });
});

describe('TST-4 / TST-5 the schedule of key-group people', () => {
  const person = (id: string, keyGroups: string[], testDates: string[], employer: string | null = null) => ({
    id,
    jurisdictionCode: '211103001001',
    employer,
    keyGroups,
    testDates,
  });
  it.each<[string, ReturnType<typeof person>, object]>([
    [
      'TST-4 "每周 1 检", last tested 50 days ago: overdue since its due date, not "due today"',
      person('p', ['elderly_care'], ['2026-10-05']),
      { lastTest: '2026-10-05', nextDue: '2026-10-12', state: 'overdue', latestMissed: null },
    ],
    [
      'TST-4 "每周 2 检": two samples one day count once; the 2nd latest test day sets the due date',
      person('p', ['farmers_market'], ['2026-10-05', '2026-11-01', '2026-11-01']),
      { lastTest: '2026-11-01', nextDue: '2026-10-12', state: 'overdue', latestMissed: null },
    ],
    [
      "TST-5 a pack's 30-day frequency, tested 45 days ago: the miss 15 days ago is pushed",
      person('p', ['port_staff'], ['2026-10-10']),
      { lastTest: '2026-10-10', nextDue: '2026-11-09', state: 'overdue', latestMissed: '2026-11-09' },
    ],
    [
      'TST-5 "2 天 1 检": a test after today does not answer the miss',
      person('p', ['courier'], ['2026-11-21', '2026-11-25']),
      { lastTest: '2026-11-21', nextDue: '2026-11-23', state: 'overdue', latestMissed: '2026-11-23' },
    ],
    [
      'TST-4 "每个工作日抽检 20%": the first of a school takes Monday and missed it',
      person('p', ['student'], [], '第一小学'),
      { slot: 0, lastTest: null, nextDue: '2026-11-23', state: 'overdue', latestMissed: '2026-11-23' },
    ],
  ])('%s', (_title, who, expected) => {
    const [entry] = schedule([who], RULES, ['2111'], '2026-11-24');
    expect(entry).toMatchObject(expected);
  });

  it('TST-4 a person of no key group with a rule has no entry', () => {
    expect(schedule([person('p', ['transport'], [])], RULES, ['2111'], '2026-11-24')).toEqual([]);
  });
});
