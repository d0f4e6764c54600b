import { Type } from 'typebox';
import { Uuid } from '../../api/common.js';
import {
  BoardQuery,
  BoardView,
  FloorQuery,
  FloorView,
  HandleBody,
  LinkView,
  ReadingBody,
  ReadingCorrectionBody,
  ReadingView,
  RevokedView,
  StayParams,
  StayReadingsView,
} from '../../api/healthMonitoring.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { publicOrigin } from '../../platform/http/publicUrl.js';
import { qrSvg } from '../landing/index.js';
import { issueLink, revokeLinks } from './links.js';
import { correctReading, handleAlert, recordReading } from './readings.js';
import { floorSheet, monitoringBoard, stayReadings } from './views.js';

const tags = ['health monitoring'];
const IdParams = Type.Object({ id: Uuid });

/** The public page a self-report link opens (ISO-5). */
const selfReportUrl = (origin: string, token: string) => `${origin.replace(/\/+$/, '')}/self-report/${token}`;

/**
 * Health monitoring of people in isolation (ISO-4, ISO-5) under /api/monitoring: readings twice a
 * day by staff, the abnormal reading's immediate report and its handling, the board, a floor's
 * sheet, a stay's readings and its self-report link. Registered in workflow order.
 */
export async function monitoringRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  const zone = ctx.config.defaultTimeZone;

  api.post(
    '/monitoring/readings',
    {
      config: { permission: 'monitoring.write' },
      schema: {
        tags,
        summary:
          'Record today’s morning or afternoon reading of a person in isolation: temperature and symptoms (ISO-4, ISO-5). An abnormal one (≥ 37.3 ℃ or any symptom) opens its immediate report, due in 2 hours; a second reading of the slot is 409 reading_recorded',
        body: ReadingBody,
        response: { 201: ReadingView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const reading = await withScope(ctx.db, actor, (tx) =>
        recordReading(tx, actor, request.body.stayId, request.body, 'staff', ctx.now(), zone),
      );
      return reply.status(201).send(reading);
    },
  );

  api.get(
    '/monitoring/board',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'Everyone under monitoring in scope (centralised in a room, or at home), paged, with today’s readings, the current slot’s missing ones and the open abnormal reports first (ISO-4, ISO-5)',
        querystring: BoardQuery,
        response: { 200: BoardView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => monitoringBoard(tx, actor, request.query, ctx.now(), zone));
    },
  );

  api.get(
    '/monitoring/floor',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'A floor of an isolation site for its staff: one row per room, the occupant masked, today’s two readings (ISO-4)',
        querystring: FloorQuery,
        response: { 200: FloorView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        floorSheet(tx, request.query.siteId, request.query.floor, ctx.now(), zone),
      );
    },
  );

  api.get(
    '/monitoring/stays/:id',
    {
      config: { permission: 'isolation.read' },
      schema: {
        tags,
        summary:
          'A stay’s readings by day and slot, missed slots marked, its open abnormal reports and self-report link (ISO-4, ISO-5)',
        params: StayParams,
        response: { 200: StayReadingsView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => stayReadings(tx, actor, request.params.id, ctx.now(), zone));
    },
  );

  api.patch(
    '/monitoring/readings/:id',
    {
      config: { permission: 'monitoring.write' },
      schema: {
        tags,
        summary:
          'Correct a reading (audited, with the version read): corrected to normal cancels its open report, to abnormal opens one (ISO-4)',
        params: IdParams,
        body: ReadingCorrectionBody,
        response: { 200: ReadingView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        correctReading(tx, actor, request.params.id, request.body, ctx.now()),
      );
    },
  );

  api.post(
    '/monitoring/alerts/:id/handle',
    {
      config: { permission: 'monitoring.write' },
      schema: {
        tags,
        summary:
          'Handle an abnormal reading (ISO-4 一报告): reported to the CDC, sent to a fever clinic, or rechecked normal; closes its report (audited). 409 alert_handled when already handled',
        params: IdParams,
        body: HandleBody,
        response: { 200: ReadingView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) =>
        handleAlert(tx, actor, request.params.id, request.body, ctx.now()),
      );
    },
  );

  api.post(
    '/monitoring/stays/:id/self-report-link',
    {
      config: { permission: 'monitoring.write' },
      schema: {
        tags,
        summary:
          'Issue a home stay’s personal self-report link (ISO-5): shown once with its QR code (only its hash is kept), expiring after the planned end; a new one revokes the old (audited)',
        params: StayParams,
        response: { 201: LinkView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { token, expiresAt } = await withScope(ctx.db, actor, (tx) =>
        issueLink(tx, actor, request.params.id, ctx.now(), zone),
      );
      const url = selfReportUrl(publicOrigin(request, ctx.config), token);
      return reply.status(201).send({
        stayId: request.params.id,
        url,
        expiresAt: expiresAt.toISOString(),
        qrSvg: await qrSvg(url),
      });
    },
  );

  api.delete(
    '/monitoring/stays/:id/self-report-link',
    {
      config: { permission: 'monitoring.write' },
      schema: {
        tags,
        summary: 'Revoke a home stay’s self-report link (audited): it then answers as any invalid link',
        params: StayParams,
        response: { 200: RevokedView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const revoked = await withScope(ctx.db, actor, (tx) =>
        revokeLinks(tx, actor, request.params.id, ctx.now()),
      );
      return { stayId: request.params.id, revoked };
    },
  );
}
