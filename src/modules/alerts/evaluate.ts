import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { SIGNAL_MEASURES } from '../../platform/signals/feeds.js';
import type { SignalMeasure } from '../../platform/signals/types.js';
import { LEVEL_CODE_LENGTH, type TriggerRule } from '../../rules/policy/outbreakTypes.js';
import { localDate } from '../../rules/time.js';
import { ruleProblem, windowStart } from '../../rules/triggers.js';
import { addLocalDays } from '../../rules/truckReport.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { toReading, triggerStatement, type UnitReading } from './evaluateSql.js';
import { openAlertDeadlines } from './work.js';

/** A trigger rule with the pack version that holds it (none for a rule passed directly). */
export interface RuleInForce {
  rule: TriggerRule;
  packId: string | null;
  packVersion: string | null;
}

export interface EvaluationOutcome {
  /** Rules evaluated. */
  rules: number;
  /** Alerts newly raised. */
  raised: number;
  /** Open alerts whose rule still fires (their latest reading updated). */
  stillFiring: number;
  /** Rules that could not be evaluated here, with why. */
  skipped: Array<{ ruleId: string; problem: string }>;
}

/** The rule's measure and whether it can run under `root`: a rule coarser than the root is the wider level's to evaluate. */
function measureFor(rule: TriggerRule, root: string, measures: readonly SignalMeasure[]) {
  const measure = measures.find((m) => m.feed === rule.feed && m.measure === rule.measure);
  const problem = ruleProblem(rule, measure?.unit);
  if (problem) return { problem };
  if (rule.level !== 'site' && LEVEL_CODE_LENGTH[rule.level] < root.length)
    return { problem: `level ${rule.level} is wider than ${root}` };
  return { measure: measure as SignalMeasure };
}

const unitKey = (row: UnitReading) => row.siteId ?? row.jurisdictionCode;

/**
 * MON-4: evaluates `rules` over the feeds for every unit under `root` (but those under `exclude`),
 * for the windows ending yesterday and today on today's local date, in the
 * caller's transaction (scoped for a person, unscoped for the system's run), and raises an alert for
 * each unit where a rule fires. Idempotent: an open alert of the same rule and unit is updated with
 * the latest reading, and a window already alerted on is not alerted again (unique indexes).
 */
export async function evaluateRules(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  root: string,
  rules: readonly RuleInForce[],
  options: { measures?: readonly SignalMeasure[] | undefined; exclude?: readonly string[] } = {},
): Promise<EvaluationOutcome> {
  const { measures = SIGNAL_MEASURES, exclude = [] } = options;
  const now = ctx.now();
  const timeZone = await effectiveTimeZone(tx, root, ctx.config.defaultTimeZone);
  const today = localDate(now, timeZone);
  const outcome: EvaluationOutcome = { rules: 0, raised: 0, stillFiring: 0, skipped: [] };
  for (const inForce of rules) {
    const { rule } = inForce;
    const { measure, problem } = measureFor(rule, root, measures);
    if (!measure) {
      outcome.skipped.push({ ruleId: rule.id, problem: problem ?? 'unknown' });
      continue;
    }
    outcome.rules++;
    // One feed's failing series (a table not there yet, a broken query) must not stop the others:
    // each rule runs under a savepoint, and a failure is logged and reported as skipped.
    await tx.exec('SAVEPOINT alert_rule');
    try {
      // The last complete day first, then today so far: a day that ended while nobody evaluated (the
      // server down overnight, a feed's late batch) is still read whole; today's reading follows it.
      for (const day of [addLocalDays(today, -1), today]) {
        const found = await evaluateRule(tx, actor, inForce, measure, { root, exclude, day, timeZone, now });
        outcome.raised += found.raised;
        if (day === today) outcome.stillFiring += found.stillFiring;
      }
      await tx.exec('RELEASE SAVEPOINT alert_rule');
    } catch (error) {
      await tx.exec('ROLLBACK TO SAVEPOINT alert_rule');
      ctx.log.error({ err: error, ruleId: rule.id }, 'trigger rule evaluation failed (MON-4)');
      outcome.rules--;
      outcome.skipped.push({ ruleId: rule.id, problem: 'evaluation failed' });
    }
  }
  return outcome;
}

