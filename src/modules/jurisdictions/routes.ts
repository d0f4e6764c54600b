import { Type } from 'typebox';
import { JurisdictionCode, SafeText } from '../../api/common.js';
import { JurisdictionDetail, JurisdictionNode } from '../../api/jurisdictions.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import {
  createGrid,
  getJurisdiction,
  listChildren,
  searchJurisdictions,
  updateJurisdiction,
} from './service.js';

const CodeParams = Type.Object({ code: JurisdictionCode });
const tags = ['jurisdictions'];

export function jurisdictionRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/jurisdictions',
    {
      config: { permission: 'jurisdiction.read' },
      schema: {
        tags,
        summary: 'The top of your subtrees, or the children of one node',
        querystring: Type.Object({ parent: Type.Optional(JurisdictionCode) }),
        response: { 200: Type.Array(JurisdictionNode) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => listChildren(tx, actorOf(request), request.query.parent)),
  );

  api.get(
    '/jurisdictions/search',
    {
      config: { permission: 'jurisdiction.read' },
      schema: {
        tags,
        summary: 'Find nodes by code prefix, name or pinyin initials',
        querystring: Type.Object({
          q: SafeText(50, { minLength: 1 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
        }),
        response: { 200: Type.Array(JurisdictionNode) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        searchJurisdictions(tx, actorOf(request), request.query.q, request.query.limit ?? 30),
      ),
  );

  api.get(
    '/jurisdictions/:code',
    {
      config: { permission: 'jurisdiction.read' },
      schema: {
        tags,
        summary: 'One node with its path from the top',
        params: CodeParams,
        response: { 200: JurisdictionDetail },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getJurisdiction(tx, actorOf(request), request.params.code)),
  );

  api.post(
    '/jurisdictions/:code/grids',
    {
      config: { permission: 'jurisdiction.write' },
      schema: {
        tags,
        summary: 'Add a grid (网格) under a village or community',
        params: CodeParams,
        body: Type.Object({ name: SafeText(60, { minLength: 1 }) }, { additionalProperties: false }),
        response: { 201: JurisdictionNode },
      },
    },
    async (request, reply) => {
      const grid = await withScope(ctx.db, actorOf(request), (tx) =>
        createGrid(tx, actorOf(request), request.params.code, request.body.name),
      );
      return reply.status(201).send(grid);
    },
  );

  api.patch(
    '/jurisdictions/:code',
    {
      config: { permission: 'jurisdiction.write' },
      schema: {
        tags,
        summary: "Rename a grid or set a node's time zone",
        params: CodeParams,
        body: Type.Object(
          {
            name: Type.Optional(SafeText(60, { minLength: 1 })),
            timeZone: Type.Optional(Type.Union([SafeText(64, { minLength: 1 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: JurisdictionDetail },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), async (tx) => {
        await updateJurisdiction(tx, actorOf(request), request.params.code, request.body);
        return getJurisdiction(tx, actorOf(request), request.params.code);
      }),
  );
}
