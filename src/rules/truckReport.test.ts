import { describe, expect, it } from 'vitest';
import {
  assessReportTiming,
  checkPlate,
  nextTruckStatus,
  repeatedIds,
  stayNatDates,
  type TruckAction,
  type TruckStatus,
} from './truckReport.js';

// ARR-12, 004 §5: "要在车辆到达我市24小时前向收发货单位主动报备车牌号、计划抵达时间以及司乘人员姓名、
// 身份证号、手机号码等信息".
describe('ARR-12 licence plates ("车牌号")', () => {
  it.each([
    ['ARR-12 ordinary plate', '蒙D12345', '蒙D12345'],
    ['ARR-12 letters and digits, lower case and spaces normalised', ' 辽l a8b9c ', '辽LA8B9C'],
    ['ARR-12 plate with a middle dot as printed', '京A·12345', '京A12345'],
    ['ARR-12 trailer ("挂")', '冀B1234挂', '冀B1234挂'],
    ['ARR-12 new-energy small vehicle (D first)', '沪AD12345', '沪AD12345'],
    ['ARR-12 new-energy large vehicle (F last)', '粤B12345F', '粤B12345F'],
  ])('%s', (_case, input, normalized) => {
    expect(checkPlate(input)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['ARR-12 empty', '', 'required'],
    ['ARR-12 no province', 'D12345', 'plate_format'],
    ['ARR-12 unknown province character', '中D12345', 'plate_format'],
    ['ARR-12 letter O is never used', '蒙O12345', 'plate_format'],
    ['ARR-12 too short', '蒙D1234', 'plate_format'],
    ['ARR-12 too long for a fuel vehicle', '蒙D1234567', 'plate_format'],
    ['ARR-12 markup', '<蒙D12345>', 'plate_format'],
  ])('%s is refused', (_case, input, problem) => {
    expect(checkPlate(input)).toEqual({ ok: false, problem });
  });
});

describe('ARR-12 the 24-hour lead ("到达我市24小时前")', () => {
  const reportedAt = new Date('2026-11-24T02:00:00Z');
  const at = (iso: string) => assessReportTiming(reportedAt, new Date(iso));
  it.each([
    ['ARR-12 30 h ahead is in time', '2026-11-25T08:00:00Z', { ok: true, late: false, leadMinutes: 1800 }],
    [
      'ARR-12 exactly 24 h ahead is in time',
      '2026-11-25T02:00:00Z',
      { ok: true, late: false, leadMinutes: 1440 },
    ],
    [
      'ARR-12 one minute short of 24 h is late',
      '2026-11-25T01:59:00Z',
      { ok: true, late: true, leadMinutes: 1439 },
    ],
    [
      'ARR-12 already arrived an hour ago is late',
      '2026-11-24T01:00:00Z',
      { ok: true, late: true, leadMinutes: -60 },
    ],
    [
      'ARR-12 more than a day in the past is a mistake',
      '2026-11-23T01:59:00Z',
      { ok: false, problem: 'range' },
    ],
    ['ARR-12 more than 30 days ahead is a mistake', '2026-12-24T02:01:00Z', { ok: false, problem: 'range' }],
  ])('%s', (_case, planned, expected) => {
    expect(at(planned)).toEqual(expected);
  });
});

describe('ARR-12 crew lists and the escort workflow', () => {
  it('ARR-12 names every repeated ID number after its first appearance', () => {
    expect(repeatedIds(['a', 'b', 'a', 'c', 'b'])).toEqual([2, 4]);
    expect(repeatedIds(['a'])).toEqual([]);
  });

  it.each([
    ['reported', 'escort', 'escorted'],
    ['escorted', 'escort', 'escorted'],
    ['reported', 'arrive', undefined],
    ['escorted', 'arrive', 'at_checkpoint'],
    ['at_checkpoint', 'depart', 'left'],
    ['at_checkpoint', 'stay', 'staying'],
    ['staying', 'stay', 'staying'],
    ['staying', 'depart', 'left'],
    ['left', 'stay', undefined],
    ['left', 'escort', undefined],
    ['reported', 'depart', undefined],
  ] as const)('ARR-12 "派人持相关证明引导…装卸货后立即返回": %s + %s → %s', (from, action, to) => {
    expect(nextTruckStatus(from as TruckStatus, action as TruckAction)).toBe(to);
  });

  it.each([
    ['ARR-12 "每日进行1次核酸检测": one day', '2026-11-24', '2026-11-24', ['2026-11-24']],
    [
      'ARR-12 across a month end',
      '2026-11-29',
      '2026-12-02',
      ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'],
    ],
    ['ARR-12 across a leap day', '2028-02-28', '2028-03-01', ['2028-02-28', '2028-02-29', '2028-03-01']],
    ['ARR-12 last day before the first', '2026-11-24', '2026-11-23', undefined],
    ['ARR-12 longer than 14 days at once', '2026-11-24', '2026-12-08', undefined],
  ])('%s', (_case, first, last, expected) => {
    expect(stayNatDates(first, last)).toEqual(expected);
  });
});
