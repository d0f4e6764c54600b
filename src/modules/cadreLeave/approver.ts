import type { Actor } from '../../platform/access/actor.js';

/**
 * "谁审批、谁负责" (ARR-14): an approver holds arrival.write (the permission of those who register and
 * control arrivals: commanders, working groups, CDC, communities, isolation teams) over the
 * applicant's own jurisdiction or a wider one, i.e. at the applicant's level or above. The
 * approver is then named on the record and answers for the return report.
 */
export function mayDecide(actor: Actor, leave: { applicantScope: string }): boolean {
  return (
    actor.permissions.has('arrival.write') &&
    actor.scopes.some((scope) => leave.applicantScope.startsWith(scope))
  );
}

/** The applicant's subtree that holds the person: the level the approver must match or exceed. */
export function applicantScopeFor(actor: Actor, jurisdictionCode: string): string | undefined {
  return actor.scopes
    .filter((scope) => jurisdictionCode.startsWith(scope))
    .sort((a, b) => a.length - b.length)[0];
}
