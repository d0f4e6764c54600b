import { describe, expect, it } from 'vitest';
import {
  type DeadlineTimes,
  deadlineStatus,
  defaultEscalateAfterMs,
  escalatedInto,
  escalationCeiling,
  parentJurisdiction,
} from './deadlines.js';

const GRID = '211122001001001';
const VILLAGE = '211122001001';
const TOWN = '211122001';
const COUNTY = '211122';
const CITY = '2111';
const PROVINCE = '21';

const at = (local: string) => new Date(`${local}+08:00`);

function item(code: string, opened: string, due: string, extra: Partial<DeadlineTimes> = {}): DeadlineTimes {
  return {
    jurisdictionCode: code,
    openedAt: at(opened),
    dueAt: at(due),
    doneAt: null,
    cancelledAt: null,
    escalateAfterMs: null,
    ...extra,
  };
}

describe('CMD-1 the next level up (四级网络: 市、区县、街道(乡镇)、社区(村屯), 网格化管理)', () => {
  it.each([
    ['a grid goes to its community', GRID, VILLAGE],
    ['a village goes to its town', VILLAGE, TOWN],
    ['a town goes to its county', TOWN, COUNTY],
    ['a county goes to its city', COUNTY, CITY],
    ['a city goes to its province', CITY, PROVINCE],
    ['a province has nobody above it', PROVINCE, null],
  ])('CMD-1 %s', (_title, code, parent) => {
    expect(parentJurisdiction(code)).toBe(parent);
  });
});

// ARR-11, seed 004 §4: "各地区要明确专人最长每半小时查看一次报备信息".
const look = item(VILLAGE, '2026-11-24T10:00:00', '2026-11-24T10:30:00');
// CAS-2, seed 001 §8: "发现新冠肺炎疑似病例、确诊病例和无症状感染者后, 2 小时内进行网络直报".
const caseReport = item(COUNTY, '2026-11-24T08:00:00', '2026-11-24T10:00:00');
// EPI-1, seed 002 §24: "24小时内完成对病例(或无症状感染者)的流行病学调查".
const investigation = item(TOWN, '2026-02-28T09:00:00', '2026-03-01T09:00:00');
// TST-2, seed 002 §18: "做到采样 12 小时内反馈检测结果".
const ruralTest = item(VILLAGE, '2026-11-24T20:00:00', '2026-11-25T08:00:00');
// A phase change due in 3 days: escalation waits at most a day per level (the cap).
const phaseChange = item(GRID, '2026-11-21T00:00:00', '2026-11-24T00:00:00');
// A 10-minute call-back: escalation waits at least 30 minutes per level (the floor).
const callBack = item(VILLAGE, '2026-11-24T10:00:00', '2026-11-24T10:10:00');

