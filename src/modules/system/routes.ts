import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.js';
import { schemaVersion } from '../../platform/db/migrate.js';
import type { TypedApp } from '../../platform/http/app.js';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  schemaVersion: Type.Integer(),
});

export function systemRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness, database kind and schema version',
        response: { 200: Health },
      },
    },
    async () => {
      const version = await schemaVersion(ctx.db).catch(() => -1);
      return {
        status: version >= 0 ? 'ok' : 'degraded',
        database: ctx.db.kind,
        schemaVersion: Math.max(version, 0),
      } as const;
    },
  );
  api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => api.swagger({}));
}