/** One rule over every unit under the root: raises what fires anew, refreshes what is still open. */
async function evaluateRule(
  tx: Queryable,
  actor: Actor | undefined,
  inForce: RuleInForce,
  measure: SignalMeasure,
  at: { root: string; exclude: readonly string[]; day: string; timeZone: string; now: Date },
): Promise<{ raised: number; stillFiring: number }> {
  const { rule } = inForce;
  const { root, exclude, day, timeZone, now } = at;
  const statement = triggerStatement(rule, measure, day, timeZone, root, true);
  // Units of a subtree governed by a pack of its own are that subtree's to evaluate.
  const firing = (await tx.query<UnitReading>(statement.sql, statement.params))
    .map(toReading)
    .filter((row) => !exclude.some((code) => row.jurisdictionCode.startsWith(code)));
  if (firing.length === 0) return { raised: 0, stillFiring: 0 };
  const raised = await raise(tx, inForce, firing, windowStart(rule.windowDays, day), day, now);
  const stillFiring = await refreshOpen(tx, rule.id, firing, raised, day);
  await openAlertDeadlines(
    tx,
    raised.map((a) => ({ ...a, ruleTitle: rule.title, raisedAt: now })),
  );
  for (const alert of raised) {
    await recordAudit(tx, actor, {
      action: 'alert.raise',
      entity: 'alert',
      entityId: alert.id,
      jurisdictionCode: alert.jurisdictionCode,
      detail: { ruleId: rule.id, unitKey: alert.unitKey, windowEnd: day, windowValue: alert.windowValue },
    });
  }
  return { raised: raised.length, stillFiring };
}

interface Inserted {
  id: string;
  jurisdictionCode: string;
  unitKey: string;
  unitName: string;
  windowValue: number;
}

/** One INSERT for every firing unit; conflicts (an open alert, an alerted window) insert nothing. */
async function raise(
  tx: Queryable,
  { rule, packId, packVersion }: RuleInForce,
  firing: readonly UnitReading[],
  start: string,
  day: string,
  now: Date,
): Promise<Inserted[]> {
  const divisor =
    rule.baseline.kind === 'same_weekday_mean'
      ? rule.baseline.weeks
      : rule.baseline.kind === 'daily_mean'
        ? rule.baseline.days
        : null;
  const units = firing.map((row) => {
    const baseline = divisor === null ? null : row.weightedSum / divisor;
    return {
      jurisdiction_code: row.jurisdictionCode,
      unit_key: unitKey(row),
      site_id: row.siteId,
      site_name: row.siteName,
      window_value: row.windowValue,
      baseline,
      ratio: baseline ? row.windowValue / baseline : null,
      series: row.series,
    };
  });
  const rows = await tx.query<Inserted & { windowValue: string | number }>(
    `INSERT INTO alerts AS a (jurisdiction_code, unit_key, site_id, site_name, rule_id, rule, pack_id, pack_version,
       feed, measure, window_start, window_end, window_value, baseline, ratio, series, last_window_end,
       last_window_value, raised_at)
     SELECT u.jurisdiction_code, u.unit_key, u.site_id, u.site_name, $2, $3::jsonb, $4, $5, $6, $7, $8::date, $9::date,
       u.window_value, u.baseline, u.ratio, u.series, $9::date, u.window_value, $10
     FROM jsonb_to_recordset($1::jsonb) AS u(jurisdiction_code text, unit_key text, site_id text, site_name text,
       window_value bigint, baseline double precision, ratio double precision, series jsonb)
     ON CONFLICT DO NOTHING
     RETURNING a.id, a.jurisdiction_code AS "jurisdictionCode", a.unit_key AS "unitKey",
       a.window_value AS "windowValue",
       coalesce(a.site_name, (SELECT j.name FROM jurisdictions j WHERE j.code = a.jurisdiction_code), a.unit_key)
         AS "unitName"`,
    [
      JSON.stringify(units),
      rule.id,
      JSON.stringify(rule),
      packId,
      packVersion,
      rule.feed,
      rule.measure,
      start,
      day,
      now,
    ],
  );
  return rows.map((row) => ({ ...row, windowValue: Number(row.windowValue) }));
}

/** Open alerts of the rule whose unit fires again (not just raised): their latest reading. */
async function refreshOpen(
  tx: Queryable,
  ruleId: string,
  firing: readonly UnitReading[],
  raised: readonly Inserted[],
  day: string,
): Promise<number> {
  const fresh = new Set(raised.map((r) => r.unitKey));
  const again = firing.filter((row) => !fresh.has(unitKey(row)));
  if (again.length === 0) return 0;
  const updated = await tx.query<{ id: string }>(
    `UPDATE alerts a SET last_window_end = $3::date, last_window_value = x.v, updated_at = now()
     FROM unnest($2::text[], $4::bigint[]) AS x(k, v)
     WHERE a.rule_id = $1 AND a.unit_key = x.k AND a.state <> 'closed' AND a.last_window_end <= $3::date
     RETURNING a.id`,
    [ruleId, again.map(unitKey), day, again.map((r) => r.windowValue)],
  );
  return updated.length;
}
