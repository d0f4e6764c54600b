import { describe, expect, it } from 'vitest';
import { dischargePlan } from './dischargePlan.js';
import type { DischargeFollowUp } from './outbreakTypes.js';
import { shippedPack } from './testkit.js';

const source = {
  document: '001',
  section: '§11',
  quote: '患者治愈出院后,按照规定方案实施隔离观察和跟踪管理',
};
const title = { zh: '步骤', en: 'Step' };
const followUp: DischargeFollowUp = {
  source,
  steps: [
    { kind: 'follow_up_visit', day: 28, title, source },
    { kind: 'isolation', day: 0, untilDay: 14, title, source, assumption: true, reason: 'r' },
    { kind: 'test', day: 14, test: 'nat', title, source },
    { kind: 'follow_up_visit', day: 14, title, source },
  ],
};

const outline = (at: string, zone = 'Asia/Shanghai') =>
  dischargePlan(followUp, new Date(at), zone).steps.map(
    (s) => `${s.kind} ${s.date}${s.untilDate ? `→${s.untilDate}` : ''} due ${s.dueAt.toISOString()}`,
  );

describe('CAS-3 the follow-up after discharge as dated steps (001 §11 "按照规定方案实施隔离观察和跟踪管理")', () => {
  it.each<[string, string, string, string[]]>([
    [
      'a discharge at noon',
      '2026-12-01T12:00+08:00',
      'Asia/Shanghai',
      [
        'isolation 2026-12-01→2026-12-15 due 2026-12-15T16:00:00.000Z',
        'test 2026-12-15 due 2026-12-15T16:00:00.000Z',
        'follow_up_visit 2026-12-15 due 2026-12-15T16:00:00.000Z',
        'follow_up_visit 2026-12-29 due 2026-12-29T16:00:00.000Z',
      ],
    ],
    [
      // Day 0 is the local date: 23:30 in Beijing is still the same day there, the day before in UTC terms.
      'a discharge late at night, a UTC day earlier',
      '2026-12-01T23:30+08:00',
      'Asia/Shanghai',
      [
        'isolation 2026-12-01→2026-12-15 due 2026-12-15T16:00:00.000Z',
        'test 2026-12-15 due 2026-12-15T16:00:00.000Z',
        'follow_up_visit 2026-12-15 due 2026-12-15T16:00:00.000Z',
        'follow_up_visit 2026-12-29 due 2026-12-29T16:00:00.000Z',
      ],
    ],
    [
      'a discharge just after midnight',
      '2026-12-02T00:10+08:00',
      'Asia/Shanghai',
      [
        'isolation 2026-12-02→2026-12-16 due 2026-12-16T16:00:00.000Z',
        'test 2026-12-16 due 2026-12-16T16:00:00.000Z',
        'follow_up_visit 2026-12-16 due 2026-12-16T16:00:00.000Z',
        'follow_up_visit 2026-12-30 due 2026-12-30T16:00:00.000Z',
      ],
    ],
    [
      // Days are calendar days in the zone: a clock change inside the follow-up moves no date.
      'a follow-up across a clock change',
      '2026-10-20T10:00-04:00',
      'America/New_York',
      [
        'isolation 2026-10-20→2026-11-03 due 2026-11-04T05:00:00.000Z',
        'test 2026-11-03 due 2026-11-04T05:00:00.000Z',
        'follow_up_visit 2026-11-03 due 2026-11-04T05:00:00.000Z',
        'follow_up_visit 2026-11-17 due 2026-11-18T05:00:00.000Z',
      ],
    ],
  ])('CAS-3 %s', (_, at, zone, steps) => {
    expect(outline(at, zone)).toEqual(steps);
  });

  it('CAS-3 keeps each step’s citation and assumption, and ends after the last day', () => {
    const plan = dischargePlan(followUp, new Date('2026-12-01T12:00+08:00'), 'Asia/Shanghai');
    expect(plan).toMatchObject({ day0: '2026-12-01', endDate: '2026-12-29', timeZone: 'Asia/Shanghai' });
    expect(plan.steps[0]).toMatchObject({ day: 0, untilDay: 14, source, assumption: true, reason: 'r' });
    expect(plan.steps[1]).toMatchObject({ test: 'nat' });
  });

  it('CAS-3 the Fujian pack (002 §17 "落实治愈后出院患者健康随访措施"): 14 days’ isolation, visits in weeks 2 and 4', () => {
    const fujian = shippedPack('fujian-2021.yaml').dischargeFollowUp!;
    const plan = dischargePlan(fujian, new Date('2021-02-01T15:00+08:00'), 'Asia/Shanghai');
    expect(plan.steps.map((s) => `${s.kind} ${s.date}${s.untilDate ? `→${s.untilDate}` : ''}`)).toEqual([
      'isolation 2021-02-01→2021-02-15',
      'follow_up_visit 2021-02-15',
      'follow_up_visit 2021-03-01',
    ]);
    expect(plan.steps.every((s) => s.source.document === '002' && s.assumption === true)).toBe(true);
  });
});