describe('deadline states and escalation', () => {
  it.each([
    [
      'ARR-11 a look half-way through its 30 minutes is open',
      look,
      '2026-11-24T10:15:00',
      'open',
      0,
      0,
      null,
    ],
    [
      'ARR-11 a look turns due soon in the last quarter of its window (7.5 min)',
      look,
      '2026-11-24T10:22:30',
      'due_soon',
      0,
      0,
      null,
    ],
    [
      'ARR-11 a look is still due soon at its due minute',
      look,
      '2026-11-24T10:30:00',
      'due_soon',
      0,
      0,
      null,
    ],
    [
      'ARR-11 a look one second late goes to the town at once',
      look,
      '2026-11-24T10:30:01',
      'overdue',
      0,
      1,
      TOWN,
    ],
    [
      'ARR-11 a look 30 minutes late climbs to the county',
      look,
      '2026-11-24T11:00:00',
      'overdue',
      30,
      2,
      COUNTY,
    ],
    [
      'ARR-11 a look 89 minutes late has reached the city',
      look,
      '2026-11-24T11:59:59',
      'overdue',
      89,
      3,
      CITY,
    ],
    [
      'ARR-11 a look 2 hours late has reached the province',
      look,
      '2026-11-24T12:30:00',
      'overdue',
      120,
      4,
      PROVINCE,
    ],
    ['ARR-11 escalation stops at the province', look, '2026-11-25T10:30:00', 'overdue', 1440, 4, PROVINCE],
    [
      'CAS-2 a 2-hour report is due soon in its last 30 minutes',
      caseReport,
      '2026-11-24T09:30:00',
      'due_soon',
      0,
      0,
      null,
    ],
    ['CAS-2 a 2-hour report is open before that', caseReport, '2026-11-24T09:29:59', 'open', 0, 0, null],
    ['CAS-2 a late county report goes to the city', caseReport, '2026-11-24T10:01:00', 'overdue', 1, 1, CITY],
    [
      'CAS-2 two hours later it reaches the province',
      caseReport,
      '2026-11-24T12:00:00',
      'overdue',
      120,
      2,
      PROVINCE,
    ],
    [
      'EPI-1 a 24-hour investigation is due soon only in its last hour (across the month end)',
      investigation,
      '2026-03-01T08:00:00',
      'due_soon',
      0,
      0,
      null,
    ],
    [
      'EPI-1 a 24-hour investigation 23 hours late is still with the county',
      investigation,
      '2026-03-02T08:00:00',
      'overdue',
      1380,
      1,
      COUNTY,
    ],
    ['EPI-1 a day later it reaches the city', investigation, '2026-03-02T09:00:00', 'overdue', 1440, 2, CITY],
    [
      'TST-2 a rural 12-hour result 11 hours late is with the town',
      ruralTest,
      '2026-11-25T19:00:00',
      'overdue',
      660,
      1,
      TOWN,
    ],
    [
      'TST-2 12 hours late it reaches the county',
      ruralTest,
      '2026-11-25T20:00:00',
      'overdue',
      720,
      2,
      COUNTY,
    ],
    [
      'ARR-1 a grid’s phase change goes first to its community',
      phaseChange,
      '2026-11-24T00:05:00',
      'overdue',
      5,
      1,
      VILLAGE,
    ],
    [
      'ARR-1 a 3-day window escalates daily (the 24 h cap)',
      phaseChange,
      '2026-11-25T00:00:00',
      'overdue',
      1440,
      2,
      TOWN,
    ],
    [
      'ARR-11 a 10-minute window escalates no faster than every 30 minutes (the floor)',
      callBack,
      '2026-11-24T10:39:59',
      'overdue',
      29,
      1,
      TOWN,
    ],
    [
      'ARR-11 … climbing first 30 minutes after it was opened, not on falling due',
      callBack,
      '2026-11-24T10:29:59',
      'overdue',
      19,
      0,
      null,
    ],
    [
      'ARR-11 … and one more level 30 minutes later',
      callBack,
      '2026-11-24T11:00:00',
      'overdue',
      50,
      2,
      COUNTY,
    ],
  ] as const)('%s', (_title, deadline, now, state, overdueMinutes, escalationLevel, escalatedTo) => {
    expect(deadlineStatus(deadline, at(now))).toEqual({
      state,
      overdueMinutes,
      escalationLevel,
      escalatedTo,
    });
  });

  it.each([
    [
      'ARR-11 an explicit period of 10 minutes escalates faster',
      { escalateAfterMs: 10 * 60_000 },
      '2026-11-24T10:50:00',
      3,
    ],
    [
      'ARR-11 an explicit period of 1 day escalates slower',
      { escalateAfterMs: 86_400_000 },
      '2026-11-25T12:00:00',
      1,
    ],
  ] as const)('%s', (_title, extra, now, level) => {
    expect(deadlineStatus({ ...look, ...extra }, at(now)).escalationLevel).toBe(level);
  });

  it.each([
    ['a 30-minute window', look, 30],
    ['a 10-minute window is raised to the floor', callBack, 30],
    ['a 3-day window is cut to the cap', phaseChange, 1440],
  ])('default escalation period of %s', (_title, deadline, minutes) => {
    expect(defaultEscalateAfterMs(deadline.openedAt, deadline.dueAt)).toBe(minutes * 60_000);
  });

  it.each([
    [
      'ARR-11 done 45 minutes late: done, lateness kept, no longer escalated',
      { doneAt: at('2026-11-24T11:15:00') },
      'done',
      45,
    ],
    ['ARR-11 done in time', { doneAt: at('2026-11-24T10:20:00') }, 'done', 0],
    [
      'ARR-11 cancelled (a plan replaced) after it was due',
      { cancelledAt: at('2026-11-24T10:40:00') },
      'cancelled',
      10,
    ],
  ] as const)('%s', (_title, extra, state, overdueMinutes) => {
    expect(deadlineStatus({ ...look, ...extra }, at('2026-11-25T00:00:00'))).toEqual({
      state,
      overdueMinutes,
      escalationLevel: 0,
      escalatedTo: null,
    });
  });
});

