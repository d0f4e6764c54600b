/**
 * Venues and their venue codes (场所码, HC-2) and the normal-time capacity limits (ZON-4). Pure: no
 * I/O, no clock.
 */

/**
 * The venue types the plans name (ZON-3 closure lists, ZON-4 limits, 004 §10 重点场所), in the order a
 * registry form lists them.
 */
export const VENUE_KINDS = [
  'mall',
  'restaurant',
  'hotel',
  'theatre',
  'entertainment',
  'game_room',
  'internet_cafe',
  'gym',
  'school',
  'medical',
  'market',
  'transport',
  'religious',
  'elderly_care',
  'enterprise',
  'other',
] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export const VENUE_KIND_LABELS: Record<VenueKind, { zh: string; en: string }> = {
  mall: { zh: '商场超市', en: 'Mall or supermarket' },
  restaurant: { zh: '餐饮', en: 'Restaurant' },
  hotel: { zh: '宾馆酒店', en: 'Hotel' },
  theatre: { zh: '影剧院', en: 'Cinema or theatre' },
  entertainment: { zh: '歌舞娱乐', en: 'Dance hall or KTV' },
  game_room: { zh: '游艺厅', en: 'Game room' },
  internet_cafe: { zh: '网吧', en: 'Internet café' },
  gym: { zh: '健身场所', en: 'Gym or sports hall' },
  school: { zh: '学校', en: 'School' },
  medical: { zh: '医疗机构', en: 'Medical institution' },
  market: { zh: '农贸市场', en: 'Farmers’ market' },
  transport: { zh: '交通场站', en: 'Transport station' },
  religious: { zh: '宗教场所', en: 'Place of worship' },
  elderly_care: { zh: '养老机构', en: 'Elderly care home' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  other: { zh: '其他', en: 'Other' },
};

export const isVenueKind = (value: string): value is VenueKind =>
  (VENUE_KINDS as readonly string[]).includes(value);

/**
 * ZON-4, the share of a venue's capacity allowed inside at once in normal times:
 * 002 §22 “剧院、歌舞厅、游艺厅等场所人数原则上不得超过核定人数的75%” and 004 §10 “演出场所、娱乐场所、
 * 体育场馆、网吧、电影院…等室内公共场所,接待人数不得超过容载量的75%”. The other types get no number
 * from the plans (malls, hotels and restaurants: “适时采取限流措施”, no figure), so no limit here.
 */
const ZON4_SHARE: Partial<Record<VenueKind, number>> = {
  theatre: 0.75,
  entertainment: 0.75,
  game_room: 0.75,
  internet_cafe: 0.75,
  gym: 0.75,
};

/** ZON-4: the most people allowed inside at once, or null where the plans set no limit or no capacity is known. */
export function capacityLimit(kind: string, capacity: number | null): number | null {
  const share = isVenueKind(kind) ? ZON4_SHARE[kind] : undefined;
  if (share === undefined || capacity === null || capacity <= 0) return null;
  return Math.floor(capacity * share);
}

/**
 * Assumptions of the supervisor's view (HC-2 “supervisors see venues with missing scans”; the plans
 * give no figures, 本地口径):
 * - a venue is "missing scans" when it is active, was registered more than a day ago, and had no
 *   check-in in the last 24 hours (every open venue sees someone in a day);
 * - "suspiciously few" when its last 24 hours are under 30 % of its own daily median over the 7
 *   days before, and that median is at least 10 (a venue with a handful a day varies too much to tell);
 * - "over capacity" (ZON-4) uses the peak number of check-ins in one clock hour over the last 24 hours
 *   as a proxy for the headcount inside: a visitor scans once on entry and most visits to these venues
 *   last about an hour, so the hour's scans approximate who was inside together.
 */
export const SCAN_RULES = {
  missingAfterHours: 24,
  fewShare: 0.3,
  fewMinBaseline: 10,
  baselineDays: 7,
} as const;

export type ScanFlag = 'missing' | 'few' | 'over_capacity';

export interface ScanFigures {
  active: boolean;
  /** Hours since the venue was registered. */
  ageHours: number;
  kind: string;
  capacity: number | null;
  /** Check-ins in the last 24 hours. */
  last24h: number;
  /** Check-ins on each of the baseline days before (any order). */
  baselineDaily: readonly number[];
  /** The most check-ins in one clock hour over the last 24 hours. */
  peakHour: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** HC-2 / ZON-4: what the supervisor's view flags about one venue (empty: nothing). */
export function scanFlags(f: ScanFigures): ScanFlag[] {
  if (!f.active) return [];
  const flags: ScanFlag[] = [];
  if (f.last24h === 0 && f.ageHours >= SCAN_RULES.missingAfterHours) flags.push('missing');
  else {
    const baseline = median(f.baselineDaily);
    if (baseline >= SCAN_RULES.fewMinBaseline && f.last24h < baseline * SCAN_RULES.fewShare)
      flags.push('few');
  }
  const limit = capacityLimit(f.kind, f.capacity);
  if (limit !== null && f.peakHour > limit) flags.push('over_capacity');
  return flags;
}

/**
 * How long check-ins are kept (privacy): 28 days by default — EPI-2 looks back 14 days before a
 * case's onset or report, and an investigation may start days late and a contact's contacts reach a
 * further 14 days back, so twice the look-back covers both; no longer, because a check-in says where
 * a person was. Bounds for the setting: at least 15 days (one look-back and a day), at most 180.
 */
export const CHECK_IN_RETENTION = { defaultDays: 28, minDays: 15, maxDays: 180 } as const;

/** The first UTC day (YYYY-MM-DD) still kept when `retentionDays` are kept up to and including today. */
export function retentionCutoffDay(today: string, retentionDays: number): string {
  const t = Date.parse(`${today}T00:00:00Z`) - (retentionDays - 1) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Why a check-in's time is refused: too old to be kept, or later than now (5 minutes of clock skew allowed). */
export function checkInTimeProblem(
  at: Date,
  now: Date,
  retentionDays: number,
): 'check_in_too_old' | 'in_future' | null {
  if (at.getTime() > now.getTime() + 5 * 60_000) return 'in_future';
  const cutoff = retentionCutoffDay(now.toISOString().slice(0, 10), retentionDays);
  if (at.toISOString().slice(0, 10) < cutoff) return 'check_in_too_old';
  return null;
}
