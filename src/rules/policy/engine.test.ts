import { describe, expect, it } from 'vitest';
import { dayCounter } from './calendar.js';
import { planArrival } from './engine.js';
import { divisionPrefix, effectiveFacts } from './match.js';
import { arrival, shippedPack } from './testkit.js';

const fujian = shippedPack('fujian-2021.yaml');
const chifeng = shippedPack('chifeng-2022.yaml');

describe('day counting in the jurisdiction zone (REQUIREMENTS day-0 convention)', () => {
  it.each([
    // [zone, arrival instant, day, date of day N, due instant (next local midnight)]
    ['Asia/Shanghai', '2022-01-31T15:30Z', 0, '2022-01-31', '2022-01-31T16:00:00.000Z'],
    ['Asia/Shanghai', '2022-01-31T16:30Z', 0, '2022-02-01', '2022-02-01T16:00:00.000Z'],
    ['Asia/Shanghai', '2024-02-15T01:00Z', 14, '2024-02-29', '2024-02-29T16:00:00.000Z'],
    // New York springs forward on 2022-03-13: day 14 ends at midnight EDT (UTC-4).
    ['America/New_York', '2022-03-01T04:30Z', 0, '2022-02-28', '2022-03-01T05:00:00.000Z'],
    ['America/New_York', '2022-03-01T04:30Z', 14, '2022-03-14', '2022-03-15T04:00:00.000Z'],
    // Santiago skipped midnight on 2022-09-11 (00:00 → 01:00): day 1 is still that date.
    ['America/Santiago', '2022-09-10T15:00Z', 1, '2022-09-11', '2022-09-12T03:00:00.000Z'],
    ['America/Santiago', '2022-09-10T15:00Z', 0, '2022-09-10', '2022-09-11T04:00:00.000Z'],
  ])('%s, arrival %s: day %i is %s, due by %s', (zone, at, day, date, due) => {
    const days = dayCounter(new Date(at), zone);
    expect(days.dateOf(day)).toBe(date);
    expect(days.dueAt(day).toISOString()).toBe(due);
  });

  it('counts calendar days between instants in the zone, not 24-hour periods', () => {
    const days = dayCounter(new Date('2022-01-10T23:50+08:00'), 'Asia/Shanghai');
    expect(days.dayOf(new Date('2022-01-11T00:10+08:00'))).toBe(1);
    expect(days.dayOf(new Date('2022-01-10T00:00+08:00'))).toBe(0);
    expect(days.dayOf(new Date('2022-01-09T23:59+08:00'))).toBe(-1);
  });

  it('refuses an unknown time zone instead of planning on invalid dates', () => {
    expect(() => dayCounter(new Date('2022-01-10T00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('matching (ARR-9 named cities, day counts from the entry)', () => {
  it.each([
    ['310000', '31'],
    ['220200', '2202'],
    ['150781', '150781'],
    ['110000', '11'],
  ])('the division %s stands for the codes under prefix %s', (code, prefix) => {
    expect(divisionPrefix(code)).toBe(prefix);
  });

  it('ARR-9 “全域参照高风险地区”: a named city counts high for the area and its district alike', () => {
    const f = arrival('2022-04-28T10:00+08:00', { originDivisionCode: '220281', originRisk: 'low' });
    expect(effectiveFacts(f, chifeng)).toMatchObject({ originRisk: 'high', originDistrictRisk: 'high' });
    expect(effectiveFacts(f, fujian)).toMatchObject({ originRisk: 'low', originDistrictRisk: undefined });
  });

  it('an area of high risk makes its district at least high, a medium one at least medium', () => {
    const f = (originRisk: 'high' | 'medium', originDistrictRisk?: 'low' | 'medium' | 'high') =>
      effectiveFacts(arrival('2022-04-28T10:00+08:00', { originRisk, originDistrictRisk }), chifeng);
    expect(f('high', 'low').originDistrictRisk).toBe('high');
    expect(f('medium').originDistrictRisk).toBe('medium');
    expect(f('medium', 'high').originDistrictRisk).toBe('high');
  });

  it('ARR-2 “入境后未满21天”: days since entry are local calendar days', () => {
    const f = arrival('2022-01-31T00:10+08:00', {
      origin: 'overseas',
      enteredAt: new Date('2022-01-10T23:50+08:00'),
    });
    expect(effectiveFacts(f, fujian).daysSinceEntry).toBe(21);
  });

  it('ARR-3 counts from the entry; without an entry time it counts from the arrival', () => {
    const f = arrival('2022-03-01T10:00+08:00', {
      origin: 'overseas',
      contact: 'close_contact_of_inbound_positive',
    });
    const plan = planArrival(f, fujian)!;
    expect(plan.day0).toBe('2022-03-01');
    expect(plan.arrivalDay).toBe(0);
    expect(plan.releaseDate).toBe('2022-03-29');
  });

  it('an arrival before the recorded entry (a data error) still plans from day 0', () => {
    const f = arrival('2022-03-01T10:00+08:00', {
      origin: 'overseas',
      enteredAt: new Date('2022-03-05T10:00+08:00'),
    });
    expect(planArrival(f, fujian)).toMatchObject({
      day0: '2022-03-05',
      arrivalDay: 0,
      releaseDate: '2022-03-26',
    });
  });
});
