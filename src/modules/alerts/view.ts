import type { AlertViewT } from '../../api/alerts.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { SIGNAL_MEASURES } from '../../platform/signals/feeds.js';
import { inScope } from '../../rules/roles.js';

const ts = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const VIEW_SQL = `a.id, a.jurisdiction_code AS "jurisdictionCode",
  coalesce(a.site_name, (SELECT j.name FROM jurisdictions j WHERE j.code = a.jurisdiction_code), a.unit_key) AS "unitName",
  a.site_id AS "siteId", a.rule, a.pack_id AS "packId", a.pack_version AS "packVersion", a.feed, a.measure,
  to_char(a.window_start, 'YYYY-MM-DD') AS "windowStart", to_char(a.window_end, 'YYYY-MM-DD') AS "windowEnd",
  a.window_value::int AS "windowValue", a.baseline, a.ratio, a.series,
  to_char(a.last_window_end, 'YYYY-MM-DD') AS "lastWindowEnd", a.last_window_value::int AS "lastWindowValue",
  a.state, ${ts('a.raised_at')} AS "raisedAt",
  ${ts('a.acknowledged_at')} AS "acknowledgedAt", a.acknowledged_by_name AS "acknowledgedByName",
  ${ts('a.assessed_at')} AS "assessedAt", a.assessed_by_name AS "assessedByName", a.risk_level AS "riskLevel",
  a.assessment_summary AS "assessmentSummary", a.measures_recommended AS "measuresRecommended",
  a.warning_text AS "warningText", a.warning_level AS "warningLevel", a.warning_audience AS "warningAudience",
  a.warning_jurisdiction_code AS "warningJurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = a.warning_jurisdiction_code) AS "warningJurisdictionName",
  ${ts('a.warning_published_at')} AS "warningPublishedAt", a.warning_published_by_name AS "warningPublishedByName",
  ${ts('a.closed_at')} AS "closedAt", a.closed_by_name AS "closedByName", a.close_reason AS "closeReason",
  a.close_note AS "closeNote"`;

type Row = Omit<AlertViewT, 'measureLabel'>;

function withLabel(row: Row): AlertViewT {
  const measure = SIGNAL_MEASURES.find((m) => m.feed === row.feed && m.measure === row.measure);
  return {
    ...row,
    baseline: row.baseline === null ? null : Number(row.baseline),
    ratio: row.ratio === null ? null : Number(row.ratio),
    series: row.series.map(([day, value]) => [day, Number(value)]),
    measureLabel: measure?.label ?? null,
  };
}

/** One alert in the caller's subtrees; 404 for any other (another subtree's alerts do not exist). */
export async function readAlert(tx: Queryable, actor: Actor, id: string): Promise<AlertViewT> {
  const [row] = await tx.query<Row>(`SELECT ${VIEW_SQL} FROM alerts a WHERE a.id = $1`, [id]);
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  return withLabel(row);
}

export interface AlertFilter {
  state?: AlertViewT['state'] | 'open' | undefined;
  feed?: string | undefined;
  jurisdiction?: string | undefined;
  riskLevel?: AlertViewT['riskLevel'] | undefined;
}

/** Alerts in the caller's subtrees: open ones first (raised, then acknowledged, then assessed), newest first. */
export async function listAlerts(
  tx: Queryable,
  actor: Actor,
  filter: AlertFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AlertViewT[]; total: number }> {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  }
  const params: unknown[] = [];
  const where = [
    scopeCondition('a.jurisdiction_code', filter.jurisdiction ? [filter.jurisdiction] : actor.scopes, params),
  ];
  if (filter.state === 'open') where.push(`a.state <> 'closed'`);
  else if (filter.state) {
    params.push(filter.state);
    where.push(`a.state = $${params.length}`);
  }
  if (filter.riskLevel) {
    params.push(filter.riskLevel);
    where.push(`a.risk_level = $${params.length}`);
  }
  if (filter.feed) {
    params.push(filter.feed);
    where.push(`a.feed = $${params.length}`);
  }
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alerts a WHERE ${condition}`,
    params,
  );
  const rows = await tx.query<Row>(
    `SELECT ${VIEW_SQL} FROM alerts a WHERE ${condition}
     ORDER BY array_position(ARRAY['raised', 'acknowledged', 'assessed', 'closed'], a.state), a.raised_at DESC, a.id
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items: rows.map(withLabel), total: count?.n ?? 0 };
}

/** What the audit log keeps of an alert: its state and handling, no personal data (an alert names none). */
export function alertSnapshot(alert: AlertViewT): Record<string, unknown> {
  return {
    state: alert.state,
    ruleId: alert.rule.id,
    unit: alert.unitName,
    windowEnd: alert.windowEnd,
    windowValue: alert.windowValue,
    riskLevel: alert.riskLevel,
    warningLevel: alert.warningLevel,
    closeReason: alert.closeReason,
  };
}
