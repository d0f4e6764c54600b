import type { ContactClass, ContactControl, ContactStep } from './policy/outbreakTypes.js';
import type { Role } from './roles.js';

/**
 * EPI-4, 002 §25: "对密切接触者、次密切接触者等…严格实施单人单间隔离…做到隔离人员 12 小时内转运到集中隔离
 * 点"; "一般接触者由所在社区实施居家隔离观察 14 天". The pack's `contactControl` lists the steps (dated by
 * rules/policy/contactPlan.ts); this adds the fallback and who owns each step.
 */

const S25 = { document: '002', section: '§25' };
const transfer: ContactStep = {
  kind: 'transfer',
  withinHours: 12,
  singleRoom: true,
  title: { zh: '转运至集中隔离点（单人单间）', en: 'Transfer to centralised isolation (single room)' },
  source: { ...S25, quote: '做到隔离人员 12 小时内转运到集中隔离点' },
};
const isolation: ContactStep = {
  kind: 'centralised_isolation',
  singleRoom: true,
  day: 0,
  untilDay: 14,
  title: {
    zh: '集中隔离医学观察14天（单人单间）',
    en: 'Centralised medical observation for 14 days (single room)',
  },
  source: { ...S25, quote: '严格实施单人单间隔离' },
  assumption: true,
  reason:
    '文件未写集中隔离天数；假设自末次暴露之日起14天。The document sets no length; assumed 14 days from the last exposure.',
};

/**
 * Used only when the pack in force has no `contactControl` section (assumption: EPI-4 itself, as
 * 002 §25 words it; the tests are left to the pack, as no document names their days).
 */
export const FALLBACK_CONTACT_CONTROL: ContactControl = {
  source: { ...S25, quote: '落实医学观察措施' },
  assumption: true,
  reason:
    '适用的政策包未规定接触者管控；按EPI-4（福建省方案第25条）。The pack in force sets no contact control; EPI-4 as 002 §25 words it.',
  classes: {
    close: { steps: [transfer, isolation] },
    secondary_close: { steps: [transfer, isolation] },
    general: {
      steps: [
        {
          kind: 'home_isolation',
          day: 0,
          untilDay: 14,
          title: { zh: '社区居家隔离观察14天', en: 'Home isolation for 14 days supervised by the community' },
          source: { ...S25, quote: '一般接触者由所在社区实施居家隔离观察 14 天' },
        },
      ],
    },
  },
};

/**
 * Who owns a step's deadline, and at which level (EPI-4):
 * - the transfer: the county working group (工作专班) of the contact's residence, which holds the
 *   isolation places and their transport (002 §25 "专班专人负责隔离场所的调用征用和管理工作");
 * - centralised isolation and its tests: the county's isolation-place managers;
 * - home isolation (and a general contact's tests): the community of the residence
 *   (002 §25 "由所在社区实施居家隔离观察").
 */
export function contactStepOwner(
  cls: ContactClass,
  kind: ContactStep['kind'],
): { role: Role; level: 'county' | 'home' } {
  if (kind === 'transfer') return { role: 'working_group', level: 'county' };
  if (kind === 'home_isolation' || cls === 'general') return { role: 'community_worker', level: 'home' };
  return { role: 'isolation_manager', level: 'county' };
}

/**
 * Regional collaboration: the receiving county accepts a contact handed to it within 2 hours.
 * Assumption (no document sets it): the 12-hour transfer runs from identification, so acceptance must
 * leave most of it; 2 hours matches the direct-reporting window of 001 §8 ("2 小时内进行网络直报").
 */
export const HANDOVER_ACCEPT_HOURS = 2;
