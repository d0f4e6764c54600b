import type { DischargeFollowUp, DischargeStep } from './policy/outbreakTypes.js';
import type { Role } from './roles.js';

/**
 * CAS-3, 001 §11: "患者治愈出院后，按照规定方案实施隔离观察和跟踪管理". The pack's discharge section lists
 * the steps (dated by rules/policy/dischargePlan.ts); this adds the fallback and who owns each step.
 */

/**
 * Fallback used only when the pack in force has no `dischargeFollowUp` section (assumption: the
 * seeds name the plan but not its steps). 002 §26 prescribes 诊疗方案（试行第八版）, which asks for
 * 14 days of isolation and health monitoring after discharge and a follow-up visit in the 2nd and
 * 4th week; the visits carry a NAT, as the plan's re-examination does.
 */
export const FALLBACK_DISCHARGE_FOLLOW_UP: DischargeFollowUp = {
  source: { document: '002', section: '§26', quote: '严格落实新冠肺炎诊疗方案（试行第八版）' },
  assumption: true,
  reason: '诊疗方案（试行第八版）：出院后继续进行14天隔离管理和健康状况监测，第2周和第4周到医院随访、复诊',
  steps: [
    {
      kind: 'isolation',
      day: 0,
      untilDay: 14,
      title: {
        zh: '出院后隔离管理和健康监测14天',
        en: '14 days of isolation and health monitoring after discharge',
      },
      source: { document: '001', section: '§11', quote: '按照规定方案实施隔离观察和跟踪管理' },
    },
    {
      kind: 'follow_up_visit',
      day: 14,
      test: 'nat',
      title: { zh: '出院后第2周随访复诊', en: 'Follow-up visit in the 2nd week' },
      source: { document: '001', section: '§11' },
    },
    {
      kind: 'follow_up_visit',
      day: 28,
      test: 'nat',
      title: { zh: '出院后第4周随访复诊', en: 'Follow-up visit in the 4th week' },
      source: { document: '001', section: '§11' },
    },
  ],
};

/**
 * Who does a step (CAS-3): the person's community keeps isolation and health monitoring; the
 * hospital sees its patient again for visits and tests.
 */
export function followUpOwner(kind: DischargeStep['kind']): { owner: 'community' | 'hospital'; role: Role } {
  return kind === 'follow_up_visit' || kind === 'test'
    ? { owner: 'hospital', role: 'hospital_reporter' }
    : { owner: 'community', role: 'community_worker' };
}
