import { Type } from 'typebox';
import { TubeBarcode, Uuid } from '../../api/common.js';
import { RegisterBody, RegisteredView, TodayCounts, TubeDetail } from '../../api/sampling.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { registerSample } from './register.js';
import { samplingSiteRoutes } from './siteRoutes.js';
import { getTube, sealTube, todayCounts } from './tubes.js';

const tags = ['sampling'];
const BarcodeParams = Type.Object({ barcode: TubeBarcode });

/** The sampling table (TST-1): register people into tubes, seal, and the table's counts. */
export function samplingRoutes(api: TypedApp, ctx: AppContext) {
  samplingSiteRoutes(api, ctx);

  api.post(
    '/sampling/samples',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary:
          'Register a person (ID number or person id) into a tube by barcode; opens the tube on its first sample and seals it when full (TST-1). An unknown ID number with a name registers the person in the site’s jurisdiction.',
        body: RegisterBody,
        response: { 201: RegisteredView },
      },
    },
    async (request, reply) => {
      const result = await withScope(ctx.db, actorOf(request), (tx) =>
        registerSample(ctx, tx, actorOf(request), request.body),
      );
      return reply.status(201).send(result);
    },
  );

  api.get(
    '/sampling/tubes/:barcode',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'A tube and the people in it (ID numbers masked)',
        params: BarcodeParams,
        response: { 200: TubeDetail },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getTube(tx, actorOf(request), request.params.barcode)),
  );

  api.post(
    '/sampling/tubes/:barcode/seal',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary: 'Seal an open partial pool, e.g. the table’s last tube of the day',
        params: BarcodeParams,
        response: { 200: TubeDetail },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        sealTube(ctx, tx, actorOf(request), request.params.barcode),
      ),
  );

  api.get(
    '/sampling/sites/:id/today',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Today’s counts of a site or one table (local day): people sampled, tubes, the open tube',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ tableNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: TodayCounts },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        todayCounts(ctx, tx, actorOf(request), request.params.id, request.query.tableNo ?? null),
      ),
  );
}
