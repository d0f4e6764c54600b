import { Type } from 'typebox';
import { Paging, Uuid } from '../../api/common.js';
import {
  AtBody,
  CancelBody,
  CrewCandidatesView,
  EscortBody,
  RejectBody,
  StaffReportBody,
  StayBody,
  TruckPageView,
  TruckQuery,
  TruckReportView,
  UnmaskBody,
  UnmaskedCrewView,
} from '../../api/trucks.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError, invalid } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { isRealReason } from '../../rules/unmaskReason.js';
import { guardUnmask } from '../persons/index.js';
import { fileTruckReport } from './file.js';
import { listTruckReports, unmaskCrew } from './list.js';
import { countCrewSearches, crewCandidates } from './match.js';
import { truckPublicRoutes } from './publicRoutes.js';
import { recordStay } from './stay.js';
import { readTruckReport } from './view.js';
import {
  assignEscort,
  cancelTruck,
  recordArrival,
  recordDeparture,
  rejectTruck,
  verifyTruck,
} from './workflow.js';

const tags = ['trucks'];
const IdParams = Type.Object({ id: Uuid });

/**
 * Staff side of truck pre-reports (ARR-12). Registered in workflow order (file, read, verify or
 * reject, escort, arrive, stay, depart, or cancel), which is also the order the route-coverage
 * tests walk them in.
 */
export function truckRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/trucks/reports',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'File a truck pre-report for a consignee (ARR-12); a report < 24 h ahead is accepted and flagged late',
        body: StaffReportBody,
        response: { 200: TruckReportView, 201: TruckReportView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const filed = await withScope(ctx.db, actor, (tx) =>
        fileTruckReport(ctx, tx, actor, request.body, actor.scopes),
      );
      return reply.status(filed.created ? 201 : 200).send(filed.report);
    },
  );

  api.get(
    '/trucks/reports',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'Truck pre-reports on your communities’ lists, by status; next arrivals first',
        querystring: Type.Object({ ...TruckQuery.properties, ...Paging.properties }),
        response: { 200: TruckPageView },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) =>
        listTruckReports(tx, actor, filter, page, pageSize),
      );
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/trucks/reports/:id',
    {
      config: { permission: 'arrival.read' },
      schema: {
        tags,
        summary: 'One truck pre-report, crew masked',
        params: IdParams,
        response: { 200: TruckReportView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readTruckReport(tx, actor.scopes, request.params.id));
    },
  );

  api.post(
    '/trucks/reports/:id/verify',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Confirm a public pre-report with the consignee: until then it is a claim; now the escort is owed (ARR-12)',
        params: IdParams,
        response: { 200: TruckReportView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => verifyTruck(ctx, tx, actor, request.params.id));
    },
  );

  api.post(
    '/trucks/reports/:id/reject',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'Reject an unverified public pre-report (a duplicate, not genuine, a test); it ends, touching no one',
        params: IdParams,
        body: RejectBody,
        response: { 200: TruckReportView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        rejectTruck(ctx, tx, actor, request.params.id, request.body.reason, request.body.note),
      );
    },
  );

  api.post(
    '/trucks/reports/:id/escort',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'Name the escort who guides the truck from the checkpoint (派人持相关证明引导)',
        params: IdParams,
        body: EscortBody,
        response: { 200: TruckReportView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        assignEscort(ctx, tx, actor, request.params.id, request.body.escortName),
      );
    },
  );

  api.post(
    '/trucks/reports/:id/arrival',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'The truck reached the checkpoint and was met by its escort; closes the escort deadline',
        params: IdParams,
        body: AtBody,
        response: { 200: TruckReportView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        recordArrival(ctx, tx, actor, request.params.id, new Date(request.body.at)),
      );
    },
  );

  api.get(
    '/trucks/reports/:id/candidates',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'For each crew member, the persons of your jurisdiction with their ID number and what differs (name, phone, where filed): whom to match them to before a stay-over. Without the unmask permission each crew member listed counts as an exact search (audited by keyed hash, limited per user, 429 past it)',
        params: IdParams,
        response: { 200: CrewCandidatesView },
      },
    },
    (request) => crewCandidates(ctx, actorOf(request), request.params.id),
  );

  api.post(
    '/trucks/reports/:id/stay',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'The truck stays over through lastDate (or the stay is extended): the crew, each matched by staff to a person of their jurisdiction or registered anew (crew), become arrivals, and a daily NAT is due each day',
        params: IdParams,
        body: StayBody,
        response: { 200: TruckReportView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.body.crew?.some((match) => !match.personId))
        await countCrewSearches(ctx, actor, request.params.id);
      return withScope(ctx.db, actor, (tx) => recordStay(ctx, tx, actor, request.params.id, request.body));
    },
  );

  api.post(
    '/trucks/reports/:id/departure',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary: 'Unloaded and left (装卸货后立即返回); closes the report',
        params: IdParams,
        body: AtBody,
        response: { 200: TruckReportView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        recordDeparture(ctx, tx, actor, request.params.id, new Date(request.body.at)),
      );
    },
  );

  api.post(
    '/trucks/reports/:id/cancel',
    {
      config: { permission: 'arrival.write' },
      schema: {
        tags,
        summary:
          'The trip was called off before the truck reached the checkpoint; ends the report and its deadlines',
        params: IdParams,
        body: CancelBody,
        response: { 200: TruckReportView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        cancelTruck(ctx, tx, actor, request.params.id, request.body.note),
      );
    },
  );

  api.post(
    '/trucks/reports/:id/crew/:position/unmask',
    {
      config: { permission: 'person.unmask' },
      schema: {
        tags,
        summary:
          'A crew member’s full ID number and phone, to reach the driver; needs a real reason, is limited per user (429 past it, counted with persons’ unmasking) and recorded in the audit log',
        params: Type.Object({ id: Uuid, position: Type.Integer({ minimum: 1, maximum: 5 }) }),
        body: UnmaskBody,
        response: { 200: UnmaskedCrewView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!isRealReason(request.body.reason)) throw invalid([fieldError('reason', 'reason_too_short')]);
      await guardUnmask(ctx, actor);
      return withScope(ctx.db, actor, (tx) =>
        unmaskCrew(ctx, tx, actor, request.params.id, request.params.position, request.body.reason),
      );
    },
  );

  truckPublicRoutes(api, ctx);
}
