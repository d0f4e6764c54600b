/**
 * MON-4: the feeds and measures a pack's trigger rule may name, and what a unit of each series is.
 * Rules stay pure, so the list lives here; the alerts module holds it equal to the signals the feed
 * modules register (src/platform/signals/feeds.ts) with a test, so a rule never names a series that
 * nothing offers.
 */
export interface KnownSignal {
  feed: string;
  measure: string;
  /** A jurisdiction (cut to the rule's level) or a site (a school): as SignalMeasure.unit. */
  unit: 'jurisdiction' | 'site';
}

export const TRIGGER_SIGNALS: readonly KnownSignal[] = [
  // MON-2: four-class drug sales (退热、止咳、抗病毒、抗生素) at pharmacies, clinics and health centres.
  { feed: 'drug_sales', measure: 'sales', unit: 'jurisdiction' },
  // … and each class alone: 'antipyretic', 'antitussive', 'antiviral', 'antibiotic'.
  ...['antipyretic', 'antitussive', 'antiviral', 'antibiotic'].map(
    (measure): KnownSignal => ({ feed: 'drug_sales', measure, unit: 'jurisdiction' }),
  ),
  // MON-1: fever-clinic visits.
  { feed: 'fever_visits', measure: 'visits', unit: 'jurisdiction' },
  // MON-3: positive environment and goods samples.
  { feed: 'environment_samples', measure: 'positives', unit: 'jurisdiction' },
  // MON-5: pupils absent for illness, per school.
  { feed: 'school_absence', measure: 'absent_ill', unit: 'site' },
  // MON-5: influenza-like illness and unexplained pneumonia counts.
  { feed: 'ili', measure: 'ili_visits', unit: 'jurisdiction' },
  // The share of influenza-like illness among a sentinel's visits, in per mille.
  { feed: 'ili', measure: 'ili_share_permille', unit: 'jurisdiction' },
  { feed: 'pneumonia', measure: 'cases', unit: 'jurisdiction' },
];
