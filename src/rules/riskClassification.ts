/**
 * Classifying an origin against other regions' published risk areas (ZON-5, ARR-7, ARR-9). Pure:
 * the module reads the areas and overrides, and its SQL functions fangkong_origin_risk /
 * fangkong_origin_district_risk compute the same (a property test holds the two together).
 */
import type { OriginRisk, RiskLevel } from './policy/types.js';

export const AREA_LEVELS = ['high', 'medium', 'key_concern', 'low'] as const satisfies readonly OriginRisk[];
export type AreaLevel = (typeof AREA_LEVELS)[number];
const OVERRIDE_LEVELS = ['high', 'medium'] as const satisfies readonly RiskLevel[];
export type OverrideLevel = (typeof OVERRIDE_LEVELS)[number];

/** high > medium > key_concern > low (重点关注地区 ranks below the medium level, above low). */
export const LEVEL_RANK: Readonly<Record<AreaLevel, number>> = { high: 4, medium: 3, key_concern: 2, low: 1 };

/** A published area as the registry holds it; `liftedAt` null while it is still in force. */
export interface PublishedArea {
  id: string;
  level: AreaLevel;
  divisionCode: string;
  areaName: string;
  publishedAt: Date;
  liftedAt: Date | null;
}

/** ARR-9 "对上海市、吉林市、满洲里市全域参照高风险地区进行管控": a whole division treated as `treatAs`. */
export interface RiskOverride {
  id: string;
  divisionPrefix: string;
  name: string;
  treatAs: OverrideLevel;
  validFrom: Date;
  validUntil: Date | null;
}

export interface Classification {
  /** The highest level among areas in force that contain the origin; overrides included. */
  originRisk?: AreaLevel;
  /** ARR-9 "高风险地区所在区": the highest of high/medium in force in the origin's district. */
  originDistrictRisk?: OverrideLevel;
  /**
   * The highest level in force among areas and overrides finer than the origin (a street of the
   * district the traveller named): the origin is known only to a level that contains them.
   */
  finerRisk?: AreaLevel;
  /** The areas in force that decided it: containing the origin, or elsewhere in its district. */
  areas: Array<{
    id: string;
    level: AreaLevel;
    areaName: string;
    divisionCode: string;
    relation: 'contains' | 'district';
  }>;
  overrides: Array<{ id: string; name: string; divisionPrefix: string; treatAs: OverrideLevel }>;
}

/** Division codes as the jurisdictions table holds them: 2 (province), 4, 6 (county), 9 (town), 12. */
const CANONICAL = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/**
 * GB/T 2260 pads a province to 310000 and a city to 220200, statistical codes a county to
 * 211122000000: strips the padding so that every area is a code prefix of what it contains.
 * Returns undefined for anything that is not a 2/4/6/9/12-digit code.
 */
export function canonicalDivisionCode(raw: string): string | undefined {
  let code = raw.trim();
  if (!CANONICAL.test(code)) return undefined;
  if (code.length === 12 && code.endsWith('000')) code = code.slice(0, 9);
  if (code.length === 9 && code.endsWith('000')) code = code.slice(0, 6);
  if (code.length === 6 && code.endsWith('00')) code = code.slice(0, 4);
  if (code.length === 4 && code.endsWith('00')) code = code.slice(0, 2);
  return code === '00' ? undefined : code;
}

/** In force at `at`: published then or before, and not yet lifted (a lift at `at` ends it). */
function inForceAt(record: { publishedAt: Date; liftedAt: Date | null }, at: Date): boolean {
  return record.publishedAt <= at && (record.liftedAt === null || record.liftedAt > at);
}

function overrideInForceAt(override: RiskOverride, at: Date): boolean {
  return override.validFrom <= at && (override.validUntil === null || override.validUntil > at);
}

/** The county-level district (区/县) of an origin; an origin known only to its city is that city. */
const districtOf = (originCode: string) => originCode.slice(0, 6);

/** The area is the origin or contains it (its code is a prefix of the origin's). */
const contains = (areaCode: string, originCode: string) => originCode.startsWith(areaCode);

/** The area lies strictly inside the origin: finer than the origin as reported. */
const finer = (areaCode: string, originCode: string) =>
  areaCode.length > originCode.length && areaCode.startsWith(originCode);

/** The area lies in the origin's district (areas containing the district contain the origin too). */
const inDistrict = (areaCode: string, originCode: string) => areaCode.startsWith(districtOf(originCode));

function higher<T extends AreaLevel>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}

const isDistrictLevel = (level: AreaLevel): level is OverrideLevel => level === 'high' || level === 'medium';

/**
 * The origin's risk as it stood at `at`, the instant the person was there (ARR-7: classified by
 * the status in force then, not today). An area finer than the origin (a community inside a
 * county the person names) does not raise `originRisk`; it raises `originDistrictRisk` (ARR-9).
 * An override in force over the origin raises both to its level. Areas and overrides finer than
 * the origin give `finerRisk`: the origin is known only to a level that holds them (B7).
 */
export function classifyAt(
  originCode: string,
  at: Date,
  areas: readonly PublishedArea[],
  overrides: readonly RiskOverride[],
): Classification {
  const result: Classification = { areas: [], overrides: [] };
  for (const override of overrides) {
    if (!overrideInForceAt(override, at)) continue;
    if (finer(override.divisionPrefix, originCode))
      result.finerRisk = higher(result.finerRisk, override.treatAs);
    if (!contains(override.divisionPrefix, originCode)) continue;
    const { id, name, divisionPrefix, treatAs } = override;
    result.overrides.push({ id, name, divisionPrefix, treatAs });
    result.originRisk = higher<AreaLevel>(result.originRisk, treatAs);
    result.originDistrictRisk = higher(result.originDistrictRisk, treatAs);
  }
  for (const area of areas) {
    if (!inForceAt(area, at)) continue;
    const inside = contains(area.divisionCode, originCode);
    if (!inside && !inDistrict(area.divisionCode, originCode)) continue;
    const { id, level, areaName, divisionCode } = area;
    result.areas.push({ id, level, areaName, divisionCode, relation: inside ? 'contains' : 'district' });
    if (inside) result.originRisk = higher(result.originRisk, level);
    if (finer(divisionCode, originCode)) result.finerRisk = higher(result.finerRisk, level);
    if (isDistrictLevel(level)) result.originDistrictRisk = higher(result.originDistrictRisk, level);
  }
  result.areas.sort(
    (a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || a.divisionCode.localeCompare(b.divisionCode),
  );
  return result;
}
