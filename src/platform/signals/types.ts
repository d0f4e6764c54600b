import type { Text } from '../surfaces/types.js';

/**
 * A signal a sentinel feed offers the multi-point triggers (MON-4): one measure counted per unit and
 * local day. The feed modules own their tables and say how to count them; the alerts module composes
 * the SQL below into one set-based evaluation (baseline, threshold, window) and names no feed.
 */
export interface SignalMeasure {
  /** The feed, as trigger rules in the packs name it: 'drug_sales', 'fever_visits', … */
  feed: string;
  /** The measure within the feed, as trigger rules name it: 'sales', 'positive_samples', … */
  measure: string;
  label: Text;
  /** What a unit of the series is: a jurisdiction (cut to the rule's level) or a site (a school). */
  unit: 'jurisdiction' | 'site';
  /**
   * SQL of the daily series, run inside the caller's scoped transaction, with parameters
   * $1 first local day (date), $2 last local day (date), $3 the jurisdiction code length of the
   * rule's level (int; ignored for site units), $4 the time zone (text), $5 the root jurisdiction
   * (text: only rows under it). Returns one row per unit and day that has data:
   * `jurisdiction_code text` (the unit's jurisdiction, cut to $3 for jurisdiction units),
   * `site_id text` (null for jurisdiction units), `day date`, `value bigint`.
   */
  dailySql: string;
  /** A site series also returns `site_name text` (the school's name), shown on the alert instead of its id. */
  siteNames?: boolean;
}

/** A feed module's signals, registered in ./feeds.ts as modules register their routes. */
export type SignalFeed = readonly SignalMeasure[];
