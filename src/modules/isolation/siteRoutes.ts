import { Type } from 'typebox';
import { Uuid } from '../../api/common.js';
import {
  ReadinessBody,
  ReadinessItemName,
  RevealedStaffPhone,
  RevealReasonBody,
  RoomGridView,
  RoomServiceBody,
  RoomsAddedView,
  RoomsBody,
  RoomView,
  SiteBody,
  SiteDetailView,
  SiteListQuery,
  SiteListView,
  SitePatchBody,
  StaffBody,
  StaffPatchBody,
  StaffView,
} from '../../api/isolationSites.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { setReadiness } from './siteReadiness.js';
import { createSite, getSite, listSites, patchSite } from './siteRegistry.js';
import { addRooms, roomCleaned, roomGrid, roomService } from './siteRooms.js';
import { addStaff, patchStaff, revealStaffPhone } from './siteStaff.js';

const tags = ['isolation-sites'];
const IdParams = Type.Object({ id: Uuid });

/** Isolation sites, rooms, readiness and the staff ledger (ISO-1, ISO-3) under /api/isolation/sites. */
export async function isolationSiteRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.get(
    '/isolation/sites',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'Isolation sites with rooms by state and readiness, and ISO-1 one in use, one on standby per county',
        querystring: SiteListQuery,
        response: { 200: SiteListView },
      },
    },
    (request) => withScope(ctx.db, actorOf(request), (tx) => listSites(tx, actorOf(request), request.query)),
  );

  // Registered before the routes under /isolation/sites/:id (test/support/routeRequests relies on it).
  api.post(
    '/isolation/sites',
    {
      config: { permission: 'isolation.site' },
      schema: {
        tags,
        summary: 'Register a contracted site (never a hospital, ISO-2); sending the same id again returns it',
        body: SiteBody,
        response: { 200: SiteDetailView, 201: SiteDetailView },
      },
    },
    async (request, reply) => {
      const { site, created } = await withScope(ctx.db, actorOf(request), (tx) =>
        createSite(tx, actorOf(request), request.body),
      );
      return reply.status(created ? 201 : 200).send(site);
    },
  );

  api.get(
    '/isolation/sites/:id',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary: 'One site with its five-in-place checklist (ISO-3), staff ledger and room facts',
        params: IdParams,
        response: { 200: SiteDetailView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getSite(tx, actorOf(request), request.params.id)),
  );

  api.patch(
    '/isolation/sites/:id',
    {
      config: { permission: 'isolation.site' },
      schema: {
        tags,
        summary: 'Edit a site; in use or on standby only with all five in place (ISO-3)',
        description:
          'Not ready or deactivated is refused while people are in its rooms (site_has_occupants).',
        params: IdParams,
        body: SitePatchBody,
        response: { 200: SiteDetailView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        patchSite(tx, actorOf(request), request.params.id, request.body, ctx.now()),
      ),
  );

  api.put(
    '/isolation/sites/:id/readiness/:item',
    {
      config: { permission: 'isolation.site' },
      schema: {
        tags,
        summary: 'ISO-3: one of the five readiness items in place or not, with evidence and the date checked',
        params: Type.Object({ id: Uuid, item: ReadinessItemName }),
        body: ReadinessBody,
        response: { 200: SiteDetailView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        setReadiness(ctx, tx, actorOf(request), request.params.id, request.params.item, request.body),
      ),
  );

  api.post(
    '/isolation/sites/:id/staff',
    {
      config: { permission: 'isolation.site' },
      schema: {
        tags,
        summary: 'ISO-3: add a liaison leader, point leader or key staff member to the ledger (phone sealed)',
        params: IdParams,
        body: StaffBody,
        response: { 201: StaffView },
      },
    },
    async (request, reply) => {
      const staff = await withScope(ctx.db, actorOf(request), (tx) =>
        addStaff(ctx, tx, actorOf(request), request.params.id, request.body),
      );
      return reply.status(201).send(staff);
    },
  );

  api.patch(
    '/isolation/staff/:id',
    {
      config: { permission: 'isolation.site' },
      schema: {
        tags,
        summary: 'Change a ledger entry, or deactivate (active: false) or restore it',
        params: IdParams,
        body: StaffPatchBody,
        response: { 200: StaffView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        patchStaff(ctx, tx, actorOf(request), request.params.id, request.body),
      ),
  );

  api.post(
    '/isolation/staff/:id/phone',
    {
      config: { permission: 'person.unmask' },
      schema: {
        tags,
        summary: 'A staff member’s whole phone number, with a reason; audited',
        params: IdParams,
        body: RevealReasonBody,
        response: { 200: RevealedStaffPhone },
      },
    },
    async (request) => ({
      phone: await withScope(ctx.db, actorOf(request), (tx) =>
        revealStaffPhone(ctx, tx, actorOf(request), request.params.id, request.body.reason),
      ),
    }),
  );

  api.get(
    '/isolation/sites/:id/rooms',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary: 'The room grid: rooms by floor and number, state, occupants (names masked unless unmasked)',
        params: IdParams,
        response: { 200: RoomGridView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => roomGrid(tx, actorOf(request), request.params.id)),
  );

  api.post(
    '/isolation/sites/:id/rooms',
    {
      config: { permission: 'isolation.site' },
      schema: {
        tags,
        summary:
          'Add rooms by floor and number range (e.g. floor 3, 301–330); numbers already there are skipped',
        params: IdParams,
        body: RoomsBody,
        response: { 200: RoomsAddedView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        addRooms(tx, actorOf(request), request.params.id, request.body),
      ),
  );

  api.post(
    '/isolation/rooms/:id/service',
    {
      config: { permission: 'isolation.site' },
      schema: {
        tags,
        summary: 'Take a room out of service (not while occupied) or put it back',
        params: IdParams,
        body: RoomServiceBody,
        response: { 200: RoomView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        roomService(tx, actorOf(request), request.params.id, request.body, ctx.now()),
      ),
  );

  api.post(
    '/isolation/rooms/:id/cleaned',
    {
      config: { permission: 'isolation.write' },
      schema: {
        tags,
        summary: 'Turnover: the room is cleaned and disinfected (cleaning → ready); audited, who and when',
        params: IdParams,
        response: { 200: RoomView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        roomCleaned(tx, actorOf(request), request.params.id, ctx.now()),
      ),
  );
}
