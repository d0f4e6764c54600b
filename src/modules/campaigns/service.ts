import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { insertCampaign, setCampaignStatus } from '../testing/index.js';
import { planFor } from './plan.js';
import { CAMPAIGN_VIEW_SQL, type CampaignStatus, type CampaignView } from './view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOUR = 3_600_000;

export interface Jurisdiction {
  code: string;
  name: string;
  level: string;
}

/** A jurisdiction the actor may plan for: known (400 otherwise) and within their subtrees (403). */
export async function plannableJurisdiction(
  tx: Queryable,
  actor: Actor,
  code: string,
  field = 'jurisdictionCode',
): Promise<Jurisdiction> {
  if (!inScope(code, actor.scopes))
    throw new AppError('forbidden', [fieldError(field, 'jurisdiction_out_of_scope')]);
  const [row] = await tx.query<Jurisdiction>('SELECT code, name, level FROM jurisdictions WHERE code = $1', [
    code,
  ]);
  if (!row) throw invalid([fieldError(field, 'jurisdiction_unknown')]);
  return row;
}

export async function getCampaign(tx: Queryable, actor: Actor, id: string): Promise<CampaignView> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<CampaignView>(`SELECT ${CAMPAIGN_VIEW_SQL} FROM campaigns c WHERE c.id = $1`, [
    id,
  ]);
  // Row-level security hides other subtrees already; the service checks too (CMD-1).
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  return row;
}

/** Campaigns in the actor's subtrees (or under `jurisdiction`), newest first. */
export async function listCampaigns(
  tx: Queryable,
  actor: Actor,
  filter: { jurisdiction?: string | undefined; status?: CampaignStatus | undefined },
): Promise<CampaignView[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const { jurisdiction } = filter;
  if (jurisdiction) {
    if (!inScope(jurisdiction, actor.scopes) && !actor.scopes.some((s) => s.startsWith(jurisdiction))) {
      throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
    }
    params.push(jurisdiction);
    where.push(`c.jurisdiction_code ^@ $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`c.status = $${params.length}`);
  }
  return tx.query<CampaignView>(
    `SELECT ${CAMPAIGN_VIEW_SQL} FROM campaigns c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.starts_at DESC, c.id LIMIT 500`,
    params,
  );
}

export interface CampaignInput {
  jurisdictionCode: string;
  name: string;
  poolSize: number;
  startsAt: Date;
  dueAt?: Date | undefined;
  status?: CampaignStatus | undefined;
}

export async function createCampaign(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  input: CampaignInput,
): Promise<CampaignView> {
  const jurisdiction = await plannableJurisdiction(tx, actor, input.jurisdictionCode);
  if (!input.name.trim()) throw invalid([fieldError('name', 'required')]);
  // TST-6: without a due time, the planner's limit for this jurisdiction's size and level.
  const dueAt =
    input.dueAt ??
    new Date(
      input.startsAt.getTime() +
        (await planFor(tx, jurisdiction, input.poolSize, {})).plan.deadline.limitHours * HOUR,
    );
  if (dueAt <= input.startsAt) throw invalid([fieldError('dueAt', 'ends_before_start')]);
  const createdId = await insertCampaign(tx, {
    jurisdictionCode: jurisdiction.code,
    name: input.name.trim(),
    poolSize: input.poolSize,
    startsAt: input.startsAt,
    dueAt,
    status: input.status ?? 'active',
    createdBy: actor.userId,
    createdAt: ctx.now(),
  });
  const view = await getCampaign(tx, actor, createdId);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'campaign',
    entityId: view.id,
    jurisdictionCode: view.jurisdictionCode,
    after: view,
  });
  return view;
}

/** planned → active → closed (planned may also close); the same status again changes nothing. */
const NEXT: Record<CampaignStatus, readonly CampaignStatus[]> = {
  planned: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

export async function updateCampaignStatus(
  tx: Queryable,
  actor: Actor,
  id: string,
  status: CampaignStatus,
): Promise<CampaignView> {
  const before = await getCampaign(tx, actor, id);
  if (before.status === status) return before;
  if (!NEXT[before.status].includes(status))
    throw new AppError('wrong_state', [fieldError('status', 'wrong_state')]);
  await setCampaignStatus(tx, id, status);
  const after = { ...before, status };
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'campaign',
    entityId: id,
    jurisdictionCode: before.jurisdictionCode,
    before: { status: before.status },
    after: { status },
  });
  return after;
}
