import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { noteSignalChange, type SignalChange, takeSignalChanges } from '../../platform/signals/changes.js';
import type { SignalMeasure } from '../../platform/signals/types.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { triggerRulesInForce } from '../policy/index.js';
import { type EvaluationOutcome, evaluateRules, type RuleInForce } from './evaluate.js';

/**
 * A subtree evaluated under one pack version's rules: its root, the rules, and the subtrees below it
 * governed by a pack of their own (their units are theirs, not this one's).
 */
interface Subtree {
  root: string;
  rules: RuleInForce[];
  exclude: string[];
}

/** MON-4: the trigger rules in force today (local day) over `root` and each subtree below it with a pack of its own. */
async function subtreesInForce(ctx: AppContext, tx: Queryable, root: string): Promise<Subtree[]> {
  const timeZone = await effectiveTimeZone(tx, root, ctx.config.defaultTimeZone);
  const entries = await triggerRulesInForce(ctx.db, tx, root, localDate(ctx.now(), timeZone));
  return entries.map((entry) => ({
    root: entry.jurisdictionCode,
    rules: entry.rules.map((rule) => ({
      rule,
      packId: entry.pack?.packId ?? null,
      packVersion: entry.pack?.packVersion ?? null,
    })),
    exclude: entries
      .map((other) => other.jurisdictionCode)
      .filter((code) => code !== entry.jurisdictionCode && code.startsWith(entry.jurisdictionCode)),
  }));
}

/** Where the rules and the feeds' series come from: the packs and the registered feeds, unless a test says otherwise. */
interface Sources {
  rules?: (ctx: AppContext, tx: Queryable, root: string) => Promise<Subtree[]>;
  measures?: readonly SignalMeasure[];
}

function add(total: EvaluationOutcome, part: EvaluationOutcome): EvaluationOutcome {
  return {
    rules: total.rules + part.rules,
    raised: total.raised + part.raised,
    stillFiring: total.stillFiring + part.stillFiring,
    skipped: [...total.skipped, ...part.skipped],
  };
}

const EMPTY: EvaluationOutcome = { rules: 0, raised: 0, stillFiring: 0, skipped: [] };

/** Each subtree under `root` by its own rules (only those of `feeds`, when given), in the caller's transaction. */
async function evaluateRoot(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  root: string,
  feeds: ReadonlySet<string> | undefined,
  { rules: rulesOf = subtreesInForce, measures }: Sources,
): Promise<EvaluationOutcome> {
  let outcome = EMPTY;
  for (const subtree of await rulesOf(ctx, tx, root)) {
    const rules = feeds ? subtree.rules.filter((r) => feeds.has(r.rule.feed)) : subtree.rules;
    if (rules.length === 0) continue;
    outcome = add(
      outcome,
      await evaluateRules(ctx, tx, actor, subtree.root, rules, { measures, exclude: subtree.exclude }),
    );
  }
  return outcome;
}

/**
 * POST /api/alerts/evaluate: the caller's subtrees, each under the pack in force there, in the
 * caller's scoped transaction (row-level security bounds what is read and raised). Audited.
 */
export async function evaluateForActor(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  feed: string | undefined,
): Promise<EvaluationOutcome> {
  let outcome = EMPTY;
  const feeds = feed ? new Set([feed]) : undefined;
  for (const root of actor.scopes)
    outcome = add(outcome, await evaluateRoot(ctx, tx, actor, root, feeds, {}));
  await recordAudit(tx, actor, {
    action: 'alert.evaluate',
    entity: 'alert',
    jurisdictionCode: actor.scopes[0] ?? '',
    detail: { feed: feed ?? null, rules: outcome.rules, raised: outcome.raised },
  });
  return outcome;
}

/** The outermost jurisdictions with a pack assigned: the system evaluates each subtree once. */
async function outermostRoots(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `SELECT a.jurisdiction_code AS code FROM policy_assignments a
     WHERE NOT EXISTS (SELECT 1 FROM policy_assignments b
       WHERE a.jurisdiction_code ^@ b.jurisdiction_code AND b.jurisdiction_code <> a.jurisdiction_code)
     ORDER BY 1`,
  );
  return rows.map((r) => r.code);
}

/** The system's run (on a schedule): every assigned subtree, unscoped, one transaction per outermost root. */
export async function evaluateAll(ctx: AppContext, sources: Sources = {}): Promise<EvaluationOutcome> {
  let outcome = EMPTY;
  for (const root of await outermostRoots(ctx.db)) {
    outcome = add(
      outcome,
      await ctx.db.transaction((tx) => evaluateRoot(ctx, tx, undefined, root, undefined, sources)),
    );
  }
  return outcome;
}

