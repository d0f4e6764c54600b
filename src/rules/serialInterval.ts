/**
 * EPI-5: a cluster's serial interval (infector onset → infectee onset) and incubation period
 * (exposure → onset), in days, with a 95% confidence interval. Pure: the caller passes the pairs.
 *
 * Method: a percentile bootstrap (2,000 resamples) of the mean and of the median, with a seeded RNG
 * (mulberry32, seed fixed per call) so the same pairs always give the same interval, on either
 * engine and in tests. The bootstrap was chosen over a t-interval because serial intervals are
 * skewed (and may be negative under presymptomatic transmission), and it gives the median's interval too.
 *
 * Assumption (the seeds give no number): an estimate is shown only from MIN_PAIRS = 10 pairs; below
 * that it reads "样本不足" (too few pairs). With fewer than ten pairs a percentile bootstrap interval is
 * too narrow to trust (it cannot cover more spread than the few values show).
 */

export const MIN_PAIRS = 10;
const BOOTSTRAP_RESAMPLES = 2000;
const BOOTSTRAP_SEED = 20260415;

export interface Estimate {
  /** Pairs used (those with both times known). */
  pairs: number;
  /** False when pairs < MIN_PAIRS: the figures below are null ("样本不足"). */
  enough: boolean;
  mean: number | null;
  median: number | null;
  meanCi: [number, number] | null;
  medianCi: [number, number] | null;
  method: 'bootstrap-percentile';
}

/** A small, fast, seeded PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The value at quantile q of sorted values (linear interpolation between order statistics). */
export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean and median of `values` (days) with percentile-bootstrap 95% intervals, or "too few". */
export function estimate(values: readonly number[], seed = BOOTSTRAP_SEED): Estimate {
  const finite = values.filter((v) => Number.isFinite(v));
  const pairs = finite.length;
  if (pairs < MIN_PAIRS) {
    return {
      pairs,
      enough: false,
      mean: null,
      median: null,
      meanCi: null,
      medianCi: null,
      method: 'bootstrap-percentile',
    };
  }
  const sorted = [...finite].sort((a, b) => a - b);
  const mean = finite.reduce((s, v) => s + v, 0) / pairs;
  const random = mulberry32(seed);
  const means: number[] = [];
  const medians: number[] = [];
  const sample = new Array<number>(pairs);
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
    let sum = 0;
    for (let i = 0; i < pairs; i++) {
      const v = finite[Math.floor(random() * pairs)] as number;
      sample[i] = v;
      sum += v;
    }
    means.push(sum / pairs);
    medians.push(median(sample.sort((a, b) => a - b)));
  }
  means.sort((a, b) => a - b);
  medians.sort((a, b) => a - b);
  return {
    pairs,
    enough: true,
    mean: round2(mean),
    median: round2(median(sorted)),
    meanCi: [round2(quantile(means, 0.025)), round2(quantile(means, 0.975))],
    medianCi: [round2(quantile(medians, 0.025)), round2(quantile(medians, 0.975))],
    method: 'bootstrap-percentile',
  };
}

const DAY_MS = 86_400_000;

/** Serial intervals in days: infectee onset − infector onset, for the pairs with both onsets known. */
export function serialIntervals(
  pairs: ReadonlyArray<{ infectorOnset: Date | null; infecteeOnset: Date | null }>,
): number[] {
  return pairs.flatMap((p) =>
    p.infectorOnset && p.infecteeOnset
      ? [(p.infecteeOnset.getTime() - p.infectorOnset.getTime()) / DAY_MS]
      : [],
  );
}

/**
 * Incubation periods in days: onset − exposure, for the pairs with both known. A negative value
 * (onset before the stated exposure) cannot be an incubation: it is left out, not counted.
 */
export function incubationPeriods(
  pairs: ReadonlyArray<{ exposureAt: Date | null; onset: Date | null }>,
): number[] {
  return pairs.flatMap((p) => {
    if (!p.exposureAt || !p.onset) return [];
    const days = (p.onset.getTime() - p.exposureAt.getTime()) / DAY_MS;
    return days >= 0 ? [days] : [];
  });
}
