import { describe, expect, it } from 'vitest';
import {
  abnormalReportDue,
  currentSlot,
  isAbnormal,
  missedSlots,
  owedSlots,
  recordableSlot,
  type Slot,
  slotCounts,
  slotKey,
  slotWindow,
} from './healthMonitoring.js';

const TZ = 'Asia/Shanghai';
/** A local time in Shanghai (UTC+8) as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('ISO-4 abnormal reading (001 §21 "每日健康监测 … 体温异常情况报告")', () => {
  it.each([
    [36.5, [], false],
    [37.2, [], false],
    [37.3, [], true],
    [38.6, [], true],
    [36.6, ['cough'], true],
    [36.6, ['smell_taste_loss', 'fatigue'], true],
  ] as const)('%s ℃ with %j is abnormal: %s', (temperature, symptoms, abnormal) => {
    expect(isAbnormal({ temperature, symptoms })).toBe(abnormal);
  });

  it('reports within 2 hours of the reading (一报告)', () => {
    expect(abnormalReportDue(at('2026-12-07T08:10:00')).toISOString()).toBe(
      at('2026-12-07T10:10:00').toISOString(),
    );
  });
});

describe('ISO-4, ISO-5 twice a day (morning by 12:00, afternoon by 20:00, local)', () => {
  it('opens the morning at midnight and the afternoon at noon', () => {
    const am = slotWindow('2026-12-07', 'am', TZ);
    const pm = slotWindow('2026-12-07', 'pm', TZ);
    expect([am.opens, am.due, pm.opens, pm.due].map((d) => d.toISOString())).toEqual([
      '2026-12-06T16:00:00.000Z',
      '2026-12-07T04:00:00.000Z',
      '2026-12-07T04:00:00.000Z',
      '2026-12-07T12:00:00.000Z',
    ]);
  });

  it.each([
    ['2026-12-07T07:00:00', 'am'],
    ['2026-12-07T11:59:00', 'am'],
    ['2026-12-07T12:00:00', 'pm'],
    ['2026-12-07T22:30:00', 'pm'],
  ] as const)('at %s the current slot is %s', (local, slot) => {
    expect(currentSlot(at(local), TZ)).toEqual({ date: '2026-12-07', slot });
  });

  it.each([
    ['2026-12-07', 'am', '2026-12-07T09:00:00', null],
    ['2026-12-07', 'pm', '2026-12-07T09:00:00', 'slot_not_open'],
    ['2026-12-07', 'am', '2026-12-07T21:00:00', null],
    ['2026-12-06', 'pm', '2026-12-07T09:00:00', 'past_day'],
    ['2026-12-08', 'am', '2026-12-07T23:00:00', 'in_future'],
  ] as const)('recording %s %s at %s: %s', (date, slot, local, problem) => {
    const result = recordableSlot(date, slot as Slot, at(local), TZ);
    expect(result.ok ? null : result.problem).toBe(problem);
  });
});

describe('ISO-4, ISO-5 missed check-ins (a slot counts only while under monitoring)', () => {
  const span = { startedAt: at('2026-12-05T10:00:00'), endedAt: null };

  it('owes the afternoon of the arrival day first, then both slots a day', () => {
    const owed = owedSlots(span, at('2026-12-07T13:00:00'), TZ).map((s) => slotKey(s.date, s.slot));
    expect(owed).toEqual(['2026-12-05:pm', '2026-12-06:am', '2026-12-06:pm', '2026-12-07:am']);
  });

  it('lists the owed slots without a reading', () => {
    const recorded = new Set(['2026-12-05:pm', '2026-12-06:pm']);
    expect(missedSlots(span, recorded, at('2026-12-07T13:00:00'), TZ)).toEqual([
      { date: '2026-12-06', slot: 'am' },
      { date: '2026-12-07', slot: 'am' },
    ]);
  });

  it('owes nothing after the stay ended, nor a slot not yet due', () => {
    const ended = { startedAt: at('2026-12-05T10:00:00'), endedAt: at('2026-12-06T15:00:00') };
    const owed = owedSlots(ended, at('2026-12-09T13:00:00'), TZ).map((s) => slotKey(s.date, s.slot));
    expect(owed).toEqual(['2026-12-05:pm', '2026-12-06:am']);
    expect(owedSlots(span, at('2026-12-05T19:00:00'), TZ)).toEqual([]);
  });

  it('counts a slot only when the stay had started as it opened', () => {
    expect(slotCounts(span, '2026-12-05', 'am', TZ)).toBe(false);
    expect(slotCounts(span, '2026-12-05', 'pm', TZ)).toBe(true);
  });
});
