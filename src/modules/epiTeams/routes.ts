import { Type } from 'typebox';
import { JurisdictionCode, Uuid } from '../../api/common.js';
import {
  EpiTeamAccountView,
  EpiTeamBody,
  EpiTeamKind,
  EpiTeamListView,
  EpiTeamMemberBody,
  EpiTeamMemberPatchBody,
  EpiTeamMemberView,
  EpiTeamPatchBody,
  EpiTeamView,
  ReserveView,
  RevealBody,
  RevealedPhoneView,
} from '../../api/epiTeams.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { reserveOf } from './reserve.js';
import {
  addMember,
  createTeam,
  getTeam,
  listTeams,
  patchMember,
  patchTeam,
  revealMemberPhone,
  teamAccounts,
} from './teams.js';

const tags = ['epi-teams'];
const IdParams = Type.Object({ id: Uuid });
const JurisdictionQuery = Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) });

/** The epiTeams module's routes under /api (EPI-6: investigation teams, the big-data group, the reserve). */
export async function epiTeamRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.get(
    '/epi-teams',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary: 'Investigation teams over a jurisdiction with their members (EPI-6)',
        description:
          'Field teams, the big-data working group (大数据工作组) and the reserves of epi assistants; ' +
          'also the counties without an active big-data group. Reserve phones are masked.',
        querystring: Type.Object({
          jurisdiction: Type.Optional(JurisdictionCode),
          kind: Type.Optional(EpiTeamKind),
          includeInactive: Type.Optional(Type.Boolean()),
        }),
        response: { 200: EpiTeamListView },
      },
    },
    (request) => withScope(ctx.db, actorOf(request), (tx) => listTeams(tx, actorOf(request), request.query)),
  );

  api.get(
    '/epi-teams/reserve',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary: 'EPI-6: epi assistants in reserve per village/community (3–5), short ones first, per town',
        querystring: JurisdictionQuery,
        response: { 200: ReserveView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        reserveOf(tx, actorOf(request), request.query.jurisdiction),
      ),
  );

  api.get(
    '/epi-teams/accounts',
    {
      config: { permission: 'team.write' },
      schema: {
        tags,
        summary: 'Accounts within a jurisdiction that may be added to a team',
        querystring: JurisdictionQuery,
        response: { 200: EpiTeamAccountView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        teamAccounts(tx, actorOf(request), request.query.jurisdiction),
      ),
  );

  // Registered before the routes under /epi-teams/:id (test/support/routeRequests relies on it).
  api.post(
    '/epi-teams',
    {
      config: { permission: 'team.write' },
      schema: {
        tags,
        summary: 'Add a team; sending the same id again returns it unchanged',
        body: EpiTeamBody,
        response: { 200: EpiTeamView, 201: EpiTeamView },
      },
    },
    async (request, reply) => {
      const { team, created } = await withScope(ctx.db, actorOf(request), (tx) =>
        createTeam(tx, actorOf(request), request.body),
      );
      return reply.status(created ? 201 : 200).send(team);
    },
  );

  api.get(
    '/epi-teams/:id',
    {
      config: { permission: 'investigation.read' },
      schema: {
        tags,
        summary: 'One team with all its members',
        params: IdParams,
        response: { 200: EpiTeamView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getTeam(tx, actorOf(request), request.params.id)),
  );

  api.patch(
    '/epi-teams/:id',
    {
      config: { permission: 'team.write' },
      schema: {
        tags,
        summary: 'Rename a team, or deactivate (active: false) or restore it',
        params: IdParams,
        body: EpiTeamPatchBody,
        response: { 200: EpiTeamView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        patchTeam(tx, actorOf(request), request.params.id, request.body),
      ),
  );

  api.post(
    '/epi-teams/:id/members',
    {
      config: { permission: 'team.write' },
      schema: {
        tags,
        summary: 'Add a member: an account, or a reserve person by name and phone (sealed)',
        description:
          'An assistant of a reserve team names the village/community they stand ready for (EPI-6).',
        params: IdParams,
        body: EpiTeamMemberBody,
        response: { 201: EpiTeamMemberView },
      },
    },
    async (request, reply) => {
      const member = await withScope(ctx.db, actorOf(request), (tx) =>
        addMember(ctx, tx, actorOf(request), request.params.id, request.body),
      );
      return reply.status(201).send(member);
    },
  );

  api.patch(
    '/epi-team-members/:id',
    {
      config: { permission: 'team.write' },
      schema: {
        tags,
        summary: 'Change a member’s role or village, or deactivate (active: false) or restore them',
        params: IdParams,
        body: EpiTeamMemberPatchBody,
        response: { 200: EpiTeamMemberView },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        patchMember(tx, actorOf(request), request.params.id, request.body),
      ),
  );

  api.post(
    '/epi-team-members/:id/phone',
    {
      config: { permission: 'person.unmask' },
      schema: {
        tags,
        summary: 'A reserve person’s whole phone number, with a reason; audited',
        params: IdParams,
        body: RevealBody,
        response: { 200: RevealedPhoneView },
      },
    },
    async (request) => ({
      phone: await withScope(ctx.db, actorOf(request), (tx) =>
        revealMemberPhone(ctx, tx, actorOf(request), request.params.id, request.body.reason),
      ),
    }),
  );
}
