import { Type } from 'typebox';
import { JurisdictionCode, Uuid } from '../../api/common.js';
import {
  FeedBody,
  FeedReportView,
  SUPERVISION_FLAGS,
  SupervisionView,
  VenueBody,
  VenueCodeView,
  VenueListQuery,
  VenueListView,
  VenuePatchBody,
  VenueView,
} from '../../api/venues.js';
import { withScope } from '../../platform/access/scope.js';
import { uploadBody, withUpload } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { publicOrigin } from '../../platform/http/publicUrl.js';
import { qrSvg } from '../landing/index.js';
import { ingestFeed, readFeedSheet } from './feed.js';
import { venuePublicRoutes } from './publicRoutes.js';
import { createVenue, getVenue, listVenues, updateVenue } from './registry.js';
import { supervision } from './supervision.js';
import { signVenueCode, venueCodeKeys } from './venueCode.js';

const tags = ['venues'];
const IdParams = Type.Object({ id: Uuid });

/** The page a venue's QR code opens. */
const checkInUrl = (origin: string, code: string) => `${origin}/check-in/${code}`;

/** The venues module's routes under /api: the registry, codes, feeds, the supervisor's view (HC-2), and the public check-in. */
export async function venueRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  const keys = venueCodeKeys(ctx.config.secret);

  api.get(
    '/venues',
    {
      config: { permission: 'venue.read' },
      schema: {
        tags,
        summary:
          'Venues (场所) in your jurisdiction, by jurisdiction and name; filter by kind, active, name or address',
        querystring: VenueListQuery,
        response: { 200: VenueListView },
      },
    },
    (request) => {
      const { page = 1, pageSize = 20, ...rest } = request.query;
      return withScope(ctx.db, actorOf(request), (tx) =>
        listVenues(tx, actorOf(request), { ...rest, page, pageSize }),
      );
    },
  );

  // Registered before the routes under /venues/:id (test/support/routeRequests.ts relies on it).
  api.post(
    '/venues',
    {
      config: { permission: 'venue.write' },
      schema: {
        tags,
        summary:
          'Register a venue (HC-2): type, capacity (ZON-4 limits follow from it), jurisdiction and responsible person; the same id again returns it',
        body: VenueBody,
        response: { 200: VenueView, 201: VenueView },
      },
    },
    async (request, reply) => {
      const { venue, created } = await withScope(ctx.db, actorOf(request), (tx) =>
        createVenue(tx, ctx.cipher, actorOf(request), request.body, ctx.now()),
      );
      return reply.status(created ? 201 : 200).send(venue);
    },
  );

  api.get(
    '/venues/supervision',
    {
      config: { permission: 'venue.read' },
      schema: {
        tags,
        summary:
          'The supervisor’s view (HC-2, ZON-4): active venues with no scans in 24 h, suspiciously few against their 7-day median, or over their ZON-4 limit by peak check-ins per hour (本地口径)',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          flag: Type.Optional(Type.Enum(SUPERVISION_FLAGS)),
        }),
        response: { 200: SupervisionView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        supervision(tx, actorOf(request), ctx.now(), request.query),
      ),
  );

  api.post(
    '/venues/check-ins/feed',
    {
      config: { permission: 'venue.write' },
      schema: {
        tags,
        summary:
          'A batch of check-ins from a venue system (up to 5,000 rows): each row a venue (venueId or venueCode), a time, name, ID number and phone',
        description:
          'Every rejected row is reported with its line (1-based index), field and reason in zh and en; the accepted rows are committed together; a row sent again (same venue, second and person) changes nothing. Times without an offset are Beijing time; a time older than the retention period or in the future is refused.',
        body: FeedBody,
        response: { 200: FeedReportView },
      },
    },
    (request) =>
      ingestFeed(
        ctx,
        actorOf(request),
        keys.publicKey,
        request.body.rows.map((row, i) => ({ ...row, line: i + 1 })),
        { kind: 'api' },
      ),
  );

  api.post(
    '/venues/check-ins/import',
    {
      config: { permission: 'venue.write' },
      validatorCompiler: () => () => true,
      schema: {
        tags,
        summary:
          'Import check-ins from a sheet (.csv or .xlsx, Chinese headers); every rejected row is reported',
        description:
          'Headers 场所编号 (or 场所码), 登记时间, 姓名, 证件号码, 手机号. Accepted rows are committed together; importing the same file again changes nothing.',
        consumes: ['multipart/form-data'],
        body: uploadBody,
        response: { 200: FeedReportView },
      },
    },
    (request) =>
      withUpload(request, async ({ file, format, fileName }) => {
        const rows = await readFeedSheet(ctx, file, format);
        return ingestFeed(ctx, actorOf(request), keys.publicKey, rows, { kind: 'sheet', fileName });
      }),
  );

  api.get(
    '/venues/:id',
    {
      config: { permission: 'venue.read' },
      schema: { tags, summary: 'One venue', params: IdParams, response: { 200: VenueView } },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getVenue(tx, actorOf(request), request.params.id)),
  );

  api.patch(
    '/venues/:id',
    {
      config: { permission: 'venue.write' },
      schema: {
        tags,
        summary: 'Edit a venue or deactivate it (active: false); the version read must be sent back',
        params: IdParams,
        body: VenuePatchBody,
        response: { 200: VenueView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        updateVenue(tx, ctx.cipher, actorOf(request), request.params.id, request.body),
      ),
  );

  api.get(
    '/venues/:id/code',
    {
      config: { permission: 'venue.read' },
      schema: {
        tags,
        summary:
          'The venue’s signed code (场所码, Ed25519): the token, the check-in URL its QR code opens (FANGKONG_PUBLIC_URL, else this request’s address) and the QR code as SVG',
        params: IdParams,
        response: { 200: VenueCodeView },
      },
    },
    async (request) => {
      const venue = await withScope(ctx.db, actorOf(request), (tx) =>
        getVenue(tx, actorOf(request), request.params.id),
      );
      const code = signVenueCode(venue.id, keys.privateKey);
      const url = checkInUrl(publicOrigin(request, ctx.config), code);
      return { venueId: venue.id, code, url, qrSvg: await qrSvg(url) };
    },
  );

  venuePublicRoutes(api, ctx, keys);
}
