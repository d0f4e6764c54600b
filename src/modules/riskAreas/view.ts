import type { RiskOverride as OverrideView, RiskArea as RiskAreaView } from '../../api/riskAreas.js';

export type { OverrideView, RiskAreaView };

/** Columns of a risk area; `at` is the parameter of the instant `inForce` refers to. */
export const areaViewSql = (
  at = '$1',
) => `id, level, division_code AS "divisionCode", area_name AS "areaName",
  province_name AS "provinceName", city_name AS "cityName", district_name AS "districtName",
  published_at AS "publishedAt", lifted_at AS "liftedAt", publisher, source_url AS "sourceUrl",
  (published_at <= ${at} AND (lifted_at IS NULL OR lifted_at > ${at})) AS "inForce", created_at AS "createdAt"`;

export const OVERRIDE_VIEW_SQL = `id, division_prefix AS "divisionPrefix", name, treat_as AS "treatAs",
  valid_from AS "validFrom", valid_until AS "validUntil", reason,
  (valid_from <= $1 AND (valid_until IS NULL OR valid_until > $1)) AS "inForce", created_at AS "createdAt"`;

type WithDates<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] extends string ? Date : Date | null };
export type AreaRow = WithDates<RiskAreaView, 'publishedAt' | 'liftedAt' | 'createdAt'>;
export type OverrideRow = WithDates<OverrideView, 'validFrom' | 'validUntil' | 'createdAt'>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const areaView = (row: AreaRow): RiskAreaView => ({
  ...row,
  publishedAt: row.publishedAt.toISOString(),
  liftedAt: iso(row.liftedAt),
  createdAt: row.createdAt.toISOString(),
});

export const overrideView = (row: OverrideRow): OverrideView => ({
  ...row,
  validFrom: row.validFrom.toISOString(),
  validUntil: iso(row.validUntil),
  createdAt: row.createdAt.toISOString(),
});

/** What the audit log keeps of an area: the view without the moment-dependent flag. */
export function auditArea(view: RiskAreaView): Record<string, unknown> {
  const { inForce: _i, createdAt: _c, ...rest } = view;
  return rest;
}
