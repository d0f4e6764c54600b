import { Type } from 'typebox';
import { JurisdictionCode } from '../../api/common.js';
import {
  AssignmentsView,
  AssignmentView,
  ImpactBody,
  ImpactPreviewView,
  ImpactResultView,
  PackDetailView,
  PackKey,
  PackSummaryView,
} from '../../api/policy.js';
import { withScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { parsePack, withLines } from '../../rules/policy/loadPack.js';
import { packCitationErrors } from '../documents/index.js';
import { assignableVersion } from './assignable.js';
import { assessImpact } from './impact.js';
import { applyImpact } from './impactApply.js';
import { listAssignments, listPacks, packDetail } from './queries.js';
import { assignPack, governingAssignment, storePack } from './store.js';

const tags = ['policy'];

export function policyRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/policy/packs',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary: 'Loaded policy pack versions',
        response: { 200: Type.Array(PackSummaryView) },
      },
    },
    (request) => withScope(ctx.db, actorOf(request), (tx) => listPacks(tx)),
  );

  api.get(
    '/policy/packs/:id/:version',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary: 'One pack version: its protocols with their clause citations, and its source text',
        params: Type.Object({ id: PackKey.properties.packId, version: PackKey.properties.version }),
        response: { 200: PackDetailView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => packDetail(tx, request.params.id, request.params.version)),
  );

  api.post(
    '/policy/packs',
    {
      config: { permission: 'policy.admin' },
      bodyLimit: 512 * 1024,
      schema: {
        tags,
        summary: 'Load a new pack version from its YAML text; it is validated and stored, not yet assigned',
        body: Type.Object(
          { yaml: Type.String({ minLength: 1, maxLength: 256 * 1024 }) },
          { additionalProperties: false },
        ),
        response: { 201: PackSummaryView, 200: PackSummaryView },
      },
    },
    async (request, reply) => {
      const parsed = parsePack(request.body.yaml);
      if ('errors' in parsed) {
        throw new AppError('validation', [fieldError('yaml', 'pack_invalid')], { packErrors: parsed.errors });
      }
      const actor = actorOf(request);
      const outcome = await withScope(ctx.db, actor, async (tx) => {
        // Issue 12: every citation names a registered document and quotes words it holds.
        const citations = await packCitationErrors(tx, parsed.pack);
        if (citations.length > 0) {
          const packErrors = withLines(request.body.yaml, citations);
          throw new AppError('validation', [fieldError('yaml', 'pack_invalid')], { packErrors });
        }
        const result = await storePack(tx, parsed.pack, request.body.yaml, actor.userId);
        if (result === 'stored') {
          await recordAudit(tx, actor, {
            action: 'load_pack',
            entity: 'policy_pack',
            jurisdictionCode: actor.scopes[0] ?? '',
            detail: { packId: parsed.pack.id, version: parsed.pack.version },
          });
        }
        return result;
      });
      const summary = (await withScope(ctx.db, actor, (tx) => listPacks(tx))).find(
        (pack) => pack.id === parsed.pack.id && pack.version === parsed.pack.version,
      );
      if (!summary) throw notFound();
      return reply.status(outcome === 'stored' ? 201 : 200).send(summary);
    },
  );

  api.get(
    '/policy/assignments',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary: 'The pack governing a jurisdiction, and the assignments within it',
        querystring: Type.Object({ jurisdiction: JurisdictionCode }),
        response: { 200: AssignmentsView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), async (tx) => ({
        governing: (await governingAssignment(tx, request.query.jurisdiction)) ?? null,
        within: await listAssignments(tx, request.query.jurisdiction),
      })),
  );

  api.put(
    '/policy/assignments/:code',
    {
      config: { permission: 'policy.admin' },
      schema: {
        tags,
        summary:
          'Make a pack version govern new arrivals into a subtree; refused (409) when it would change existing plans: preview and apply the impact instead',
        params: Type.Object({ code: JurisdictionCode }),
        body: PackKey,
        response: { 200: AssignmentView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const assignment = {
        jurisdictionCode: request.params.code,
        packId: request.body.packId,
        packVersion: request.body.version,
      };
      return withScope(ctx.db, actor, async (tx) => {
        await assignableVersion(ctx.db, tx, actor, {
          ...request.body,
          jurisdictionCode: request.params.code,
        });
        // Issue 12 Deliver 3: a re-assignment that would re-plan anyone is never silent.
        const impact = await assessImpact(ctx, tx, actor, {
          ...request.body,
          jurisdictionCode: assignment.jurisdictionCode,
        });
        if (impact.view.examined > 0) {
          throw new AppError('assignment_replans', [fieldError('jurisdictionCode', 'assignment_replans')]);
        }
        await assignPack(tx, assignment, actor.userId);
        await recordAudit(tx, actor, {
          action: 'assign_pack',
          entity: 'policy_assignment',
          jurisdictionCode: assignment.jurisdictionCode,
          after: assignment,
        });
        return assignment;
      });
    },
  );

  api.post(
    '/policy/impact/preview',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary:
          'Which active plans assigning a pack version would change, and how, per person: what they have done and what they will owe',
        body: ImpactBody,
        response: { 200: ImpactPreviewView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), async (tx) => {
        // What apply would refuse is refused here already, with the same problems.
        await assignableVersion(ctx.db, tx, actorOf(request), request.body);
        return (await assessImpact(ctx, tx, actorOf(request), request.body)).view;
      }),
  );

  api.post(
    '/policy/impact/apply',
    {
      config: { permission: 'policy.admin' },
      schema: {
        tags,
        summary:
          'Assign the version and supersede every plan it governs: changed ones re-planned, unchanged ones re-stamped (audited per plan)',
        body: ImpactBody,
        response: { 200: ImpactResultView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => applyImpact(ctx, tx, actorOf(request), request.body)),
  );
}