describe('what has climbed into a jurisdiction (escalated to me)', () => {
  it.each([
    [
      'ARR-11 a village look at the town has not reached the county yet',
      look,
      '2026-11-24T10:45:00',
      COUNTY,
      false,
    ],
    ['ARR-11 … but the town sees it', look, '2026-11-24T10:45:00', TOWN, true],
    ['ARR-11 at the county level the county sees it', look, '2026-11-24T11:00:00', COUNTY, true],
    ['ARR-11 … and still sees it after it went on to the city', look, '2026-11-24T11:30:00', COUNTY, true],
    ['ARR-11 nothing not yet overdue has climbed', look, '2026-11-24T10:29:00', TOWN, false],
    [
      'CAS-2 the county’s own item is not escalated to the county',
      caseReport,
      '2026-11-24T12:00:00',
      COUNTY,
      false,
    ],
    [
      'CAS-2 another county’s item never climbs into this one',
      caseReport,
      '2026-11-24T12:00:00',
      '150402',
      false,
    ],
    ['CAS-2 the city sees the county’s late report', caseReport, '2026-11-24T10:01:00', CITY, true],
  ] as const)('%s', (_title, deadline, now, scope, expected) => {
    expect(escalatedInto(deadline, scope, at(now))).toBe(expected);
  });
});

describe('CMD-1 escalation stops at the highest level that has someone responsible', () => {
  it.each([
    ['a county staffed, nobody at the city or province: the county', [COUNTY], COUNTY],
    ['the town and the county staffed: the county, the higher', [TOWN, COUNTY], COUNTY],
    ['a province staffed above an empty city: the province', [COUNTY, PROVINCE], PROVINCE],
    ['only the village itself staffed: nobody above', [VILLAGE], null],
    ['another county staffed: nobody above', ['150402'], null],
    ['nobody anywhere: nobody above', [], null],
  ] as const)('CMD-1 the ceiling of a village item when %s', (_title, staffed, ceiling) => {
    expect(escalationCeiling(VILLAGE, new Set(staffed))).toBe(ceiling);
  });

  // The look is 30 minutes: due 10:30, it reaches the town at once, the county at 11:00, the city
  // at 11:30 and the province at 12:00, unless a ceiling stops it.
  it.each([
    ['no ceiling given: it climbs to the province', undefined, '2026-11-24T12:30:00', 4, PROVINCE],
    ['ceiling at the county: it stops there', COUNTY, '2026-11-24T12:30:00', 2, COUNTY],
    ['ceiling at the county, not reached yet: the town', COUNTY, '2026-11-24T10:45:00', 1, TOWN],
    ['ceiling at the province: the city is climbed through', PROVINCE, '2026-11-24T12:30:00', 4, PROVINCE],
    ['nobody above: overdue, escalated to nobody', null, '2026-11-24T12:30:00', 0, null],
  ] as const)('ARR-11 %s', (_title, ceiling, now, escalationLevel, escalatedTo) => {
    const status = deadlineStatus({ ...look, escalationCeiling: ceiling }, at(now));
    expect(status).toMatchObject({ state: 'overdue', escalationLevel, escalatedTo });
  });
});

