import type { Role } from '../../../src/rules/roles';

/**
 * Roles whose home is the situation dashboard (态势总览): they direct or supervise, they do not work
 * items (no deadline is ever owned by a supervisor).
 */
const DASHBOARD_ROLES: readonly Role[] = ['commander', 'working_group', 'supervisor'];

/**
 * Roles whose work is sampling at a table: hospital reporters and fever clinics hold nothing but
 * reading, sampling (testing.sample) and registering the person sampled (person.write); no arrival
 * or deadline work is theirs. Checkpoint staff sample too, but also register arrivals and meet
 * trucks (arrival.write), so their home is their work list, like every other role's.
 */
const SAMPLER_ROLES: readonly Role[] = ['hospital_reporter', 'fever_clinic'];

/**
 * Where a signed-in user lands (issue 13): commanders and working groups on the dashboard, the lab
 * on its turnaround board, a sampler on the sampling table, everyone else on their work. A user of
 * several roles lands where the first that applies says; a sampler who also holds another role
 * has work of that role, so lands on their work.
 */
export function homeOf(roles: readonly Role[]): string {
  if (roles.some((role) => DASHBOARD_ROLES.includes(role))) return '/dashboard';
  if (roles.includes('lab')) return '/lab-work';
  if (roles.length > 0 && roles.every((role) => SAMPLER_ROLES.includes(role))) return '/sampling';
  return '/my-work';
}
