import { Type } from 'typebox';
import {
  CaseChain,
  CaseParams,
  ClusterDetail,
  ClusterList,
  ClusterParams,
  ClusterQuery,
  LinkBody,
  LinkParams,
  LinkView,
  UnlinkBody,
} from '../../api/chains.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { listClusters, readCaseChain, readCluster } from './clusters.js';
import { addLink, recomputeChains, removeLink } from './links.js';

const tags = ['chains'];
const AlertChanges = Type.Object({ opened: Type.Array(Type.String()), cancelled: Type.Array(Type.String()) });
const LinkResult = Type.Object({ link: LinkView, alerts: AlertChanges });

/** Transmission chains (EPI-5) under /api/chains: read with investigation.read, link with chain.write. */
export async function chainRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.post(
    '/chains/links',
    {
      config: { permission: 'chain.write' },
      schema: {
        tags,
        summary:
          'Link an infector to an infectee (EPI-5); a link closing a cycle is refused (409 chain_cycle)',
        body: LinkBody,
        response: { 201: LinkResult },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) => addLink(ctx, tx, actor, request.body));
      return reply.status(201).send(result);
    },
  );

  api.post(
    '/chains/links/:id/remove',
    {
      config: { permission: 'chain.write' },
      schema: {
        tags,
        summary:
          'Remove a link with a reason (kept in the chain history); generations and alerts are recomputed',
        params: LinkParams,
        body: UnlinkBody,
        response: { 200: LinkResult },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        removeLink(ctx, tx, actor, request.params.id, request.body.reason),
      );
    },
  );

  api.post(
    '/chains/recompute',
    {
      config: { permission: 'chain.write' },
      schema: {
        tags,
        summary:
          'Recompute the accountability alerts of every cluster in scope (e.g. after cases were discarded)',
        response: {
          200: Type.Object({
            clusters: Type.Integer(),
            opened: Type.Array(Type.String()),
            cancelled: Type.Array(Type.String()),
          }),
        },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => recomputeChains(ctx, tx, actor));
    },
  );

  api.get(
    '/chains',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary: 'Clusters of linked cases in scope with size, generations and accountability alert (EPI-5)',
        querystring: ClusterQuery,
        response: { 200: ClusterList },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => listClusters(tx, request.query));
    },
  );

  api.get(
    '/chains/case/:caseId',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary: "One case's place in the chains: generation, infectors, infectees and candidate infectors",
        params: CaseParams,
        response: { 200: CaseChain },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readCaseChain(tx, request.params.caseId));
    },
  );

  api.get(
    '/chains/:clusterId',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary: 'The cluster holding this case: nodes with generations, links, credit and estimates',
        params: ClusterParams,
        response: { 200: ClusterDetail },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readCluster(tx, request.params.clusterId));
    },
  );
}