// Nothing escalates on creation, anywhere: an item opened at or after its due time waits one
// escalation period from its opening before it climbs; one opened before it is due climbs from its
// due time as always.
// ARR-9, seed 004: the day-0 NAT of an arrival registered on the evening of the next day.
const lateDayZero = item(VILLAGE, '2026-11-25T19:00:00', '2026-11-24T23:59:59');
// TST-2, seed 002 §18: a 12-hour result owed for a sample that reached the system 3 hours late.
const lateResult = item(TOWN, '2026-11-25T11:00:00', '2026-11-25T08:00:00', {
  escalateAfterMs: 12 * 3_600_000,
});
// ARR-11, seed 004 §4: a look opened at the very minute it is due.
const lookAtDue = item(VILLAGE, '2026-11-24T10:30:00', '2026-11-24T10:30:00');
// ARR-11: a look opened one minute before it is due keeps the rule of items opened in time.
const lookJustInTime = item(VILLAGE, '2026-11-24T10:29:00', '2026-11-24T10:30:00');

describe('nothing escalates on creation, anywhere (CMD-1)', () => {
  it.each([
    [
      'ARR-9 a day-0 test registered a day late is overdue on creation but escalated to nobody',
      lateDayZero,
      '2026-11-25T19:00:00',
      'overdue',
      1140,
      0,
      null,
    ],
    [
      'ARR-9 … nor during its first escalation period (the 30-minute floor)',
      lateDayZero,
      '2026-11-25T19:30:00',
      'overdue',
      1170,
      0,
      null,
    ],
    ['ARR-9 … then it goes to the town', lateDayZero, '2026-11-25T19:30:01', 'overdue', 1170, 1, TOWN],
    [
      'ARR-9 … and one more level per period, not at once to the province',
      lateDayZero,
      '2026-11-25T20:00:01',
      'overdue',
      1200,
      2,
      COUNTY,
    ],
    [
      'ARR-9 … reaching the province only after four periods',
      lateDayZero,
      '2026-11-25T21:00:01',
      'overdue',
      1260,
      4,
      PROVINCE,
    ],
    [
      'TST-2 a late result with its own 12-hour period waits 12 hours after it was opened',
      lateResult,
      '2026-11-25T22:59:00',
      'overdue',
      899,
      0,
      null,
    ],
    ['TST-2 … then goes to the county', lateResult, '2026-11-25T23:00:01', 'overdue', 900, 1, COUNTY],
    [
      'ARR-11 a look opened when due is overdue a second later, escalated to nobody',
      lookAtDue,
      '2026-11-24T10:30:01',
      'overdue',
      0,
      0,
      null,
    ],
    [
      'ARR-11 … still with its owner at the end of its 30 minutes',
      lookAtDue,
      '2026-11-24T11:00:00',
      'overdue',
      30,
      0,
      null,
    ],
    ['ARR-11 … then with the town', lookAtDue, '2026-11-24T11:00:01', 'overdue', 30, 1, TOWN],
    [
      'ARR-11 a look opened a minute before its due time is overdue when due but climbs only one period after it was opened',
      lookJustInTime,
      '2026-11-24T10:30:01',
      'overdue',
      0,
      0,
      null,
    ],
    ['ARR-11 … then it reaches the town', lookJustInTime, '2026-11-24T10:59:01', 'overdue', 29, 1, TOWN],
  ] as const)('%s', (_title, deadline, now, state, overdueMinutes, escalationLevel, escalatedTo) => {
    expect(deadlineStatus(deadline, at(now))).toEqual({
      state,
      overdueMinutes,
      escalationLevel,
      escalatedTo,
    });
  });

  it.each([
    [
      'ARR-9 the town does not see a late-registered test on creation',
      lateDayZero,
      '2026-11-25T19:00:00',
      TOWN,
      false,
    ],
    ['ARR-9 … nor the province', lateDayZero, '2026-11-25T19:00:00', PROVINCE, false],
    ['ARR-9 the town sees it after one period', lateDayZero, '2026-11-25T19:45:00', TOWN, true],
    ['ARR-9 … the county only after two', lateDayZero, '2026-11-25T19:45:00', COUNTY, false],
  ] as const)('%s', (_title, deadline, now, scope, expected) => {
    expect(escalatedInto(deadline, scope, at(now))).toBe(expected);
  });
});
