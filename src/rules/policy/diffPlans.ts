import type { PhaseKind, Plan, PlanPhase, PlanRestriction, PlanTest } from './types.js';

/** A phase of one kind that moved, appeared or disappeared between two plans. */
interface PhaseChange {
  kind: PhaseKind;
  before?: { startDate: string; endDate: string };
  after?: { startDate: string; endDate: string };
}

/** How one person's plan would change under a new pack version (policy-change impact preview). */
export interface PlanDiff {
  /** Anything at all differs: protocol, tests, phases, restrictions or end date. */
  changed: boolean;
  protocolBefore: string;
  protocolAfter: string;
  removedTests: PlanTest[];
  addedTests: PlanTest[];
  endDateBefore: string;
  endDateAfter: string;
  phaseChanges: PhaseChange[];
  /** Restrictions (no gatherings, registering with the employer, …) the new plan adds or drops. */
  addedRestrictions: PlanRestriction[];
  removedRestrictions: PlanRestriction[];
}

const restrictionKey = (r: PlanRestriction) => `${r.id}|${r.startDate}|${r.endDate}`;

/** The restrictions of `from` that `other` lacks (same measure over the same dates). */
function missingRestrictions(from: PlanRestriction[], other: PlanRestriction[]): PlanRestriction[] {
  const kept = new Set(other.map(restrictionKey));
  return from.filter((r) => !kept.has(restrictionKey(r)));
}

/** Tests are the same when kind, date and number of parallel reagents agree. */
const testKey = (t: PlanTest) => `${t.kind}|${t.date}|${t.reagents}`;

/** The tests of `from` that `other` lacks, counting repeats (two NATs on one day are two). */
function missing(from: PlanTest[], other: PlanTest[]): PlanTest[] {
  const left = new Map<string, number>();
  for (const t of other) left.set(testKey(t), (left.get(testKey(t)) ?? 0) + 1);
  return from.filter((t) => {
    const n = left.get(testKey(t)) ?? 0;
    if (n > 0) left.set(testKey(t), n - 1);
    return n === 0;
  });
}

const span = (p: PlanPhase) => ({ startDate: p.startDate, endDate: p.endDate });

/** Phases of each kind are paired in order, so "centralised to day 14" → "to day 21" is one change. */
function phaseChanges(before: PlanPhase[], after: PlanPhase[]): PhaseChange[] {
  const kinds = [...new Set([...before, ...after].map((p) => p.kind))];
  const changes: PhaseChange[] = [];
  for (const kind of kinds) {
    const b = before.filter((p) => p.kind === kind);
    const a = after.filter((p) => p.kind === kind);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const was = b[i];
      const is = a[i];
      if (was && is && was.startDate === is.startDate && was.endDate === is.endDate) continue;
      changes.push({ kind, ...(was ? { before: span(was) } : {}), ...(is ? { after: span(is) } : {}) });
    }
  }
  return changes;
}

export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const removedTests = missing(before.tests, after.tests);
  const addedTests = missing(after.tests, before.tests);
  const phases = phaseChanges(before.phases, after.phases);
  const addedRestrictions = missingRestrictions(after.restrictions, before.restrictions);
  const removedRestrictions = missingRestrictions(before.restrictions, after.restrictions);
  return {
    changed:
      before.protocolId !== after.protocolId ||
      removedTests.length > 0 ||
      addedTests.length > 0 ||
      phases.length > 0 ||
      addedRestrictions.length > 0 ||
      removedRestrictions.length > 0 ||
      before.releaseDate !== after.releaseDate,
    protocolBefore: before.protocolId,
    protocolAfter: after.protocolId,
    removedTests,
    addedTests,
    endDateBefore: before.releaseDate,
    endDateAfter: after.releaseDate,
    phaseChanges: phases,
    addedRestrictions,
    removedRestrictions,
  };
}
