import { Type } from 'typebox';
import { JurisdictionCode, Uuid } from '../../api/common.js';
import { SiteBody, SiteList, SitePatch, SiteView } from '../../api/sampling.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { createSite, listSites, updateSite } from './sites.js';

const tags = ['sampling'];

/** Sampling sites (采样点) and their tables (采样台), per jurisdiction (TST-1, TST-8). */
export function samplingSiteRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/sampling-sites',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Sampling sites in your jurisdiction, or within one jurisdiction',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          active: Type.Optional(Type.Boolean()),
        }),
        response: { 200: SiteList },
      },
    },
    async (request) => ({
      items: await withScope(ctx.db, actorOf(request), (tx) =>
        listSites(tx, actorOf(request), request.query),
      ),
    }),
  );

  api.post(
    '/sampling-sites',
    {
      config: { permission: 'testing.plan' },
      schema: {
        tags,
        summary: 'Open a sampling site with its number of tables',
        body: SiteBody,
        response: { 201: SiteView },
      },
    },
    async (request, reply) => {
      const site = await withScope(ctx.db, actorOf(request), (tx) =>
        createSite(tx, actorOf(request), request.body),
      );
      return reply.status(201).send(site);
    },
  );

  api.patch(
    '/sampling-sites/:id',
    {
      config: { permission: 'testing.plan' },
      schema: {
        tags,
        summary: 'Rename a site, change its address or tables, or close it (active: false)',
        params: Type.Object({ id: Uuid }),
        body: SitePatch,
        response: { 200: SiteView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        updateSite(tx, actorOf(request), request.params.id, request.body),
      ),
  );
}
