import { Type } from 'typebox';
import { JurisdictionCode, Uuid } from '../../api/common.js';
import {
  AwaitingListView,
  CancelStayBody,
  DischargeBody,
  EmptiedBody,
  EvaluateBody,
  EvaluateView,
  HospitalBody,
  HospitalDetailView,
  HospitalListView,
  HospitalQuery,
  HospitalUpdateBody,
  HospitalView,
  StayView,
  StepTimeBody,
  TransferBody,
} from '../../api/hospitals.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { casesAwaitingTransfer, evaluateTreatment } from './awaiting.js';
import { recordDischarge } from './discharge.js';
import { recordEmptied } from './emptying.js';
import { readiness } from './readiness.js';
import { registerHospital, updateHospital } from './register.js';
import { listHospitals, readHospital } from './registry.js';
import { staysOfHospital } from './stays.js';
import { cancelTransfer, recordAdmission, recordDeparture, requestTransfer } from './transfer.js';

const tags = ['hospitals'];
const IdParams = Type.Object({ id: Uuid });

/**
 * Treatment (CAS-3, CAS-4): designated hospitals, fever clinics and mobile cabins, beds, transfers,
 * the 48-hour emptying rule, discharge and follow-up. Registered in workflow order (register, read,
 * transfer, depart, admit, discharge), the order the route-coverage tests walk them in.
 */
export function hospitalRoutes(api: TypedApp, ctx: AppContext) {
  /** A step's time as sent, or now. */
  const atOf = (at: string | undefined) => (at ? new Date(at) : ctx.now());

  api.post(
    '/hospitals',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary: 'Register a designated hospital, fever clinic or mobile cabin hospital (CAS-4)',
        body: HospitalBody,
        response: { 200: HospitalView, 201: HospitalView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { hospital, created } = await withScope(ctx.db, actor, (tx) =>
        registerHospital(tx, actor, request.body, ctx.now()),
      );
      return reply.status(created ? 201 : 200).send(hospital);
    },
  );

  api.get(
    '/hospitals',
    {
      config: { permission: 'hospital.read' },
      schema: {
        tags,
        summary:
          'Hospitals serving a jurisdiction (its own and those above it) with beds, occupancy and readiness shortfalls (CAS-4), summed',
        querystring: HospitalQuery,
        response: { 200: HospitalListView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        const items = await listHospitals(tx, actor, request.query, ctx.now());
        return { items, total: items.length, readiness: readiness(items) };
      });
    },
  );

  api.get(
    '/hospitals/awaiting-transfer',
    {
      config: { permission: 'hospital.read' },
      schema: {
        tags,
        summary:
          'Confirmed cases and asymptomatic infections no hospital holds or is fetching, with their transfer due time (CAS-3)',
        querystring: Type.Object({ jurisdiction: Type.Optional(JurisdictionCode) }),
        response: { 200: AwaitingListView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        casesAwaitingTransfer(tx, actor, request.query.jurisdiction, ctx.now()),
      );
    },
  );

  api.post(
    '/hospitals/evaluate',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary:
          'Open the transfer deadline of every case awaiting transfer (CAS-3) and the 48-hour emptying of designated hospitals holding 10 confirmed cases (CAS-4)',
        body: EvaluateBody,
        response: { 200: EvaluateView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        evaluateTreatment(tx, actor, request.body.jurisdiction, ctx.now()),
      );
    },
  );

  api.get(
    '/hospitals/:id',
    {
      config: { permission: 'hospital.read' },
      schema: {
        tags,
        summary: 'One hospital with its readiness, and the patients and transfers of your jurisdiction there',
        params: IdParams,
        response: { 200: HospitalDetailView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => ({
        hospital: await readHospital(tx, actor, request.params.id, ctx.now()),
        stays: await staysOfHospital(tx, request.params.id, ctx.now()),
      }));
    },
  );

  api.put(
    '/hospitals/:id',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary: 'Update a hospital’s beds, supplies or status (a cabin opened); audited',
        params: IdParams,
        body: HospitalUpdateBody,
        response: { 200: HospitalView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        updateHospital(tx, actor, request.params.id, request.body, ctx.now()),
      );
    },
  );

  api.post(
    '/hospitals/:id/transfers',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary:
          'Transfer a confirmed case or asymptomatic infection to this hospital, point to point (CAS-3); only a designated hospital or an opened cabin admits cases',
        params: IdParams,
        body: TransferBody,
        response: { 200: StayView, 201: StayView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { stay, created } = await withScope(ctx.db, actor, (tx) =>
        requestTransfer(tx, actor, request.params.id, request.body, ctx.now()),
      );
      return reply.status(created ? 201 : 200).send(stay);
    },
  );

  api.post(
    '/hospital-stays/:id/depart',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary: 'The transfer vehicle left with the patient',
        params: IdParams,
        body: StepTimeBody,
        response: { 200: StayView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        recordDeparture(tx, actor, request.params.id, atOf(request.body.at), ctx.now()),
      );
    },
  );

  api.post(
    '/hospital-stays/:id/admit',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary:
          'The hospital admitted the patient: closes the transfer deadline (CAS-3) and checks the 48-hour rule (CAS-4)',
        params: IdParams,
        body: StepTimeBody,
        response: { 200: StayView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        recordAdmission(tx, actor, request.params.id, atOf(request.body.at), ctx.now()),
      );
    },
  );

  api.post(
    '/hospital-stays/:id/discharge',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary:
          'Discharge the patient: the pack’s isolation and follow-up after discharge become deadlines of the community and the hospital (CAS-3)',
        params: IdParams,
        body: DischargeBody,
        response: { 200: StayView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        recordDischarge(
          ctx,
          tx,
          actor,
          request.params.id,
          atOf(request.body.at),
          request.body.note,
          ctx.now(),
        ),
      );
    },
  );

  api.post(
    '/hospital-stays/:id/cancel',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary: 'Cancel a transfer not yet admitted; the case still owes its transfer',
        params: IdParams,
        body: CancelStayBody,
        response: { 200: StayView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        cancelTransfer(tx, actor, request.params.id, request.body.reason, ctx.now()),
      );
    },
  );

  api.post(
    '/hospitals/:id/emptied',
    {
      config: { permission: 'hospital.write' },
      schema: {
        tags,
        summary:
          'Record that the designated hospital has been emptied of its other patients (CAS-4, 48 hours)',
        params: IdParams,
        body: EmptiedBody,
        response: { 200: HospitalView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        recordEmptied(tx, actor, request.params.id, atOf(request.body.at), request.body.note, ctx.now()),
      );
    },
  );
}
