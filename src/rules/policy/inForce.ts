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

export type InForce =
  /** `version` governs; `current` when it is the version assigned now. */
  | { governs: PackWindow; current: boolean }
  /** No version assigned there was in force on that date; `assigned` is the one assigned now. */
  | { governs: null; assigned: PackWindow };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `version` is in force on `date`. ISO dates compare as strings, day by day. */
export function inForceOn(date: string, version: PackWindow): boolean {
  if (!DATE.test(date)) throw new RangeError(`not a date: ${date}`);
  return version.effectiveFrom <= date && (!version.effectiveTo || date <= version.effectiveTo);
}

/**
 * The version that governs an arrival on local date `date` in a subtree whose nearest assignment is
 * `assigned`: that version when in force then; otherwise the latest assigned of the versions once
 * assigned to the same jurisdiction (`history`, latest assignment first) that was in force then;
 * otherwise none, and the arrival goes to the CDC rather than being planned by rules not in force.
 */
export function packInForce(date: string, assigned: PackWindow, history: readonly PackWindow[]): InForce {
  if (inForceOn(date, assigned)) return { governs: assigned, current: true };
  const earlier = history.find((version) => inForceOn(date, version));
  return earlier ? { governs: earlier, current: false } : { governs: null, assigned };
}
