/**
 * Which pack version governs an arrival (ARR-1 … ARR-10: "the plan records the pack version that
 * produced it"): the version in force on the arrival's local date, not merely the one assigned now.
 * A pack transcribes a document with a date of effect; planning an arrival from before that date
 * under it would apply rules that did not yet exist (issue 12, Deliver 1).
 */

/** A pack version with its dates of effect (YYYY-MM-DD, inclusive; no end means still in force). */
export interface PackWindow {
  packId: string;
  packVersion: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
}

/** One jurisdiction's assignment: the version assigned there now, and every version ever assigned there. */
export interface AssignedVersions<W extends PackWindow = PackWindow> {
  jurisdictionCode: string;
  assigned: W;
  /** Latest assignment first (the one assigned now included). */
  history: readonly W[];
}

export type InForce<W extends PackWindow = PackWindow> =
  /**
   * `governs` plans it, by the assignment of `jurisdictionCode`; `current` when it is the version
   * assigned now to the nearest assignment (a new arrival of today would be planned by it too).
   */
  | { governs: W; jurisdictionCode: string; current: boolean }
  /** No version assigned anywhere up the tree was in force on that date; `assigned` governs now. */
  | { governs: null; assigned: W | null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `version` is in force on `date`. ISO dates compare as strings, day by day. */
export function inForceOn(date: string, version: PackWindow): boolean {
  if (!DATE.test(date)) throw new RangeError(`not a date: ${date}`);
  return version.effectiveFrom <= date && (!version.effectiveTo || date <= version.effectiveTo);
}

/**
 * The version that governs an arrival on local date `date`, given the assignments from the
 * arrival's jurisdiction up to the root, nearest first. The nearest assignment decides first: the
 * version assigned there now when in force then, otherwise the latest assigned of the versions once
 * assigned there that was in force then. Where it held none in force on that date, the subtree was
 * governed then as its ancestors governed it, so the next assignment up decides the same way, and
 * so on; only when no assignment up the tree held a version in force on that date is there none, and
 * the arrival goes to the CDC rather than being planned by rules not in force.
 */
export function packInForce<W extends PackWindow>(
  date: string,
  levels: readonly AssignedVersions<W>[],
): InForce<W> {
  for (const [depth, { jurisdictionCode, assigned, history }] of levels.entries()) {
    if (inForceOn(date, assigned)) return { governs: assigned, jurisdictionCode, current: depth === 0 };
    const earlier = history.find((version) => inForceOn(date, version));
    if (earlier) return { governs: earlier, jurisdictionCode, current: false };
  }
  return { governs: null, assigned: levels[0]?.assigned ?? null };
}
