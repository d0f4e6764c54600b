import { describe, expect, it } from 'vitest';
import { FALLBACK_DISCHARGE_FOLLOW_UP, followUpOwner } from './dischargeFollowUp.js';
import { dischargePlan } from './policy/dischargePlan.js';

const SHANGHAI = 'Asia/Shanghai';

describe('CAS-3 discharge follow-up (001 §11 "患者治愈出院后，按照规定方案实施隔离观察和跟踪管理")', () => {
  it('CAS-3 the fallback plan (a pack without the section) is marked an assumption: 14 days, visits in weeks 2 and 4', () => {
    expect(FALLBACK_DISCHARGE_FOLLOW_UP.assumption).toBe(true);
    expect(FALLBACK_DISCHARGE_FOLLOW_UP.reason).toBeTruthy();
    const plan = dischargePlan(FALLBACK_DISCHARGE_FOLLOW_UP, new Date('2026-12-01T02:00:00Z'), SHANGHAI);
    expect(plan.steps.map((s) => [s.kind, s.untilDate ?? s.date, s.dueAt.toISOString()])).toEqual([
      ['isolation', '2026-12-15', '2026-12-15T16:00:00.000Z'],
      ['follow_up_visit', '2026-12-15', '2026-12-15T16:00:00.000Z'],
      ['follow_up_visit', '2026-12-29', '2026-12-29T16:00:00.000Z'],
    ]);
  });

  const owners: Array<[Parameters<typeof followUpOwner>[0], string]> = [
    ['isolation', 'community_worker'],
    ['health_monitoring', 'community_worker'],
    ['follow_up_visit', 'hospital_reporter'],
    ['test', 'hospital_reporter'],
  ];
  it.each(owners)('CAS-3 a %s step is owned by %s', (kind, role) => {
    expect(followUpOwner(kind).role).toBe(role);
  });
});
