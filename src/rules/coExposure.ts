/**
 * EPI-3 co-exposure (时空伴随): who shared a place and time with a case, and how closely.
 *
 * A hit is one check-in (or checkpoint pass) of someone else at the place of one of the case's
 * visits, within the search window (minutes either side of the case's instant). A person's
 * co-exposure is ranked by, in order:
 *   1. shared visits: how many of the case's visits they share (a visit counts once however many
 *      times they scanned around it);
 *   2. overlap minutes: the sum over those shared visits of the best overlap of two stays of
 *      STAY_MINUTES each, one starting at the case's instant and one at theirs:
 *      max(0, STAY_MINUTES − |gap|);
 *   3. the closest gap in minutes (smaller first);
 *   4. the id hash (so that equal people always come in the same order).
 *
 * 本地口径 (assumption, EPI-3): a venue code records when a person arrived, never when they left, and
 * the plans do not name a dwell time. We assume a stay of 30 minutes, the usual length of a visit
 * to a shop, a canteen or a clinic, so that two scans 10 minutes apart overlap by 20 minutes and
 * scans 30 or more minutes apart do not overlap (they still count as a shared visit when inside
 * the window). The window itself is chosen by the investigator per search.
 */

export const STAY_MINUTES = 30;

/** Bounds of a search (EPI-3): window minutes either side of a visit, look-back days, a venue range. */
export const WINDOW_MINUTES = { min: 1, max: 720, default: 60 } as const;
/** EPI-2: the 14-day look-back before the report; up to 21 days for a long incubation. */
export const LOOK_BACK_DAYS = { min: 1, max: 21, default: 14 } as const;
/** A venue search covers at most 7 days (a venue's week of check-ins is already thousands). */
export const VENUE_RANGE_HOURS = { max: 7 * 24 } as const;
export const RESULT_LIMIT = { min: 1, max: 2000, default: 500 } as const;

/** Minutes two stays of STAY_MINUTES overlap when they start `gapMinutes` apart. */
export function stayOverlap(gapMinutes: number, stay: number = STAY_MINUTES): number {
  return Math.max(0, stay - Math.abs(gapMinutes));
}

export interface Hit {
  /** Which of the case's visits (its index in the list searched). */
  visit: number;
  /** Minutes from the case's instant to the other person's (signed). */
  gapMinutes: number;
}

export interface Exposure {
  sharedVisits: number;
  overlapMinutes: number;
  closestGapMinutes: number;
}

/** A person's co-exposure from their hits (EPI-3): shared visits, overlap minutes, closest gap. */
export function exposureOf(hits: readonly Hit[], stay: number = STAY_MINUTES): Exposure {
  const best = new Map<number, number>();
  let closest = Number.POSITIVE_INFINITY;
  for (const hit of hits) {
    const gap = Math.abs(hit.gapMinutes);
    closest = Math.min(closest, gap);
    best.set(hit.visit, Math.max(best.get(hit.visit) ?? 0, stayOverlap(gap, stay)));
  }
  let overlap = 0;
  for (const minutes of best.values()) overlap += minutes;
  return { sharedVisits: best.size, overlapMinutes: overlap, closestGapMinutes: closest };
}

/** The ranking of EPI-3: more shared visits, then more overlap, then the closer gap, then the id hash. */
export function compareExposure(a: Exposure & { idHash: string }, b: Exposure & { idHash: string }): number {
  return (
    b.sharedVisits - a.sharedVisits ||
    b.overlapMinutes - a.overlapMinutes ||
    a.closestGapMinutes - b.closestGapMinutes ||
    (a.idHash < b.idHash ? -1 : a.idHash > b.idHash ? 1 : 0)
  );
}

/** Whether a check-in `gapMinutes` from the case's visit falls inside a window of `windowMinutes`. */
export const inWindow = (gapMinutes: number, windowMinutes: number) => Math.abs(gapMinutes) <= windowMinutes;
