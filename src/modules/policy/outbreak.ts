import type { Database, Queryable } from '../../platform/db/types.js';
import { dayCounter } from '../../rules/policy/calendar.js';
import { type DischargePlan, dischargePlan } from '../../rules/policy/dischargePlan.js';
import type { ContactControl, DischargeFollowUp, TriggerRule } from '../../rules/policy/outbreakTypes.js';
import { packInForceFor } from './store.js';

/**
 * Readers of a pack's outbreak sections for other modules (issue: cases and multi-point surveillance):
 * the trigger rules in force (MON-4) and the follow-up after discharge (CAS-3). Both follow the
 * version that governs a jurisdiction on a local date, as arrival plans do (inForce.ts): the nearest
 * assignment's version in force then, else an ancestor's.
 */

/** The pack version a reading came from, to record beside what it produced (an alert, a plan). */
export interface PackRef {
  packId: string;
  packVersion: string;
  /** The jurisdiction whose assignment governs (the one asked for, or an ancestor). */
  governedBy: string;
}

/** MON-4: the rules in force over one subtree. */
export interface TriggerRulesInForce {
  /**
   * The subtree: the root asked for, or a jurisdiction below it with an assignment of its own. A unit
   * of a feed (a town, a school's jurisdiction) is governed by the entry whose code is the longest
   * prefix of its own.
   */
  jurisdictionCode: string;
  /** Absent when no version was in force on that date anywhere up the tree: no rule applies. */
  pack: PackRef | null;
  rules: TriggerRule[];
}

/**
 * MON-4: the trigger rules in force on local date `date` (YYYY-MM-DD) over `root` and every subtree
 * below it assigned a pack of its own, each by the version governing it that day (a town may run a
 * stricter version than its county). A subtree whose pack sets no triggers has none, and does not
 * inherit its ancestor's: the version governing it says what applies there.
 */
export async function triggerRulesInForce(
  db: Database,
  tx: Queryable,
  root: string,
  date: string,
): Promise<TriggerRulesInForce[]> {
  const below = await tx.query<{ code: string }>(
    `SELECT jurisdiction_code AS code FROM policy_assignments
     WHERE jurisdiction_code ^@ $1 AND jurisdiction_code <> $1 ORDER BY jurisdiction_code`,
    [root],
  );
  const out: TriggerRulesInForce[] = [];
  for (const code of [root, ...below.map((b) => b.code)]) {
    const found = await packInForceFor(db, tx, code, date);
    out.push(
      found.pack
        ? {
            jurisdictionCode: code,
            pack: {
              packId: found.pack.id,
              packVersion: found.pack.version,
              governedBy: found.assignment.jurisdictionCode,
            },
            rules: found.pack.triggers ?? [],
          }
        : { jurisdictionCode: code, pack: null, rules: [] },
    );
  }
  return out;
}

/** CAS-3: the follow-up after discharge in force for a jurisdiction on local date `date`, if any. */
export async function dischargeFollowUpInForce(
  db: Database,
  tx: Queryable,
  jurisdictionCode: string,
  date: string,
): Promise<{ followUp: DischargeFollowUp; pack: PackRef } | null> {
  const found = await packInForceFor(db, tx, jurisdictionCode, date);
  if (!found.pack?.dischargeFollowUp) return null;
  return {
    followUp: found.pack.dischargeFollowUp,
    pack: {
      packId: found.pack.id,
      packVersion: found.pack.version,
      governedBy: found.assignment.jurisdictionCode,
    },
  };
}

/**
 * CAS-3: the dated follow-up of a patient discharged at `dischargedAt` in `jurisdictionCode`, by the
 * version in force on the local discharge date; null when that version sets none.
 */
export async function dischargePlanFor(
  db: Database,
  tx: Queryable,
  jurisdictionCode: string,
  dischargedAt: Date,
  timeZone: string,
): Promise<{ plan: DischargePlan; pack: PackRef } | null> {
  const date = dayCounter(dischargedAt, timeZone).day0;
  const found = await dischargeFollowUpInForce(db, tx, jurisdictionCode, date);
  if (!found) return null;
  return { plan: dischargePlan(found.followUp, dischargedAt, timeZone), pack: found.pack };
}

/**
 * EPI-4: how contacts are controlled in a jurisdiction on local date `date` (its pack's
 * `contactControl`, by the version governing there that day), if the version sets it.
 */
export async function contactControlInForce(
  db: Database,
  tx: Queryable,
  jurisdictionCode: string,
  date: string,
): Promise<{ control: ContactControl; pack: PackRef } | null> {
  const found = await packInForceFor(db, tx, jurisdictionCode, date);
  if (!found.pack?.contactControl) return null;
  return {
    control: found.pack.contactControl,
    pack: {
      packId: found.pack.id,
      packVersion: found.pack.version,
      governedBy: found.assignment.jurisdictionCode,
    },
  };
}