/** Whether a change note at `code` lies in the subtree (under its root, not in a subtree below with a pack of its own). */
function inSubtree(subtree: Subtree, code: string): boolean {
  return code.startsWith(subtree.root) && !subtree.exclude.some((below) => code.startsWith(below));
}

/**
 * "As data arrives": takes the feeds' change notes (platform/signals/changes.ts) in a short
 * transaction of its own, so a feed's write (one upsert of the same note row) never waits for an
 * evaluation; then evaluates, in a separate transaction per outermost root, the rules of the changed
 * feeds in the subtrees (pack domains) that hold a change, and no other (MON-4). A subtree is the
 * smallest unit evaluated: a county-level rule counts the whole subtree, not only the changed town.
 * A failed evaluation puts its notes back for the next run.
 */
export async function evaluateChanged(ctx: AppContext, sources: Sources = {}): Promise<EvaluationOutcome> {
  const changes = await ctx.db.transaction((tx) => takeSignalChanges(tx));
  if (changes.length === 0) return EMPTY;
  const { rules: rulesOf = subtreesInForce, measures } = sources;
  let outcome = EMPTY;
  const done: string[] = [];
  for (const root of await outermostRoots(ctx.db)) {
    const pending = changes.filter((c) => c.jurisdictionCode.startsWith(root));
    if (pending.length === 0) continue;
    try {
      const part = await ctx.db.transaction(async (tx) => {
        let sum = EMPTY;
        for (const subtree of await rulesOf(ctx, tx, root)) {
          const feeds = new Set(
            pending.filter((c) => inSubtree(subtree, c.jurisdictionCode)).map((c) => c.feed),
          );
          const rules = subtree.rules.filter((r) => feeds.has(r.rule.feed));
          if (rules.length === 0) continue;
          sum = add(
            sum,
            await evaluateRules(ctx, tx, undefined, subtree.root, rules, {
              measures,
              exclude: subtree.exclude,
            }),
          );
        }
        return sum;
      });
      outcome = add(outcome, part);
      done.push(root);
    } catch (error) {
      // This root and those not reached yet are noted again; the roots evaluated keep theirs taken.
      await renote(
        ctx,
        changes.filter((c) => !done.some((root) => c.jurisdictionCode.startsWith(root))),
      );
      throw error;
    }
  }
  return outcome;
}

/** Puts notes back (a failed evaluation): one upsert per feed, as the feeds themselves note them. */
async function renote(ctx: AppContext, changes: readonly SignalChange[]): Promise<void> {
  const feeds = [...new Set(changes.map((c) => c.feed))];
  await ctx.db.transaction(async (tx) => {
    for (const feed of feeds)
      await noteSignalChange(
        tx,
        feed,
        changes.filter((c) => c.feed === feed).map((c) => c.jurisdictionCode),
      );
  });
}

const MINUTE_MS = 60_000;

/**
 * MON-4 without anyone pressing a button: feed changes are evaluated every minute, and every rule
 * every hour (a window moves with the clock: a rule may fire on a day with no new data). Returns the
 * function that stops it (called when the server closes).
 */
export function startAlertEvaluations(
  ctx: AppContext,
  every: { changesMs: number; allMs: number } = { changesMs: MINUTE_MS, allMs: 60 * MINUTE_MS },
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const log = (what: string) => (outcome: EvaluationOutcome) => {
    if (outcome.raised > 0) ctx.log.info({ raised: outcome.raised }, `${what}: alerts raised (MON-4)`);
    if (outcome.skipped.length > 0)
      ctx.log.warn({ skipped: outcome.skipped }, `${what}: rules skipped (MON-4)`);
  };
  const queue = (what: string, job: () => Promise<EvaluationOutcome>) => {
    running = running
      .then(job)
      .then(log(what))
      .catch((error: unknown) => ctx.log.error({ err: error }, `${what} failed`));
  };
  queue('trigger evaluation', () => evaluateAll(ctx));
  const changes = setInterval(
    () => queue('trigger evaluation of changed feeds', () => evaluateChanged(ctx)),
    every.changesMs,
  );
  const all = setInterval(() => queue('trigger evaluation', () => evaluateAll(ctx)), every.allMs);
  changes.unref();
  all.unref();
  return async () => {
    clearInterval(changes);
    clearInterval(all);
    await running;
  };
}
